/**
 * The rows of `salesops forecast`: one per period (current and next horizon − 1) for the company,
 * or per group plus the total with `--by`; the headline `forecast_total` by the chosen method.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { addDays } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import { quotaFor } from '../kpi/quota.js'
import { withRepFields } from '../kpi/kpi-rows.js'
import { NO_VALUE, compareKeys } from '../shared/group-by.js'
import { periodOf } from '../shared/period.js'
import { ratio, roundHalfAway } from '../shared/stats.js'
import { backtest, summarizeBacktest } from './backtest.js'
import type { BacktestMethod } from './backtest.js'
import { defaultTrainingPeriods, forecastAt } from './forecast-at.js'
import type { ForecastSettings, PeriodForecast } from './forecast-at.js'
import { subsetInput } from './pipeline-at.js'
import type { ForecastInput } from './pipeline-at.js'

export const forecastMethods = [
  'rollup',
  'weighted',
  'conversion',
  'montecarlo',
  'runrate',
  'ensemble',
  'all',
] as const
export type ForecastMethod = (typeof forecastMethods)[number]

export const forecastGroupFields = ['owner', 'team', 'region', 'segment'] as const
export type ForecastGroupField = (typeof forecastGroupFields)[number]

export interface ForecastOptions extends ForecastSettings {
  /** the as-of day; the forecast sees everything dated up to and including it */
  readonly asOf: CalendarDate
  readonly method: ForecastMethod
  /** pick the method with the lowest trailing backtest WAPE (conversion, montecarlo, runrate, ensemble) */
  readonly auto: boolean
  readonly by: ForecastGroupField | undefined
  readonly quotas?: readonly Quota[]
  readonly reps?: readonly Rep[]
}

/** One output row; money in integer cents, ratios as fractions, null when not computable. */
export interface ForecastRow {
  period: string
  period_start: CalendarDate
  /** last day of the period (inclusive) */
  period_end: CalendarDate
  as_of: CalendarDate
  group: string | undefined
  closed_won_to_date: number
  commit: number
  best_case: number
  pipeline_open_in_period: number
  weighted: number
  conversion_expected: number
  new_pipeline_expected: number
  mc_p10: number
  mc_p50: number
  mc_p90: number
  run_rate: number | null
  forecast_total: number
  method: string
  n_open_deals: number
  n_history_periods: number
  quota: number | null
  forecast_vs_quota: number | null
}

export interface ForecastReport {
  readonly rows: readonly ForecastRow[]
  readonly notes: readonly string[]
}

type Headline = Exclude<ForecastMethod, 'all'>
const AUTO_CANDIDATES: readonly BacktestMethod[] = ['conversion', 'montecarlo', 'runrate', 'ensemble']

function headline(f: PeriodForecast, method: Headline): number {
  switch (method) {
    case 'rollup':
      return f.commit
    case 'weighted':
      return f.weighted
    case 'conversion':
      return f.conversion
    case 'montecarlo':
      return f.mcP50
    case 'runrate':
      return f.runRate ?? f.conversion
    case 'ensemble':
      return f.ensemble
  }
}

function fromBacktest(method: BacktestMethod): Headline {
  return method === 'commit' || method === 'best_case' ? 'rollup' : method
}

/**
 * The method with the lowest WAPE when replayed over the last K resolved periods at the same offset
 * into the period (ties: the earlier candidate); undefined when nothing could be scored.
 */
export function autoMethod(
  input: ForecastInput,
  t: CalendarDate,
  options: ForecastSettings,
): { method: Headline; wape: number } | undefined {
  const current = periodOf(addDays(t, -1), options.grain, options.calendar)
  const offset = t - current.start
  const k = options.trainingPeriods ?? defaultTrainingPeriods(options.grain)
  const at = offset >= 70 ? 'week10' : offset >= 42 ? 'week6' : 'start'
  // the replay covers the K periods before the current one
  const summary = summarizeBacktest(backtest(input, current.start, { ...options, periods: k, at }))
  let best: { method: Headline; wape: number } | undefined
  for (const s of summary) {
    if (!AUTO_CANDIDATES.includes(s.method) || s.wape === null) continue
    if (best === undefined || s.wape < best.wape) best = { method: fromBacktest(s.method), wape: s.wape }
  }
  return best
}

function groupValue(deal: Deal, field: ForecastGroupField): string {
  const v = deal[field]
  return typeof v === 'string' && v !== '' ? v : NO_VALUE
}

function toRow(
  f: PeriodForecast,
  asOf: CalendarDate,
  group: string | undefined,
  total: number,
  method: string,
  quota: number | null,
): ForecastRow {
  const cents = (x: number): number => roundHalfAway(x)
  const forecastTotal = cents(total)
  return {
    period: f.period.label,
    period_start: f.period.start,
    period_end: addDays(f.period.end, -1),
    as_of: asOf,
    group,
    closed_won_to_date: cents(f.closedWonToDate),
    commit: cents(f.commit),
    best_case: cents(f.bestCase),
    pipeline_open_in_period: cents(f.pipelineOpenInPeriod),
    weighted: cents(f.weighted),
    conversion_expected: cents(f.conversion),
    new_pipeline_expected: cents(f.newPipeline),
    mc_p10: cents(f.mcP10),
    mc_p50: cents(f.mcP50),
    mc_p90: cents(f.mcP90),
    run_rate: f.runRate === null ? null : cents(f.runRate),
    forecast_total: forecastTotal,
    method,
    n_open_deals: f.nOpenDeals,
    n_history_periods: f.nHistoryPeriods,
    quota,
    forecast_vs_quota: quota === null ? null : ratio(forecastTotal, quota),
  }
}

/**
 * The forecast rows: per group (sorted, '(none)' last) then the total (group `all`) with `--by`,
 * else the company; each for the current period and the next horizon − 1. The as-of day is fully
 * observed: the forecast instant is the day after it. Quota: Σ owner quota rows of the group's
 * owners (all owners for the total; none for segment), pro rata by days as in `kpi`.
 */
export function forecastReport(input: ForecastInput, options: ForecastOptions): ForecastReport {
  const notes: string[] = []
  const t = addDays(options.asOf, 1)
  const current = periodOf(options.asOf, options.grain, options.calendar)
  if (input.history === undefined) {
    notes.push(
      'no stage history (--history): conversion uses deal-age buckets instead of stage × close-date buckets',
    )
  }
  const deals =
    options.reps !== undefined && (options.by === 'team' || options.by === 'region')
      ? withRepFields(input.deals, options.reps)
      : input.deals
  const base = subsetInput(input, deals)
  let method: Headline = options.method === 'all' ? 'ensemble' : options.method
  let label: string = input.history === undefined ? `${method} (age buckets)` : method
  if (options.auto) {
    const pick = autoMethod(base, t, options)
    if (pick === undefined) notes.push('--auto: no resolved period to score; using ensemble')
    else {
      method = pick.method
      label = `auto:${method}`
      notes.push(
        `--auto picked ${method}: lowest WAPE ${(pick.wape * 100).toFixed(1)}% over the last ${options.trainingPeriods ?? defaultTrainingPeriods(options.grain)} resolved periods`,
      )
    }
  }
  const scopes: { group: string | undefined; deals: readonly Deal[] }[] = []
  if (options.by !== undefined) {
    const field = options.by
    const groups = new Map<string, Deal[]>()
    for (const d of deals) {
      const key = groupValue(d, field)
      const list = groups.get(key)
      if (list === undefined) groups.set(key, [d])
      else list.push(d)
    }
    for (const key of [...groups.keys()].sort(compareKeys))
      scopes.push({ group: key, deals: groups.get(key) ?? [] })
    scopes.push({ group: 'all', deals })
  } else {
    scopes.push({ group: undefined, deals })
  }
  const rows: ForecastRow[] = []
  for (const scope of scopes) {
    const sub = subsetInput(base, scope.deals)
    const owners = new Set(
      scope.deals.map((d) => d.owner?.toLowerCase()).filter((o): o is string => o !== undefined),
    )
    const all = scope.group === undefined || scope.group === 'all'
    for (const f of forecastAt(sub, t, current, options)) {
      const quota =
        options.quotas === undefined || (!all && options.by === 'segment')
          ? null
          : quotaFor(options.quotas, f.period, (q) =>
              all ? q.owner !== undefined : q.owner !== undefined && owners.has(q.owner.toLowerCase()),
            )
      rows.push(toRow(f, options.asOf, scope.group, headline(f, method), label, quota))
    }
  }
  return { rows, notes }
}
