/**
 * Recurring revenue per account at period boundaries and the movements between them: the one
 * implementation of churn, GRR and NRR that `kpi --contracts` and `retention` share. PURE.
 *
 * ARR of an account on day d = Σ value of its contracts active on d: start ≤ d ≤ effective end, and
 * d < churn_date when a churn date is set. A contract's effective end is extended to the day before
 * the next contract of the same account starts when that start lies within the renewal grace after
 * its end (a renewal signed a few days late is no churn). Values are annual (ARR), in cents.
 *
 * For a period [s, e): starting ARR = ARR on day s, ending ARR = ARR on day e (the state after the
 * period). Per account, with a0 = starting and a1 = ending ARR:
 *   a0 = 0 < a1 → new;  a0 > 0 = a1 → churned;  a1 > a0 > 0 → expansion;  0 < a1 < a0 → contraction.
 * So starting + new + expansion − contraction − churned = ending, exactly, in cents.
 */
import { addDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import type { Period } from '../shared/period.js'
import { ratio } from '../shared/stats.js'

export interface RetentionOptions {
  /** days after a contract's end within which a next contract of the account continues it (default 30) */
  readonly graceDays: number
  /** contract values are monthly (MRR): multiplied by 12 into ARR */
  readonly monthly: boolean
}

export interface ArrMovements {
  starting_arr: number
  new_arr: number
  expansion_arr: number
  contraction_arr: number
  churned_arr: number
  ending_arr: number
  customers_start: number
  customers_lost: number
  customers_new: number
  /** customers_lost ÷ customers_start */
  logo_churn_rate: number | null
  /** (starting − churned − contraction) ÷ starting: at most 1 */
  grr: number | null
  /** (starting − churned − contraction + expansion) ÷ starting */
  nrr: number | null
  /** (churned + contraction) ÷ starting = 1 − grr */
  revenue_churn_rate: number | null
}

/** One contract as recurring revenue of its account: the unit every retention figure is built from. */
export interface Span {
  readonly account: string
  /** the contract's id, owner and product (for grouping; they do not change any amount) */
  readonly contract: string
  readonly owner: string | undefined
  readonly product: string | undefined
  readonly start: CalendarDate
  /** inclusive; the contract's end, or the day before a renewal that starts within the grace */
  readonly end: CalendarDate
  readonly churn: CalendarDate | undefined
  readonly arr: number
}

/** Contracts as account spans with their effective ends (renewal grace applied). */
export function contractSpans(contracts: readonly Contract[], options: RetentionOptions): Span[] {
  const byAccount = new Map<string, Contract[]>()
  for (const c of contracts) {
    const list = byAccount.get(c.account_id)
    if (list === undefined) byAccount.set(c.account_id, [c])
    else list.push(c)
  }
  const spans: Span[] = []
  for (const [account, list] of byAccount) {
    const starts = list.map((c) => c.start).sort((a, b) => a - b)
    for (const c of list) {
      let end = c.end
      if (c.churn_date === undefined) {
        // the first later start within the grace window continues this contract
        const next = starts.find((s) => s > c.end && s <= c.end + options.graceDays + 1)
        if (next !== undefined) end = addDays(next, -1)
      }
      spans.push({
        account,
        contract: c.id,
        owner: c.owner,
        product: c.product,
        start: c.start,
        end,
        churn: c.churn_date,
        arr: options.monthly ? c.value * 12 : c.value,
      })
    }
  }
  return spans
}

/** Whether a span counts on day d: start ≤ d ≤ effective end, and d before its churn date. */
export function isActiveOn(s: Span, d: CalendarDate): boolean {
  return s.start <= d && d <= s.end && (s.churn === undefined || d < s.churn)
}

/** ARR per account on day d. */
export function arrOn(spans: readonly Span[], d: CalendarDate): Map<string, number> {
  const arr = new Map<string, number>()
  for (const s of spans) {
    if (!isActiveOn(s, d)) continue
    arr.set(s.account, (arr.get(s.account) ?? 0) + s.arr)
  }
  return arr
}

/**
 * The ARR bridge of `period` (ending ARR measured on `period.end`; pass a shortened period for one
 * still running). With `accounts`, only those accounts count (a group's customers).
 */
export function arrMovements(
  spans: readonly Span[],
  period: Period,
  accounts?: ReadonlySet<string>,
): ArrMovements {
  const before = arrOn(spans, period.start)
  const after = arrOn(spans, period.end)
  const m = {
    starting_arr: 0,
    new_arr: 0,
    expansion_arr: 0,
    contraction_arr: 0,
    churned_arr: 0,
    ending_arr: 0,
    customers_start: 0,
    customers_lost: 0,
    customers_new: 0,
  }
  for (const account of new Set([...before.keys(), ...after.keys()])) {
    if (accounts !== undefined && !accounts.has(account)) continue
    const a0 = before.get(account) ?? 0
    const a1 = after.get(account) ?? 0
    m.starting_arr += a0
    m.ending_arr += a1
    if (a0 > 0) m.customers_start++
    if (a0 === 0 && a1 > 0) {
      m.new_arr += a1
      m.customers_new++
    } else if (a0 > 0 && a1 === 0) {
      m.churned_arr += a0
      m.customers_lost++
    } else if (a1 > a0) m.expansion_arr += a1 - a0
    else if (a1 < a0) m.contraction_arr += a0 - a1
  }
  const check = m.starting_arr + m.new_arr + m.expansion_arr - m.contraction_arr - m.churned_arr
  if (check !== m.ending_arr) throw new Error(`ARR bridge does not balance: ${check} ≠ ${m.ending_arr}`)
  return {
    ...m,
    logo_churn_rate: ratio(m.customers_lost, m.customers_start),
    grr: ratio(m.starting_arr - m.churned_arr - m.contraction_arr, m.starting_arr),
    nrr: ratio(m.starting_arr - m.churned_arr - m.contraction_arr + m.expansion_arr, m.starting_arr),
    revenue_churn_rate: ratio(m.churned_arr + m.contraction_arr, m.starting_arr),
  }
}
