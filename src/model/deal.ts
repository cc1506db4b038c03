import type { z } from 'zod'
import type { dealSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

export const dealStatuses = ['open', 'won', 'lost'] as const
export type DealStatus = (typeof dealStatuses)[number]
export const forecastCategories = [
  'pipeline',
  'best_case',
  'most_likely',
  'commit',
  'closed',
  'omitted',
] as const
export type ForecastCategory = (typeof forecastCategories)[number]
export const dealTypes = ['new', 'expansion', 'renewal', 'other'] as const
export type DealType = (typeof dealTypes)[number]

export type Deal = z.infer<typeof dealSchema>

export const dealSpec: EntitySpec = {
  entity: 'deal',
  plural: 'deals',
  fields: [
    { name: 'id', kind: 'id', aliases: ['deal_id', 'opportunity_id'] },
    { name: 'name', kind: 'text', aliases: ['deal_name', 'opportunity_name'] },
    { name: 'account_id', kind: 'id' },
    { name: 'account', kind: 'text', aliases: ['account_name', 'company'] },
    { name: 'owner', kind: 'text', aliases: ['rep', 'deal_owner'] },
    { name: 'stage', kind: 'text', aliases: ['deal_stage', 'stage_name'] },
    { name: 'status', kind: 'text', doc: 'open, won or lost; derived from the stage when absent' },
    { name: 'amount', kind: 'money', aliases: ['value'] },
    { name: 'currency', kind: 'currency', aliases: ['currency_code'] },
    { name: 'probability', kind: 'probability', aliases: ['probability_pct'] },
    { name: 'forecast_category', kind: 'text' },
    { name: 'created', kind: 'date', aliases: ['created_date', 'create_date'] },
    { name: 'close_date', kind: 'date', aliases: ['closed_date', 'expected_close_date'] },
    { name: 'type', kind: 'text', aliases: ['deal_type'] },
    { name: 'source', kind: 'text', aliases: ['lead_source'] },
    { name: 'product', kind: 'text' },
    { name: 'region', kind: 'text' },
    { name: 'territory', kind: 'text' },
    { name: 'team', kind: 'text' },
    { name: 'segment', kind: 'text' },
    { name: 'cost', kind: 'money' },
    { name: 'last_activity', kind: 'date', aliases: ['last_activity_date'] },
    { name: 'pipeline', kind: 'text' },
    { name: 'payment_date', kind: 'date', aliases: ['paid_date', 'paid_on'] },
    { name: 'arr', kind: 'money', aliases: ['annual_recurring_revenue'] },
    { name: 'split', kind: 'text', aliases: ['credit_split', 'splits'] },
    { name: 'is_won', kind: 'bool', inputOnly: true, aliases: ['won'] },
    { name: 'is_closed', kind: 'bool', inputOnly: true, aliases: ['closed'] },
    {
      name: 'is_deleted',
      kind: 'bool',
      inputOnly: true,
      doc: 'rows marked deleted (Salesforce IsDeleted) are dropped and counted',
    },
  ],
  requiredColumns: [['stage', 'status', 'is_won']],
  signature: ['stage', 'close_date', 'amount', 'probability', 'forecast_category'],
}
