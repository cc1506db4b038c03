import type { CrmProfile } from './types.js'

/** Odoo CRM leads/opportunities: normal export (labels) or import-compatible (technical names). */
export const odoo: CrmProfile = {
  name: 'odoo',
  label: 'Odoo CRM',
  probabilityScale: 'percent',
  stages: [
    { name: 'New', status: 'open', probability: 0.1 },
    { name: 'Qualified', status: 'open', probability: 0.3 },
    { name: 'Proposition', status: 'open', probability: 0.7 },
    { name: 'Won', status: 'won', probability: 1, forecastCategory: 'closed' },
  ],
  headers: {
    deal: {
      id: ['ID', 'External ID', 'id'],
      name: ['Opportunity', 'name'],
      account: ['Customer', 'partner_id', 'Company Name'],
      owner: ['Salesperson', 'user_id'],
      stage: ['Stage', 'stage_id', 'stage_id/id'],
      amount: ['Expected Revenue', 'expected_revenue'],
      currency: ['Currency', 'company_currency'],
      probability: ['Probability', 'probability'],
      created: ['Created on', 'create_date'],
      close_date: ['Closed Date', 'date_closed', 'Expected Closing', 'date_deadline'],
      source: ['Source', 'source_id'],
      territory: ['Sales Team', 'team_id'],
    },
  },
}
