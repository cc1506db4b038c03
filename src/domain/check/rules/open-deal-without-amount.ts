import type { CheckRule } from '../types.js'

export const openDealWithoutAmount: CheckRule<'deal'> = {
  id: 'open-deal-without-amount',
  entity: 'deal',
  severity: 'warning',
  description:
    'An open deal has no amount, so pipeline and forecast count it as zero (a won deal without amount is an invalid row).',
  reads: ['status', 'amount'],
  check: (deal) =>
    deal.status === 'open' && deal.amount === undefined
      ? 'open deal has no amount (pipeline and forecast count it as 0)'
      : undefined,
}
