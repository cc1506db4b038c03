import type { StageRow } from './types.js'

/** Salesforce's standard OpportunityStage value set (crm-exports.md §4). */
export const salesforceStages: readonly StageRow[] = [
  { name: 'Prospecting', status: 'open', probability: 0.1, forecastCategory: 'pipeline' },
  { name: 'Qualification', status: 'open', probability: 0.1, forecastCategory: 'pipeline' },
  { name: 'Needs Analysis', status: 'open', probability: 0.2, forecastCategory: 'pipeline' },
  { name: 'Value Proposition', status: 'open', probability: 0.5, forecastCategory: 'pipeline' },
  { name: 'Id. Decision Makers', status: 'open', probability: 0.6, forecastCategory: 'pipeline' },
  { name: 'Perception Analysis', status: 'open', probability: 0.7, forecastCategory: 'pipeline' },
  { name: 'Proposal/Price Quote', status: 'open', probability: 0.75, forecastCategory: 'pipeline' },
  { name: 'Negotiation/Review', status: 'open', probability: 0.9, forecastCategory: 'pipeline' },
  { name: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'closed', aliases: ['Closed'] },
  { name: 'Closed Lost', status: 'lost', probability: 0, forecastCategory: 'omitted' },
]
