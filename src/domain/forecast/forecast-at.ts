/**
 * Every forecast method for one set of deals at one instant: the current period and the next
 * horizon − 1 (forecasting.md §3). Pure: the same input, instant and seed give the same numbers.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { shiftPeriod } from '../shared/period.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { learnRates, newPipelineWon, rateOf, targetWindow, trainingPoints } from './conversion.js'
import type { ConversionRates, Window } from './conversion.js'
import { simulate } from './monte-carlo.js'
import { pipelineAt, wonAmount } from './pipeline-at.js'
import type { ForecastInput, OpenDeal } from './pipeline-at.js'
import { runRate } from './run-rate.js'

export interface ForecastSettings {
  readonly grain: 'month' | 'quarter'
  readonly calendar: FiscalCalendar
  /** periods forecast: the current one and the next horizon − 1 */
  readonly horizon: number
  readonly simulations: number
  readonly seed: number
  /** K, the resolved periods conversion learns from (default 4 quarters / 6 months) */
  readonly trainingPeriods?: number
}

/** One period's forecast by every method; money in cents (unrounded), null when not computable. */
export interface PeriodForecast {
  readonly period: Period
  /** the instant of the forecast: the first day not yet observed */
  readonly t: CalendarDate
  readonly closedWonToDate: number
  readonly commit: number
  readonly bestCase: number
  readonly pipelineOpenInPeriod: number
  readonly weighted: number
  readonly conversion: number
  readonly newPipeline: number
  readonly mcP10: number
  readonly mcP50: number
  readonly mcP90: number
  readonly mcMean: number
  readonly runRate: number | null
  /** mean(conversion, run rate), or conversion alone with < 1 year of bookings history */
  readonly ensemble: number
  readonly ensembleHow: 'mean' | 'conversion' | 'runrate'
  readonly nOpenDeals: number
  readonly nHistoryPeriods: number
  readonly sigma: number
  readonly bucketMode: ConversionRates['mode']
}

/** σ of the common shock when fewer than three trailing residuals exist. */
/** The Monte Carlo defaults of `forecast` and of the report: fixed, so the same inputs give the same output. */
export const DEFAULT_SEED = 20261127
export const DEFAULT_SIMULATIONS = 10000

export const DEFAULT_SIGMA = 0.3
const SIGMA_FLOOR = 0.1
const SIGMA_CAP = 0.6

export function defaultTrainingPeriods(grain: 'month' | 'quarter'): number {
  return grain === 'quarter' ? 4 : 6
}

/** Snapshots by instant, computed once per call tree. */
export type Snapshots = (t: CalendarDate) => readonly OpenDeal[]

export function snapshotsOf(input: ForecastInput): Snapshots {
  const cache = new Map<number, readonly OpenDeal[]>()
  return (t) => {
    let open = cache.get(t)
    if (open === undefined) {
      open = pipelineAt(input, t)
      cache.set(t, open)
    }
    return open
  }
}

/** Conversion rates for horizon h at instant t in `current`, learned from the last K resolved periods. */
export function ratesAt(
  input: ForecastInput,
  snap: Snapshots,
  t: CalendarDate,
  current: Period,
  h: number,
  settings: Pick<ForecastSettings, 'calendar' | 'grain' | 'trainingPeriods'>,
): ConversionRates {
  const k = settings.trainingPeriods ?? defaultTrainingPeriods(settings.grain)
  const points = trainingPoints(t, current, settings.calendar, h, k, input.firstClose)
  const samples = points.map((p) => ({
    open: snap(p.t),
    window: p.window,
    newWon: newPipelineWon(input.deals, p.t, p.window),
  }))
  return learnRates(samples, input.history === undefined ? 'age' : 'stage')
}

/**
 * σ of the common shock: the spread of log(realised ÷ expected) of `conversion` over up to 2K
 * trailing periods at the same offset (each forecast with rates learned before it, from at least 2
 * training periods), less the part that independent deal outcomes already explain:
 * σ² = max(0.1², mean(log²)) − mean((Σ a²p(1−p) + sd_new²) ÷ expected²), at least 0 and at most 0.6²
 * (the 0.1 floor holds for the total spread, shock and independent outcomes together); DEFAULT_SIGMA
 * with fewer than 3 residuals. The mean square (not the variance) counts a systematic bias as
 * uncertainty too.
 */
export function shockSigma(
  input: ForecastInput,
  snap: Snapshots,
  t: CalendarDate,
  current: Period,
  settings: Pick<ForecastSettings, 'calendar' | 'grain' | 'trainingPeriods'>,
): number {
  const k = settings.trainingPeriods ?? defaultTrainingPeriods(settings.grain)
  const points = trainingPoints(t, current, settings.calendar, 0, 2 * k, input.firstClose)
  let squares = 0
  let independent = 0
  let count = 0
  for (const p of points) {
    const rates = ratesAt(input, snap, p.t, p.period, 0, settings)
    if (rates.periods < 2) continue
    let expected = rates.newPipeline
    let variance = rates.newPipelineSd ** 2
    for (const d of snap(p.t)) {
      const r = Math.min(1, Math.max(0, rateOf(rates, d, p.window)))
      expected += d.amount * r
      variance += d.amount * d.amount * r * (1 - r)
    }
    const realised = wonAmount(input.deals, p.window.start, p.window.end)
    if (expected > 0 && realised > 0) {
      squares += Math.log(realised / expected) ** 2
      independent += variance / (expected * expected)
      count++
    }
  }
  if (count < 3) return DEFAULT_SIGMA
  // the floor holds for the total spread: shock² + independent² ≥ 0.1²
  const total = Math.max(SIGMA_FLOOR * SIGMA_FLOOR, squares / count)
  return Math.min(SIGMA_CAP, Math.sqrt(Math.max(0, total - independent / count)))
}

/** Closed won per resolved period from the first period starting on/after the first close, up to `before`. */
export function bookingsSeries(
  input: ForecastInput,
  before: Period,
  cal: FiscalCalendar,
  maxPoints = 60,
): number[] {
  const series: number[] = []
  if (input.firstClose === undefined) return series
  for (let back = 1; back <= maxPoints; back++) {
    const p = shiftPeriod(before, -back, cal)
    if (p.start < input.firstClose) break
    series.unshift(wonAmount(input.deals, p.start, p.end))
  }
  return series
}

/**
 * Every method for the period containing t (`current`) and the next horizon − 1 periods.
 *
 * closed won to date C = won with close date in [start, t); rollup, weighted and the pipeline count
 * open deals with a close date in [t, end) (next periods: in the period, C = 0).
 */
export function forecastAt(
  input: ForecastInput,
  t: CalendarDate,
  current: Period,
  settings: ForecastSettings,
  snap: Snapshots = snapshotsOf(input),
): PeriodForecast[] {
  const H = Math.max(1, Math.floor(settings.horizon))
  const open = snap(t)
  const n = open.length
  const windows: Window[] = []
  const rates: ConversionRates[] = []
  for (let h = 0; h < H; h++) {
    windows.push(targetWindow(t, current, h, settings.calendar))
    rates.push(ratesAt(input, snap, t, current, h, settings))
  }
  const amounts = new Float64Array(n)
  const cumulative = new Float64Array(n * H)
  const expected = new Array<number>(H).fill(0)
  for (let i = 0; i < n; i++) {
    const d = open[i]
    if (d === undefined) continue
    amounts[i] = d.amount
    let cum = 0
    for (let h = 0; h < H; h++) {
      const p = Math.min(1 - cum, Math.max(0, rateOf(rates[h] as ConversionRates, d, windows[h] as Window)))
      cum += p
      cumulative[i * H + h] = cum
      expected[h] = (expected[h] ?? 0) + d.amount * p
    }
  }
  const closed = windows.map((w, h) => (h === 0 ? wonAmount(input.deals, current.start, t) : 0))
  const sigma = shockSigma(input, snap, t, current, settings)
  const quantiles = simulate({
    amounts,
    cumulative,
    closed,
    newMean: rates.map((r) => r.newPipeline),
    newSd: rates.map((r) => r.newPipelineSd),
    sigma,
    simulations: settings.simulations,
    seed: settings.seed,
  })
  const series = bookingsSeries(input, current, settings.calendar)
  const yearOfHistory = settings.grain === 'quarter' ? 4 : 12
  const out: PeriodForecast[] = []
  for (let h = 0; h < H; h++) {
    const window = windows[h] as Window
    const period = h === 0 ? current : shiftPeriod(current, h, settings.calendar)
    const c = closed[h] ?? 0
    let pipeline = 0
    let commit = 0
    let best = 0
    let weighted = 0
    for (const d of open) {
      const close = d.closeDate
      if (close === undefined || close < window.start || close >= window.end) continue
      pipeline += d.amount
      weighted += d.amount * d.probability
      if (d.category === 'commit') commit += d.amount
      else if (d.category === 'best_case' || d.category === 'most_likely') best += d.amount
    }
    const r = rates[h] as ConversionRates
    const conversion = c + (expected[h] ?? 0) + r.newPipeline
    const rr = runRate(series, settings.grain, h + 1)
    const q = quantiles[h]
    const noPipeline = n === 0 && r.periods === 0
    const how: PeriodForecast['ensembleHow'] =
      rr !== null && noPipeline
        ? 'runrate'
        : rr !== null && series.length >= yearOfHistory
          ? 'mean'
          : 'conversion'
    // the run rate forecasts the whole period; it cannot be below what is already closed
    const run = rr === null ? null : Math.max(c, rr.value)
    const ensemble =
      run === null || how === 'conversion' ? conversion : how === 'mean' ? (conversion + run) / 2 : run
    out.push({
      period,
      t,
      closedWonToDate: c,
      commit: c + commit,
      bestCase: c + commit + best,
      pipelineOpenInPeriod: pipeline,
      weighted: c + weighted,
      conversion,
      newPipeline: r.newPipeline,
      mcP10: q?.p10 ?? 0,
      mcP50: q?.p50 ?? 0,
      mcP90: q?.p90 ?? 0,
      mcMean: q?.mean ?? 0,
      runRate: run,
      ensemble,
      ensembleHow: how,
      nOpenDeals: n,
      nHistoryPeriods: r.periods,
      sigma,
      bucketMode: r.mode,
    })
  }
  return out
}
