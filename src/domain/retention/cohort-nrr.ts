/**
 * `retention --cohorts`: net revenue retention by start cohort × months since start. PURE.
 *
 * - A customer's start is the first day its account has ARR (the earliest contract start that
 *   counts on its own first day); its cohort is the period (--period) containing that day.
 * - Its base is its ARR on that first day; at k months, its ARR on start + k months (month ends
 *   clamp: Jan 31 + 1 month = Feb 28/29). Churned customers count 0, expansion and contraction
 *   count as they are, a returning customer counts again. Renewal grace as in every ARR figure.
 * - NRR of a cohort at k months = Σ ARR at k ÷ Σ base, over the cohort's customers whose date
 *   start + k months is on or before --as-of (a customer not that old yet is in neither sum), so a
 *   cell never mixes observed and unobserved customers. Empty when none is that old.
 * - Columns are k = one period length (1, 3 or 12 months) and its multiples, up to the oldest
 *   customer's age. The `all` row pools every cohort of the range.
 */
import { addMonths } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import { groupBy } from '../shared/group-by.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { periodOf, periodsBetween } from '../shared/period.js'
import { ratio } from '../shared/stats.js'
import { arrOn, isActiveOn } from './arr-movements.js'
import type { Span } from './arr-movements.js'
import type { RetentionGrouping } from './retention-groups.js'
import type { RetentionGrain } from './retention-rows.js'
import { rangeStart } from './retention-rows.js'

export interface CohortOptions {
  readonly grain: RetentionGrain
  readonly calendar: FiscalCalendar
  readonly from: CalendarDate | undefined
  readonly to: CalendarDate | undefined
  readonly asOf: CalendarDate
}

export interface CohortRow {
  /** the group's value with --by (undefined without); `total` on the pooled row */
  group: string | undefined
  /** the cohort's period label, `all` on the pooled row */
  cohort: string
  customers: number
  /** Σ base ARR */
  starting_arr: number
  /** NRR at months[i] */
  nrr: (number | null)[]
}

export interface CohortReport {
  /** the months since start of the columns */
  readonly months: readonly number[]
  readonly rows: readonly CohortRow[]
  readonly totals: CohortRow
}

const MONTHS: Readonly<Record<RetentionGrain, number>> = { month: 1, quarter: 3, year: 12 }

interface Customer {
  readonly start: CalendarDate
  readonly base: number
  readonly spans: readonly Span[]
}

/** The first day with ARR of one account's spans, and its ARR that day; undefined if it never has any. */
export function firstArr(accountSpans: readonly Span[]): { start: CalendarDate; base: number } | undefined {
  let start: CalendarDate | undefined
  for (const s of accountSpans) {
    if (isActiveOn(s, s.start) && (start === undefined || s.start < start)) start = s.start
  }
  if (start === undefined) return undefined
  let base = 0
  for (const arr of arrOn(accountSpans, start).values()) base += arr
  return base > 0 ? { start, base } : undefined
}

function cohortRow(
  group: string | undefined,
  cohort: string,
  customers: readonly Customer[],
  months: readonly number[],
  asOf: CalendarDate,
): CohortRow {
  let starting = 0
  for (const c of customers) starting += c.base
  const nrr = months.map((k) => {
    let arr = 0
    let base = 0
    for (const c of customers) {
      const day = addMonths(c.start, k)
      if (day > asOf) continue
      base += c.base
      for (const value of arrOn(c.spans, day).values()) arr += value
    }
    return ratio(arr, base)
  })
  return { group, cohort, customers: customers.length, starting_arr: starting, nrr }
}

export function cohortNrr(
  grouping: RetentionGrouping,
  grouped: boolean,
  options: CohortOptions,
): CohortReport {
  const step = MONTHS[options.grain]
  const { groups, attribute } = grouping
  const allSpans = attribute === undefined ? groups.flatMap((g) => g.spans) : (groups[0]?.spans ?? [])
  const from = rangeStart(allSpans, options.from, options.asOf)
  const to = Math.min(options.to ?? options.asOf, options.asOf) as CalendarDate
  const cohorts: readonly Period[] = periodsBetween(from, to, options.grain, options.calendar)
  const inRange = new Set(cohorts.map((p) => p.label))
  /** the customers of some spans, with the group each belongs to */
  const customersOf = (
    spans: readonly Span[],
    groupOf: (account: string, start: CalendarDate) => string | undefined,
  ) => {
    const found: (Customer & { cohort: string; group: string })[] = []
    for (const [account, own] of groupBy(spans, (s) => s.account)) {
      const first = firstArr(own)
      if (first === undefined || first.start > options.asOf) continue
      const cohort = periodOf(first.start, options.grain, options.calendar).label
      const group = groupOf(account, first.start)
      if (inRange.has(cohort) && group !== undefined) found.push({ ...first, spans: own, cohort, group })
    }
    return found
  }
  const everyone =
    attribute === undefined
      ? groups.flatMap((g) => customersOf(g.spans, () => g.key))
      : customersOf(allSpans, (account, start) => attribute(account, [start]))
  const byGroup = groupBy(everyone, (c) => c.group)
  let oldest = 0
  for (const c of everyone) {
    let k = oldest + step
    while (addMonths(c.start, k) <= options.asOf) k += step
    oldest = k - step
  }
  const months: number[] = []
  for (let k = step; k <= oldest; k += step) months.push(k)
  const rows: CohortRow[] = []
  for (const { key } of groups) {
    const byCohort = groupBy(byGroup.get(key) ?? [], (c) => c.cohort)
    for (const p of cohorts) {
      const members = byCohort.get(p.label)
      if (members === undefined) continue
      rows.push(cohortRow(grouped ? key : undefined, p.label, members, months, options.asOf))
    }
  }
  const totals = cohortRow(grouped ? 'total' : undefined, 'all', everyone, months, options.asOf)
  return { months, rows, totals }
}
