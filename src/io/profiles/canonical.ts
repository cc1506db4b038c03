import type { CrmProfile } from './types.js'

/**
 * salesops' own column names (the `name` of each field in src/model, e.g. `close_date`), which
 * every profile also accepts. Its stage table is the demo company's.
 */
export const canonical: CrmProfile = {
  name: 'canonical',
  label: 'salesops canonical columns',
  headers: {},
  probabilityScale: 'percent',
  stages: [
    { name: 'Prospecting', status: 'open', probability: 0.1, forecastCategory: 'pipeline' },
    { name: 'Qualification', status: 'open', probability: 0.2, forecastCategory: 'pipeline' },
    { name: 'Discovery', status: 'open', probability: 0.4, forecastCategory: 'best_case' },
    { name: 'Proposal', status: 'open', probability: 0.6, forecastCategory: 'best_case' },
    { name: 'Negotiation', status: 'open', probability: 0.8, forecastCategory: 'commit' },
    { name: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'closed', aliases: ['Won'] },
    { name: 'Closed Lost', status: 'lost', probability: 0, forecastCategory: 'omitted', aliases: ['Lost'] },
  ],
}
