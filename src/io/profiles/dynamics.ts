import type { CrmProfile } from './types.js'

/** Dynamics 365 Sales opportunities (Export to Excel re-saved as CSV, or logical names). */
export const dynamics: CrmProfile = {
  name: 'dynamics',
  label: 'Microsoft Dynamics 365 Sales',
  probabilityScale: 'percent',
  stages: [
    { name: 'Qualify', status: 'open', probability: 0.1 },
    { name: 'Develop', status: 'open', probability: 0.3 },
    { name: 'Propose', status: 'open', probability: 0.6 },
    { name: 'Close', status: 'open', probability: 0.8 },
    { name: 'Won', status: 'won', probability: 1, forecastCategory: 'closed' },
    { name: 'Lost', status: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  headers: {
    deal: {
      id: ['(Do Not Modify) Opportunity', 'opportunityid'],
      name: ['Topic', 'name'],
      account: ['Potential Customer', 'Account', 'customerid'],
      owner: ['Owner', 'ownerid'],
      stage: ['Sales Stage', 'Pipeline Phase', 'salesstage', 'stepname'],
      status: ['Status', 'statecode'],
      amount: ['Est. revenue', 'Est. Revenue', 'estimatedvalue', 'Actual Revenue'],
      currency: ['Currency', 'transactioncurrencyid'],
      probability: ['Probability', 'closeprobability'],
      created: ['Created On', 'createdon'],
      close_date: [
        'Actual Close Date',
        'actualclosedate',
        'Est. close date',
        'Est. Close Date',
        'estimatedclosedate',
      ],
      forecast_category: ['Forecast category', 'msdyn_forecastcategory'],
      source: ['Source Campaign', 'campaignid'],
    },
    account: {
      id: ['(Do Not Modify) Account', 'accountid'],
      name: ['Account Name', 'name'],
      industry: ['Industry', 'industrycode'],
      owner: ['Owner', 'ownerid'],
      annual_revenue: ['Annual Revenue', 'revenue'],
      employees: ['Number of Employees', 'numberofemployees'],
      city: ['Address 1: City', 'address1_city'],
      postal_code: ['Address 1: ZIP/Postal Code', 'address1_postalcode'],
      country: ['Address 1: Country/Region', 'address1_country'],
    },
  },
}
