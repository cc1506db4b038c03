/**
 * `conversion`: closed won + open pipeline × historical conversion rates by bucket + expected new
 * pipeline. Rates are learned at the same offset into each of the last K fully resolved periods,
 * and shrunk toward the pooled rate (forecasting.md §3.3).
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import { shiftPeriod } from '../shared/period.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { firstCloseAtOrAfter, wonIn, wonIndexOf } from './pipeline-at.js'
import type { OpenDeal } from './pipeline-at.js'

/** A half-open range of days [start, end). */
export interface Window {
  readonly start: number
  readonly end: number
}

/** stage × close-date position with a stage history; deal age without one */
export type BucketMode = 'stage' | 'age'

/** Age edges in days: < 30, 30–89, 90–179, ≥ 180. */
const AGE_EDGES = [30, 90, 180] as const

export function ageBucket(ageDays: number | undefined): string {
  if (ageDays === undefined) return 'age unknown'
  let i = 0
  while (i < AGE_EDGES.length && ageDays >= (AGE_EDGES[i] ?? 0)) i++
  const lo = i === 0 ? 0 : (AGE_EDGES[i - 1] ?? 0)
  const hi = AGE_EDGES[i]
  return hi === undefined ? `age ${lo}d+` : `age ${lo}-${hi - 1}d`
}

/**
 * The bucket of an open deal for a target window: `stage|in` (close date inside the window),
 * `stage|before` (before it: overdue or due earlier), `stage|after`, `stage|none` (no close date);
 * or the age bucket in `age` mode (close dates of the past are not known without a history).
 */
export function bucketOf(deal: OpenDeal, window: Window, mode: BucketMode): string {
  if (mode === 'age') return ageBucket(deal.ageDays)
  const c = deal.closeDate
  const where = c === undefined ? 'none' : c < window.start ? 'before' : c < window.end ? 'in' : 'after'
  return `${deal.stage.trim().toLowerCase()}|${where}`
}

/** One resolved training period: the pipeline at its offset, the window scored, the new wins. */
export interface TrainingSample {
  readonly open: readonly OpenDeal[]
  readonly window: Window
  /** Σ amount won in the window by deals created at or after the snapshot (cents) */
  readonly newWon: number
}

export interface ConversionRates {
  /** shrunk rate per bucket */
  readonly byBucket: ReadonlyMap<string, number>
  /** ΣW ÷ ΣT over all buckets; null when nothing was open */
  readonly pooled: number | null
  /** N̂: mean of the samples' new wins (cents) */
  readonly newPipeline: number
  /** sample SD of the new wins (0 with fewer than two samples) */
  readonly newPipelineSd: number
  /** training periods used */
  readonly periods: number
  readonly mode: BucketMode
}

/**
 * Learns r̂_b = (W_b + m·r̄) ÷ (T_b + m): W_b = amount won within the window by deals in bucket b,
 * T_b = their amount at the snapshot, both summed over the samples; r̄ = ΣW ÷ ΣT; m = 3 × the mean
 * open amount in the samples (`shrinkDeals` × mean amount). Won amounts are the final (won) amounts.
 *
 * @example one sample, Proposal|in: 3 deals of 100 at the snapshot, one won for 100 → W=100, T=300;
 * pooled 100/300; m = 3 × 100 = 300 → r̂ = (100 + 300 × ⅓) ÷ (300 + 300) = ⅓
 */
export function learnRates(
  samples: readonly TrainingSample[],
  mode: BucketMode,
  shrinkDeals = 3,
): ConversionRates {
  const won = new Map<string, number>()
  const open = new Map<string, number>()
  let totalWon = 0
  let totalOpen = 0
  let count = 0
  for (const s of samples) {
    for (const d of s.open) {
      const b = bucketOf(d, s.window, mode)
      open.set(b, (open.get(b) ?? 0) + d.amount)
      totalOpen += d.amount
      count++
      if (wonIn(d.deal, s.window.start, s.window.end)) {
        const amount = d.deal.amount ?? 0
        won.set(b, (won.get(b) ?? 0) + amount)
        totalWon += amount
      }
    }
  }
  const pooled = totalOpen === 0 ? null : totalWon / totalOpen
  const m = count === 0 ? 0 : (shrinkDeals * totalOpen) / count
  const byBucket = new Map<string, number>()
  for (const [b, t] of open) {
    const w = won.get(b) ?? 0
    byBucket.set(b, t + m === 0 ? (pooled ?? 0) : (w + m * (pooled ?? 0)) / (t + m))
  }
  const news = samples.map((s) => s.newWon)
  const n = news.length
  const meanNew = n === 0 ? 0 : news.reduce((a, b) => a + b, 0) / n
  const sd = n < 2 ? 0 : Math.sqrt(news.reduce((a, x) => a + (x - meanNew) ** 2, 0) / (n - 1))
  return { byBucket, pooled, newPipeline: meanNew, newPipelineSd: sd, periods: n, mode }
}

/**
 * The conversion probability of an open deal for a window: its bucket's rate, the pooled rate for a
 * bucket never seen, or (no training period at all) the weighted pipeline's rule: the deal's own
 * probability when its close date is in the window, else 0.
 */
export function rateOf(rates: ConversionRates, deal: OpenDeal, window: Window): number {
  if (rates.periods === 0 || rates.pooled === null) {
    const c = deal.closeDate
    return c !== undefined && c >= window.start && c < window.end ? deal.probability : 0
  }
  return rates.byBucket.get(bucketOf(deal, window, rates.mode)) ?? rates.pooled
}

/** Σ amount of deals won in the window that were created at or after t (new pipeline), cents. */
export function newPipelineWon(deals: readonly Deal[], t: number, window: Window): number {
  // only the deals won in the window, found by binary search in the close-date index
  const index = wonIndexOf(deals)
  let total = 0
  for (let i = firstCloseAtOrAfter(index, window.start); i < index.close.length; i++) {
    if ((index.close[i] ?? 0) >= window.end) break
    if ((index.created[i] ?? Number.NaN) >= t) total += index.amount[i] ?? 0
  }
  return total
}

/** The window of horizon h (0 = the rest of the current period) seen from t in period P. */
export function targetWindow(t: number, period: Period, h: number, cal: FiscalCalendar): Window {
  if (h === 0) return { start: Math.max(t, period.start), end: period.end }
  const p = shiftPeriod(period, h, cal)
  return { start: p.start, end: p.end }
}

export interface TrainingPoint {
  /** the snapshot instant: the same offset into the past period as the as-of date into its own */
  readonly t: CalendarDate
  readonly period: Period
  readonly window: Window
}

/**
 * The last `k` fully resolved periods before the instant t (t = the first day not yet observed) in
 * the current period, for horizon h: each snapshot sits at the same offset into its period as t into
 * the current one, its window must end on or before t, and periods starting before the first
 * observed close are skipped (data start).
 */
export function trainingPoints(
  t: CalendarDate,
  current: Period,
  cal: FiscalCalendar,
  h: number,
  k: number,
  firstClose: CalendarDate | undefined,
): TrainingPoint[] {
  const offset = t - current.start
  const points: TrainingPoint[] = []
  if (firstClose === undefined) return points
  for (let back = 1; points.length < k && back < 1000; back++) {
    const p = shiftPeriod(current, -back, cal)
    if (p.start < firstClose) break
    const at = Math.min(p.start + offset, p.end) as CalendarDate
    const window = targetWindow(at, p, h, cal)
    if (window.end > t) continue
    points.push({ t: at, period: p, window })
  }
  return points
}
