import { centsToDecimal } from '../../../model/money.js'
import type { CheckRule } from '../types.js'

export const nonPositiveAmount: CheckRule<'deal'> = {
  id: 'non-positive-amount',
  entity: 'deal',
  severity: 'warning',
  description:
    "A deal's amount is zero or negative (a placeholder, a credit note or a sign error); sums and averages include it as is.",
  reads: ['amount'],
  check: (deal) =>
    deal.amount !== undefined && deal.amount <= 0
      ? `amount ${centsToDecimal(deal.amount)} is not positive`
      : undefined,
}
