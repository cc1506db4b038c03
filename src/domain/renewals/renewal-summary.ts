/**
 * `renewals --by owner|account`: the renewal book per group, counted from the calendar rows. PURE.
 *
 * Per status: the number of contracts and the Σ of their value. renewal_rate = renewed value ÷
 * (renewed + churned + expired value): of the value whose renewal is decided, the share renewed
 * (upcoming, due and overdue contracts are undecided). Null when nothing is decided.
 */
import { groupBy, NO_VALUE } from '../shared/group-by.js'
import { ratio } from '../shared/stats.js'
import type { RenewalRow } from './renewal-rows.js'

export const renewalGroupFields = ['owner', 'account'] as const
export type RenewalGroupField = (typeof renewalGroupFields)[number]

export interface RenewalSummaryRow {
  /** the owner or account, `(none)` when blank, `total` on the totals row */
  group: string
  contracts: number
  value: number
  upcoming: number
  upcoming_value: number
  due: number
  due_value: number
  overdue: number
  overdue_value: number
  renewed: number
  renewed_value: number
  churned: number
  churned_value: number
  expired: number
  expired_value: number
  renewal_rate: number | null
}

function summarise(group: string, rows: readonly RenewalRow[]): RenewalSummaryRow {
  const s: RenewalSummaryRow = {
    group,
    contracts: 0,
    value: 0,
    upcoming: 0,
    upcoming_value: 0,
    due: 0,
    due_value: 0,
    overdue: 0,
    overdue_value: 0,
    renewed: 0,
    renewed_value: 0,
    churned: 0,
    churned_value: 0,
    expired: 0,
    expired_value: 0,
    renewal_rate: null,
  }
  for (const r of rows) {
    s.contracts++
    s.value += r.value
    s[r.status]++
    s[`${r.status}_value`] += r.value
  }
  s.renewal_rate = ratio(s.renewed_value, s.renewed_value + s.churned_value + s.expired_value)
  return s
}

export function renewalSummary(
  rows: readonly RenewalRow[],
  by: RenewalGroupField,
): { rows: RenewalSummaryRow[]; totals: RenewalSummaryRow } {
  const groups = groupBy(rows, (r) => {
    const v = r[by]
    return v === undefined || v.trim() === '' ? NO_VALUE : v
  })
  return {
    rows: [...groups].map(([key, list]) => summarise(key, list)),
    totals: summarise('total', rows),
  }
}
