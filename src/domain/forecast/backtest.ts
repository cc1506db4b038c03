/**
 * `forecast backtest`: as-of replay (forecasting.md §5). For each of the last N resolved periods,
 * forecast at a fixed offset into the period (start, week 6, week 10) from the pipeline rebuilt as
 * it was then, and score against the actual closed won of the period.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { periodOf, shiftPeriod } from '../shared/period.js'
import type { Period } from '../shared/period.js'
import { forecastAt, snapshotsOf } from './forecast-at.js'
import type { ForecastSettings, PeriodForecast } from './forecast-at.js'
import { wonAmount } from './pipeline-at.js'
import type { ForecastInput } from './pipeline-at.js'

export const backtestMethods = [
  'commit',
  'best_case',
  'weighted',
  'conversion',
  'montecarlo',
  'runrate',
  'ensemble',
] as const
export type BacktestMethod = (typeof backtestMethods)[number]

export const replayOffsets = { start: 0, week6: 42, week10: 70 } as const
export type ReplayOffset = keyof typeof replayOffsets

/** One period × method of the replay; money in cents (unrounded). */
export interface BacktestRow {
  readonly period: Period
  readonly asOf: CalendarDate
  readonly method: BacktestMethod
  readonly forecast: number | null
  readonly actual: number
  readonly p10: number | null
  readonly p90: number | null
}

export interface BacktestSettings extends Omit<ForecastSettings, 'horizon'> {
  /** replay the last N periods that ended on or before `asOf` */
  readonly periods: number
  readonly at: ReplayOffset
}

/** The periods replayed: the last N before the period containing `asOf` (all resolved), oldest first. */
export function replayPeriods(
  asOf: CalendarDate,
  settings: Pick<BacktestSettings, 'grain' | 'calendar' | 'periods'>,
): Period[] {
  const periods: Period[] = []
  let p = shiftPeriod(periodOf(asOf, settings.grain, settings.calendar), -1, settings.calendar)
  while (periods.length < settings.periods) {
    periods.unshift(p)
    p = shiftPeriod(p, -1, settings.calendar)
  }
  return periods
}

function methodValue(f: PeriodForecast, method: BacktestMethod, history: boolean): number | null {
  switch (method) {
    case 'commit':
      return history ? f.commit : null
    case 'best_case':
      return history ? f.bestCase : null
    case 'weighted':
      return history ? f.weighted : null
    case 'conversion':
      return f.conversion
    case 'montecarlo':
      return f.mcP50
    case 'runrate':
      return f.runRate
    case 'ensemble':
      return f.ensemble
  }
}

/**
 * Replays the forecast at `at` into each period. Without a stage history, the stage, probability,
 * close date and category of a deal at a past instant are unknown, so commit, best_case and weighted
 * are null (not computable), and the conversion uses age buckets with the export's amounts (known
 * leakage).
 */
export function backtest(
  input: ForecastInput,
  asOf: CalendarDate,
  settings: BacktestSettings,
): BacktestRow[] {
  const rows: BacktestRow[] = []
  const snap = snapshotsOf(input)
  const history = input.history !== undefined
  for (const period of replayPeriods(asOf, settings)) {
    const t = Math.min(period.start + replayOffsets[settings.at], period.end - 1) as CalendarDate
    const [f] = forecastAt(input, t, period, { ...settings, horizon: 1 }, snap)
    if (f === undefined) continue
    const actual = wonAmount(input.deals, period.start, period.end)
    for (const method of backtestMethods) {
      rows.push({
        period,
        asOf: t,
        method,
        forecast: methodValue(f, method, history),
        actual,
        p10: method === 'montecarlo' ? f.mcP10 : null,
        p90: method === 'montecarlo' ? f.mcP90 : null,
      })
    }
  }
  return rows
}

export interface BacktestSummary {
  readonly method: BacktestMethod
  /** periods scored (forecast computable and actual > 0) */
  readonly periods: number
  /** Σ|F − A| ÷ ΣA */
  readonly wape: number | null
  /** Σ(F − A) ÷ ΣA */
  readonly bias: number | null
  /** mean of |F − A| ÷ A */
  readonly mape: number | null
  readonly within_10pct_share: number | null
  readonly within_20pct_share: number | null
  /** share of periods with P10 ≤ A ≤ P90 (montecarlo only) */
  readonly p10_p90_coverage: number | null
  /** 1 − WAPE ÷ WAPE of weighted */
  readonly improvement_vs_weighted: number | null
  /** mean over periods of 1 − |A − F| ÷ A (the sales-ops forecast-accuracy KPI) */
  readonly forecast_accuracy: number | null
}

/** Scores the replay per method, in `backtestMethods` order. */
export function summarizeBacktest(rows: readonly BacktestRow[]): BacktestSummary[] {
  const partial = backtestMethods.map((method) => {
    const scored = rows.filter((r) => r.method === method && r.forecast !== null && r.actual > 0)
    let absErr = 0
    let err = 0
    let actual = 0
    let within10 = 0
    let within20 = 0
    let covered = 0
    let apeSum = 0
    for (const r of scored) {
      const f = r.forecast ?? 0
      const ape = Math.abs(f - r.actual) / r.actual
      absErr += Math.abs(f - r.actual)
      err += f - r.actual
      actual += r.actual
      apeSum += ape
      if (ape <= 0.1) within10++
      if (ape <= 0.2) within20++
      if (r.p10 !== null && r.p90 !== null && r.p10 <= r.actual && r.actual <= r.p90) covered++
    }
    const n = scored.length
    const share = (k: number): number | null => (n === 0 ? null : k / n)
    return {
      method,
      periods: n,
      wape: actual === 0 ? null : absErr / actual,
      bias: actual === 0 ? null : err / actual,
      mape: share(apeSum),
      within_10pct_share: share(within10),
      within_20pct_share: share(within20),
      p10_p90_coverage: method === 'montecarlo' ? share(covered) : null,
      forecast_accuracy: n === 0 ? null : 1 - apeSum / n,
    }
  })
  const base = partial.find((s) => s.method === 'weighted')?.wape ?? null
  return partial.map((s) => ({
    ...s,
    improvement_vs_weighted: s.wape === null || base === null || base === 0 ? null : 1 - s.wape / base,
  }))
}
