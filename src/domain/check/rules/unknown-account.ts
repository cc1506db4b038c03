import { quote } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

const description = (entity: string): string =>
  `A ${entity}'s account id is not in --accounts (exact match), so account-level reports cannot join it; only checked when --accounts is given.`

function check(
  record: { readonly account_id?: string | undefined },
  accountIds: ReadonlySet<string> | undefined,
) {
  if (accountIds === undefined || record.account_id === undefined || accountIds.has(record.account_id))
    return undefined
  return `account id ${quote(record.account_id)} is not in the accounts file`
}

export const unknownDealAccount: CheckRule<'deal'> = {
  id: 'unknown-account',
  entity: 'deal',
  severity: 'warning',
  description: description('deal'),
  reads: ['account_id'],
  appliesTo: (ctx) => ctx.accountIds !== undefined,
  check: (deal, ctx) => check(deal, ctx.accountIds),
}

export const unknownContractAccount: CheckRule<'contract'> = {
  id: 'unknown-account',
  entity: 'contract',
  severity: 'warning',
  description: description('contract'),
  reads: ['account_id'],
  appliesTo: (ctx) => ctx.accountIds !== undefined,
  check: (contract, ctx) => check(contract, ctx.accountIds),
}
