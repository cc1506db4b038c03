/** Two plan files on the same data, side by side: what each rep would be paid under each. */
import type { Cents } from '../../model/money.js'
import type { CommissionRow } from './run-commissions.js'

export interface WhatIfRow {
  readonly rep: string
  readonly rep_id: string
  readonly period: string
  readonly plan: string
  readonly payout: Cents | null
  readonly what_if_plan: string
  readonly what_if_payout: Cents | null
  /** what_if_payout − payout; a missing side counts as 0 */
  readonly difference: Cents
}

/**
 * Joins the rows of the current run and the what-if run by rep id and period. A rep with a plan in
 * only one of them keeps an empty other side (payout null, plan ''), and the difference counts that
 * side as 0. Order: the periods in run order, then rep name, then rep id.
 *
 * @example
 *   // Ann: current 5,000.00, what-if 6,250.00 → difference 1,250.00
 */
export function whatIfRows(
  current: readonly CommissionRow[],
  whatIf: readonly CommissionRow[],
  periodOrder: readonly string[],
): WhatIfRow[] {
  const key = (r: CommissionRow): string => `${r.period}\u0000${r.rep_id}`
  const other = new Map(whatIf.map((r) => [key(r), r]))
  const seen = new Set<string>()
  const rows: WhatIfRow[] = []
  for (const a of current) {
    const b = other.get(key(a))
    seen.add(key(a))
    rows.push({
      rep: a.rep,
      rep_id: a.rep_id,
      period: a.period,
      plan: a.plan,
      payout: a.payout,
      what_if_plan: b?.plan ?? '',
      what_if_payout: b?.payout ?? null,
      difference: ((b?.payout ?? 0) - a.payout) as Cents,
    })
  }
  for (const b of whatIf) {
    if (seen.has(key(b))) continue
    rows.push({
      rep: b.rep,
      rep_id: b.rep_id,
      period: b.period,
      plan: '',
      payout: null,
      what_if_plan: b.plan,
      what_if_payout: b.payout,
      difference: b.payout,
    })
  }
  const index = new Map(periodOrder.map((p, i) => [p, i]))
  return rows.sort(
    (x, y) =>
      (index.get(x.period) ?? 0) - (index.get(y.period) ?? 0) ||
      (x.rep < y.rep ? -1 : x.rep > y.rep ? 1 : 0) ||
      (x.rep_id < y.rep_id ? -1 : x.rep_id > y.rep_id ? 1 : 0),
  )
}
