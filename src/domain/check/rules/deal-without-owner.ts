import type { CheckRule } from '../types.js'

export const dealWithoutOwner: CheckRule<'deal'> = {
  id: 'deal-without-owner',
  entity: 'deal',
  severity: 'warning',
  description: 'A deal has no owner, so per-rep KPIs, quotas and commissions leave it out.',
  reads: ['owner'],
  check: (deal) => (deal.owner === undefined ? 'deal has no owner' : undefined),
}
