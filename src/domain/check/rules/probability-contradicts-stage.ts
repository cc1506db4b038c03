import { formatPercent } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

export const probabilityContradictsStage: CheckRule<'deal'> = {
  id: 'probability-contradicts-stage',
  entity: 'deal',
  severity: 'warning',
  description:
    "A deal's probability contradicts its status: won below 100%, lost above 0%, or open at exactly 0% or 100%.",
  reads: ['probability', 'status'],
  check: (deal) => {
    const p = deal.probability
    if (p === undefined || p < 0 || p > 1) return undefined // probability-out-of-range reports those
    if (deal.status === 'won' && p < 1) return `won deal has probability ${formatPercent(p)} (expected 100%)`
    if (deal.status === 'lost' && p > 0) return `lost deal has probability ${formatPercent(p)} (expected 0%)`
    if (deal.status === 'open' && (p === 0 || p === 1)) {
      return `open deal has probability ${formatPercent(p)} (expected between 0% and 100%)`
    }
    return undefined
  },
}
