/**
 * The renewal calendar: one row per contract with its days left and status, sorted by end date
 * (then account, then contract id). PURE.
 *
 * Chains and statuses are worked out over every contract; the filters (end date in [from, to],
 * statuses) only choose the rows shown.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import { renewalSuccessors } from './renewal-chains.js'
import { renewalStatus } from './renewal-status.js'
import type { RenewalStatus, RenewalStatusOptions } from './renewal-status.js'

export interface RenewalOptions extends RenewalStatusOptions {
  /** only contracts ending on or after this day */
  readonly from?: CalendarDate | undefined
  /** only contracts ending on or before this day */
  readonly to?: CalendarDate | undefined
  /** only these statuses (undefined or empty: all) */
  readonly statuses?: readonly RenewalStatus[] | undefined
}

export interface RenewalRow {
  contract_id: string
  account: string
  owner: string | undefined
  product: string | undefined
  end: CalendarDate
  /** end − as-of: 0 = ends today, negative = ended */
  days_left: number
  /** the contract's value as in the file (ARR, or MRR for a monthly file), in cents */
  value: number
  auto_renew: boolean | undefined
  status: RenewalStatus
  /** the id of the contract that renews this one (whatever the status) */
  renewed_by: string | undefined
  churn_date: CalendarDate | undefined
}

export function renewalRows(contracts: readonly Contract[], options: RenewalOptions): RenewalRow[] {
  const successors = renewalSuccessors(contracts, options.graceDays)
  const wanted =
    options.statuses === undefined || options.statuses.length === 0 ? undefined : options.statuses
  const rows: RenewalRow[] = []
  for (const c of contracts) {
    if (options.from !== undefined && c.end < options.from) continue
    if (options.to !== undefined && c.end > options.to) continue
    const next = successors.get(c)
    const status = renewalStatus(c, next !== undefined, options)
    if (wanted !== undefined && !wanted.includes(status)) continue
    rows.push({
      contract_id: c.id,
      account: c.account_id,
      owner: c.owner,
      product: c.product,
      end: c.end,
      days_left: c.end - options.asOf,
      value: c.value,
      auto_renew: c.auto_renew,
      status,
      renewed_by: next?.id,
      churn_date: c.churn_date,
    })
  }
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return rows.sort(
    (a, b) => a.end - b.end || text(a.account, b.account) || text(a.contract_id, b.contract_id),
  )
}
