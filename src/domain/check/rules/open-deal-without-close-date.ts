import type { CheckRule } from '../types.js'

export const openDealWithoutCloseDate: CheckRule<'deal'> = {
  id: 'open-deal-without-close-date',
  entity: 'deal',
  severity: 'warning',
  description:
    'An open deal has no expected close date, so period forecasts leave it out (a closed deal without one is an invalid row).',
  reads: ['status', 'close_date'],
  check: (deal) =>
    deal.status === 'open' && deal.close_date === undefined
      ? 'open deal has no close date (left out of period forecasts)'
      : undefined,
}
