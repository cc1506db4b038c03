/**
 * The report's headline KPIs and bookings trend. PURE.
 *
 * The current period runs to the as-of date, so it is compared like for like: with the same number
 * of days from the start of the previous period, and of the same period a year earlier (days capped
 * at the shorter period's length). The open pipeline and coverage exist only now (an export does not
 * say what was open in the past), so they carry no comparison.
 */
import { addDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import type {
  GroupBreakdown,
  HeadlineMetric,
  KpiSection,
  ReportGrain,
  TrendPoint,
} from '../../model/report.js'
import { kpiReport } from '../kpi/kpi-rows.js'
import type { GroupField } from '../kpi/kpi-rows.js'
import { dealMetrics } from '../kpi/deal-metrics.js'
import type { DealMetrics } from '../kpi/deal-metrics.js'
import { quotaFor } from '../kpi/quota.js'
import { wonAmount } from '../forecast/pipeline-at.js'
import { periodOf, shiftPeriod, yearAgo } from '../shared/period.js'
import type { FiscalCalendar, Period } from '../shared/period.js'

export interface HeadlineOptions {
  readonly asOf: CalendarDate
  readonly grain: ReportGrain
  readonly calendar: FiscalCalendar
  /** bars in the bookings trend, the current period included */
  readonly trendPeriods: number
  /** the breakdown of the period by one field (`report.by`), as `kpi --by` computes it */
  readonly by?: GroupField | undefined
  /** reps, for grouping by team, region or manager */
  readonly reps?: readonly Rep[] | undefined
}

/** The current period per group: `kpi --by FIELD` for the period of the as-of date. */
export function groupBreakdown(
  deals: readonly Deal[],
  quotas: readonly Quota[] | undefined,
  field: GroupField,
  options: HeadlineOptions,
): GroupBreakdown {
  const current = periodOf(options.asOf, options.grain, options.calendar)
  const report = kpiReport(deals, {
    by: [field],
    grain: options.grain,
    calendar: options.calendar,
    from: current.start,
    to: options.asOf,
    compare: undefined,
    coverageBasis: 'remaining',
    winRateBasis: 'closed',
    cycleBasis: 'won',
    weight: (d: Deal) => d.probability,
    asOf: options.asOf,
    ...(options.reps === undefined ? {} : { reps: options.reps }),
    ...(quotas === undefined ? {} : { quotas }),
  })
  return {
    field,
    rows: report.rows
      .filter((r) => r.period === current.label)
      .map((r) => ({
        group: r.group[field] ?? '',
        won: r.won,
        wonAmount: r.won_amount,
        winRate: r.win_rate,
        openPipeline: r.open_pipeline,
        quota: r.quota,
        attainment: r.quota_attainment,
        coverage: r.pipeline_coverage,
      }))
      .sort((a, b) => b.wonAmount - a.wonAmount || a.group.localeCompare(b.group, 'en')),
  }
}

/** The first `days` days of a period (all of it when it is shorter). */
function firstDays(period: Period, days: number): Period {
  return { ...period, end: Math.min(period.end, period.start + days) as CalendarDate }
}

function ratio(a: number, b: number | null): number | null {
  return b === null || b <= 0 ? null : a / b
}

export function headlineSection(
  deals: readonly Deal[],
  quotas: readonly Quota[] | undefined,
  options: HeadlineOptions,
): KpiSection {
  const { asOf, calendar } = options
  const current = periodOf(asOf, options.grain, calendar)
  const elapsed = addDays(asOf, 1) - current.start
  const now = firstDays(current, elapsed)
  const previous = shiftPeriod(current, -1, calendar)
  const lastYear = yearAgo(current, calendar)
  const settings = {
    winRateBasis: 'closed' as const,
    cycleBasis: 'won' as const,
    weight: (d: Deal) => d.probability,
    asOf,
  }
  const m = dealMetrics(deals, now, settings)
  const p = dealMetrics(deals, firstDays(previous, elapsed), settings)
  const y = dealMetrics(deals, firstDays(lastYear, elapsed), settings)
  // open deals closing any day of the current period, also after the as-of date
  const open = dealMetrics(deals, current, settings).open_pipeline
  // the company's quota: every owner's quota rows, pro rata by days as in `kpi`
  const quota = (period: Period) =>
    quotas === undefined ? null : quotaFor(quotas, period, (q) => q.owner !== undefined)
  const q = quota(current)
  const remaining = q === null ? null : q - m.won_amount
  // each trend period's metrics (the current one to date), for the sparklines
  const trendMetrics = trendPeriods(current, options).map((period) =>
    period.start === current.start ? m : dealMetrics(deals, period, settings),
  )
  const same = (
    key: keyof DealMetrics,
    label: string,
    kind: HeadlineMetric['kind'],
    better: 'up' | 'down',
  ) => ({
    key,
    label,
    kind,
    value: m[key],
    previous: p[key],
    yearAgo: y[key],
    better,
    history: trendMetrics.map((t) => t[key]),
  })
  const metrics: HeadlineMetric[] = [
    same('won_amount', 'Bookings (closed won)', 'money', 'up'),
    same('won', 'Deals won', 'int', 'up'),
    same('win_rate', 'Win rate', 'ratio', 'up'),
    same('avg_deal_size', 'Average deal', 'money', 'up'),
    same('sales_cycle_days', 'Sales cycle (days)', 'days', 'down'),
    same('deals_created', 'New deals', 'int', 'up'),
    {
      key: 'open_pipeline',
      label: 'Open pipeline closing this period',
      kind: 'money',
      value: open,
      previous: null,
      yearAgo: null,
      better: null,
    },
  ]
  if (q !== null) {
    const qp = quota(previous)
    const qy = quota(lastYear)
    metrics.push(
      {
        key: 'quota_attainment',
        label: 'Attainment (of the full period’s quota)',
        kind: 'ratio',
        value: ratio(m.won_amount, q),
        previous: ratio(p.won_amount, qp),
        yearAgo: ratio(y.won_amount, qy),
        better: 'up',
      },
      {
        key: 'pipeline_coverage',
        label: 'Pipeline coverage (open ÷ quota left)',
        kind: 'multiple',
        value: remaining === null || remaining <= 0 ? null : open / remaining,
        previous: null,
        yearAgo: null,
        better: 'up',
      },
    )
  }
  return {
    kind: 'kpis',
    period: current.label,
    start: current.start,
    through: asOf,
    daysElapsed: elapsed,
    daysTotal: current.end - current.start,
    previousLabel: previous.label,
    yearAgoLabel: lastYear.label,
    metrics,
    trend: bookingsTrend(deals, current, options),
    ...(options.by === undefined ? {} : { groups: groupBreakdown(deals, quotas, options.by, options) }),
  }
}

/** The last `trendPeriods` periods, oldest first, ending with the current one. */
function trendPeriods(
  current: Period,
  options: Pick<HeadlineOptions, 'calendar' | 'trendPeriods'>,
): Period[] {
  const periods: Period[] = []
  for (let i = options.trendPeriods - 1; i >= 0; i--) periods.push(shiftPeriod(current, -i, options.calendar))
  return periods
}

/**
 * Won amount per period for the last `trendPeriods` periods (the current one to date) and the same
 * periods a year earlier (`wonAmount`: two binary searches per period in the won-deal index).
 */
export function bookingsTrend(
  deals: readonly Deal[],
  current: Period,
  options: Pick<HeadlineOptions, 'asOf' | 'calendar' | 'trendPeriods'>,
): TrendPoint[] {
  const periods = trendPeriods(current, options)
  const priors = periods.map((p) => yearAgo(p, options.calendar))
  // won by the as-of date: a running period counts to date
  const end = addDays(options.asOf, 1)
  const sum = (p: Period): number => wonAmount(deals, p.start, Math.min(p.end, end))
  return periods.map((p, i) => ({
    label: p.label,
    value: sum(p),
    prior: sum(priors[i] ?? p),
    partial: p.end > end,
  }))
}
