import type { CrmProfile } from './types.js'

/**
 * HubSpot deals export (UI labels and internal names). Stage history comes from the
 * `Date entered "<Stage> (<Pipeline>)"` columns of the same file.
 */
export const hubspot: CrmProfile = {
  name: 'hubspot',
  label: 'HubSpot export',
  probabilityScale: 'fraction',
  dateEnteredColumns: true,
  stages: [
    { name: 'Appointment Scheduled', status: 'open', probability: 0.2, aliases: ['appointmentscheduled'] },
    { name: 'Qualified To Buy', status: 'open', probability: 0.4, aliases: ['qualifiedtobuy'] },
    { name: 'Presentation Scheduled', status: 'open', probability: 0.6, aliases: ['presentationscheduled'] },
    {
      name: 'Decision Maker Bought-In',
      status: 'open',
      probability: 0.8,
      aliases: ['decisionmakerboughtin'],
    },
    { name: 'Contract Sent', status: 'open', probability: 0.9, aliases: ['contractsent'] },
    { name: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'closed', aliases: ['closedwon'] },
    {
      name: 'Closed Lost',
      status: 'lost',
      probability: 0,
      forecastCategory: 'omitted',
      aliases: ['closedlost'],
    },
  ],
  headers: {
    deal: {
      id: ['Record ID', 'hs_object_id', 'Deal ID'],
      name: ['Deal Name', 'dealname'],
      account_id: ['Associated Company IDs (Primary)', 'Associated Company ID'],
      account: ['Associated Company (Primary)', 'Associated Company Names (Primary)', 'Associated Company'],
      owner: ['Deal owner', 'hubspot_owner_id'],
      stage: ['Deal Stage', 'dealstage'],
      amount: ['Amount', 'amount'],
      currency: ['Currency', 'deal_currency_code'],
      probability: ['Forecast probability', 'Deal probability', 'hs_deal_stage_probability'],
      created: ['Create Date', 'createdate'],
      close_date: ['Close Date', 'closedate'],
      is_closed: ['Is Deal Closed?', 'Is closed', 'hs_is_closed'],
      is_won: ['Is Closed Won', 'hs_is_closed_won'],
      forecast_category: ['Forecast category', 'hs_manual_forecast_category'],
      type: ['Deal Type', 'dealtype'],
      source: ['Original Traffic Source', 'Original Source Type', 'hs_analytics_source'],
      pipeline: ['Pipeline', 'pipeline'],
      territory: ['HubSpot Team', 'hubspot_team_id'],
      last_activity: ['Last Activity Date', 'notes_last_updated'],
    },
    account: {
      id: ['Record ID', 'Company ID', 'hs_object_id'],
      name: ['Company name', 'Name', 'name'],
      industry: ['Industry', 'industry'],
      owner: ['Company owner', 'hubspot_owner_id'],
      annual_revenue: ['Annual Revenue', 'annualrevenue'],
      employees: ['Number of Employees', 'numberofemployees'],
      country: ['Country/Region', 'country'],
      state: ['State/Region', 'state'],
      city: ['City', 'city'],
      postal_code: ['Postal Code', 'zip'],
    },
    lead: {
      id: ['Record ID', 'Contact ID'],
      created: ['Create Date', 'createdate'],
      source: ['Original Source', 'Original Traffic Source', 'hs_analytics_source'],
      status: ['Lead Status', 'hs_lead_status', 'Lifecycle Stage'],
      owner: ['Contact owner', 'hubspot_owner_id'],
      converted_date: ['Became an Opportunity Date', 'hs_lifecyclestage_opportunity_date'],
      company: ['Company Name', 'company'],
      email: ['Email', 'email'],
    },
  },
}
