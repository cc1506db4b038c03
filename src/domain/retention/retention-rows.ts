/**
 * The `retention` report: the ARR bridge of every period from --from to --to (and per group with
 * --by), from `arrMovements`, the one implementation `kpi --contracts` uses too. PURE.
 *
 * A period is measured from its first day to the day after it, or to the day after --as-of while it
 * runs; periods that start after --as-of are not reported (nothing has happened in them yet). The
 * totals row is the bridge of the whole range (first period's start to the last one's measured end),
 * computed from the contracts, never by adding rows: a customer new in one quarter and lost in the
 * next is neither new nor lost over the half year.
 */
import type { Account } from '../../model/account.js'
import { addDays, formatIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { periodsBetween } from '../shared/period.js'
import { arrMovements, contractSpans } from './arr-movements.js'
import type { ArrMovements, RetentionOptions, Span } from './arr-movements.js'
import { retentionGroups } from './retention-groups.js'
import type { RetentionGroupField, RetentionGrouping } from './retention-groups.js'

export const retentionGrains = ['month', 'quarter', 'year'] as const
export type RetentionGrain = (typeof retentionGrains)[number]

export interface RetentionReportOptions extends RetentionOptions {
  readonly grain: RetentionGrain
  readonly calendar: FiscalCalendar
  /** first day of the range (default: the first contract start) */
  readonly from: CalendarDate | undefined
  /** last day of the range (default and latest: --as-of) */
  readonly to: CalendarDate | undefined
  readonly asOf: CalendarDate
  readonly by: RetentionGroupField | undefined
  /** for --by segment: account id → segment */
  readonly accounts?: readonly Account[]
}

export const bridgeKeys = [
  'starting_arr',
  'new_arr',
  'expansion_arr',
  'contraction_arr',
  'churned_arr',
  'ending_arr',
  'customers_start',
  'customers_lost',
  'logo_churn_rate',
  'grr',
  'nrr',
] as const satisfies readonly (keyof ArrMovements)[]

export type Bridge = Pick<ArrMovements, (typeof bridgeKeys)[number]>

export interface RetentionRow extends Bridge {
  period: string
  period_start: CalendarDate
  /** the last day observed: the period's last day, or --as-of while the period runs */
  period_end: CalendarDate
  /** the group's value with --by (undefined without) */
  group: string | undefined
}

export interface RetentionReport {
  readonly rows: readonly RetentionRow[]
  readonly totals: RetentionRow
  readonly notes: readonly string[]
}

/** Only the report's columns of a bridge (ArrMovements also carries customers_new, revenue churn). */
function bridge(m: ArrMovements): Bridge {
  return Object.fromEntries(bridgeKeys.map((k) => [k, m[k]])) as unknown as Bridge
}

/** The first day of the range: --from, else the first contract start, else --as-of. */
export function rangeStart(
  spans: readonly Span[],
  from: CalendarDate | undefined,
  asOf: CalendarDate,
): CalendarDate {
  if (from !== undefined) return from
  let first: CalendarDate | undefined
  for (const s of spans) if (first === undefined || s.start < first) first = s.start
  return first === undefined || first > asOf ? asOf : first
}

/**
 * Each group's movements in a measured period. Attributed groupings (owner) judge every account
 * once, on the period's first day, else on the measuring day, and bridge each group over the spans
 * of its accounts (accounts without ARR on either day move nothing and are left out).
 */
export function groupMovements(grouping: RetentionGrouping, measured: Period): Map<string, ArrMovements> {
  const result = new Map<string, ArrMovements>()
  const attribute = grouping.attribute
  if (attribute === undefined) {
    for (const g of grouping.groups) result.set(g.key, arrMovements(g.spans, measured))
    return result
  }
  const keyOf = new Map<string, string | undefined>()
  const buckets = new Map<string, Span[]>()
  for (const s of grouping.groups[0]?.spans ?? []) {
    if (!keyOf.has(s.account)) keyOf.set(s.account, attribute(s.account, [measured.start, measured.end]))
    const key = keyOf.get(s.account)
    if (key === undefined) continue
    const bucket = buckets.get(key)
    if (bucket === undefined) buckets.set(key, [s])
    else bucket.push(s)
  }
  for (const g of grouping.groups) result.set(g.key, arrMovements(buckets.get(g.key) ?? [], measured))
  return result
}

export function retentionReport(
  contracts: readonly Contract[],
  options: RetentionReportOptions,
): RetentionReport {
  const spans = contractSpans(contracts, options)
  const notes: string[] = []
  const observedEnd = addDays(options.asOf, 1)
  const from = rangeStart(spans, options.from, options.asOf)
  const requestedTo = options.to ?? options.asOf
  if (requestedTo > options.asOf)
    notes.push(
      `periods after --as-of ${formatIsoDate(options.asOf)} are left out: nothing has happened in them yet`,
    )
  const to = Math.min(requestedTo, options.asOf) as CalendarDate
  const periods = periodsBetween(from, to, options.grain, options.calendar)
  const measure = (p: Period): Period => ({ ...p, end: Math.min(p.end, observedEnd) as CalendarDate })
  const grouping: RetentionGrouping =
    options.by === undefined
      ? { groups: [{ key: '', spans }] }
      : retentionGroups(contracts, options.by, options)
  const rows: RetentionRow[] = []
  for (const period of periods) {
    const measured = measure(period)
    for (const [key, m] of groupMovements(grouping, measured)) {
      // a group without ARR on either day has nothing to report in this period
      if (options.by !== undefined && m.starting_arr === 0 && m.ending_arr === 0) continue
      rows.push({
        period: period.label,
        period_start: period.start,
        period_end: addDays(measured.end, -1),
        group: options.by === undefined ? undefined : key,
        ...bridge(m),
      })
    }
  }
  const first = periods[0]
  const last = periods[periods.length - 1]
  const whole: Period = {
    grain: options.grain,
    label: 'total',
    start: first?.start ?? from,
    end: last === undefined ? from : measure(last).end,
  }
  const totals: RetentionRow = {
    period: 'total',
    period_start: whole.start,
    period_end: addDays(whole.end, -1),
    group: options.by === undefined ? undefined : 'total',
    ...bridge(arrMovements(spans, whole)),
  }
  return { rows, totals, notes }
}
