/**
 * The deal fields every command can group by (`--by`): the text fields of a deal. The group column
 * keeps the field's name (`owner`, `region`, …); a deal without a value falls in `(none)`.
 */
import type { Deal } from '../../model/deal.js'

export const dealGroupFields = [
  'owner',
  'team',
  'region',
  'territory',
  'segment',
  'source',
  'type',
  'product',
  'pipeline',
  'account',
  'account_id',
  'currency',
  'stage',
  'forecast_category',
] as const
export type DealGroupField = (typeof dealGroupFields)[number]

/** The deal's value of a grouping field, or undefined when blank. */
export function dealGroupValue(deal: Deal, field: DealGroupField): string | undefined {
  const value = deal[field]
  return value === undefined || value === '' ? undefined : value
}
