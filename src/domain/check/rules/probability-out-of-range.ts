import { formatPercent } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

export const probabilityOutOfRange: CheckRule<'deal'> = {
  id: 'probability-out-of-range',
  entity: 'deal',
  severity: 'error',
  description:
    "A deal's probability lies outside 0–100% (e.g. 150%), so weighted pipeline and forecasts would be wrong.",
  reads: ['probability'],
  check: (deal) =>
    deal.probability !== undefined && (deal.probability > 1 || deal.probability < 0)
      ? `probability ${formatPercent(deal.probability)} is outside 0–100%`
      : undefined,
}
