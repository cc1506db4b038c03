import type { CrmProfile } from './types.js'

/** Pipedrive export: `Deal - Field` headers, status in `Deal - Status`, no stage history. */
export const pipedrive: CrmProfile = {
  name: 'pipedrive',
  label: 'Pipedrive export',
  probabilityScale: 'percent',
  stages: [
    { name: 'Qualified', status: 'open', probability: 0.2 },
    { name: 'Contact Made', status: 'open', probability: 0.4 },
    { name: 'Demo Scheduled', status: 'open', probability: 0.5 },
    { name: 'Proposal Made', status: 'open', probability: 0.6 },
    { name: 'Negotiations Started', status: 'open', probability: 0.8 },
  ],
  headers: {
    deal: {
      id: ['Deal - ID', 'ID'],
      name: ['Deal - Title', 'Title'],
      account: ['Deal - Organization', 'Organization - Name', 'Organization'],
      account_id: ['Organization - ID'],
      owner: ['Deal - Owner', 'Owner'],
      stage: ['Deal - Stage', 'Stage'],
      status: ['Deal - Status', 'Status'],
      amount: ['Deal - Value', 'Value'],
      currency: ['Deal - Currency of Value', 'Currency of Value', 'Deal - Currency'],
      probability: ['Deal - Probability', 'Probability'],
      created: ['Deal - Deal created', 'Deal created'],
      close_date: [
        'Deal - Won time',
        'Deal - Lost time',
        'Deal - Deal closed on',
        'Deal - Expected close date',
        'Expected close date',
      ],
      source: ['Deal - Source origin', 'Deal - Source channel', 'Source origin'],
      pipeline: ['Deal - Pipeline', 'Pipeline'],
      last_activity: ['Deal - Last activity date', 'Last activity date'],
      product: ['Deal - Product name'],
    },
    account: {
      id: ['Organization - ID'],
      name: ['Organization - Name'],
      owner: ['Organization - Owner'],
      employees: ['Organization - Number of employees'],
      industry: ['Organization - Industry'],
      postal_code: ['Organization - Postal code of Address'],
      city: ['Organization - City/town/village/locality of Address'],
      country: ['Organization - Country of Address'],
    },
  },
}
