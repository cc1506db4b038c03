import type { CheckRule } from '../types.js'

export const accountWithoutOwner: CheckRule<'account'> = {
  id: 'account-without-owner',
  entity: 'account',
  severity: 'warning',
  description:
    'An account has no owner, so territory, coverage and assignment reports treat it as unassigned.',
  reads: ['owner'],
  check: (account) => (account.owner === undefined ? 'account has no owner' : undefined),
}
