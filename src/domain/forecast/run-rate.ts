/**
 * `runrate`: the mean of seasonal naive, damped additive Holt-Winters and Theta on the bookings
 * series (closed won per resolved period), with the fall-backs for short series
 * (forecasting.md §3.5). Values are cents; forecasts are clamped at 0.
 */

/** Season length: months 12 with ≥ 24 points else 3; quarters 4 with ≥ 8 points else 1 (none). */
export function seasonLength(grain: 'month' | 'quarter', points: number): number {
  if (grain === 'month') return points >= 24 ? 12 : 3
  return points >= 8 ? 4 : 1
}

/** ŷ(n+h) = y(n + h − s·⌈h/s⌉): the same season one cycle back (s = 1: the last value). */
export function seasonalNaive(series: readonly number[], s: number, h: number): number {
  const n = series.length
  if (n === 0) return 0
  const season = Math.min(s, n)
  const back = season * Math.ceil(h / season)
  return series[n + h - 1 - back] ?? series[n - 1] ?? 0
}

interface HwState {
  level: number
  trend: number
  seasonal: number[]
  sse: number
}

function runHoltWinters(
  y: readonly number[],
  s: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
): HwState {
  const m = s > 1 && y.length >= 2 * s ? s : 1
  const first = y.slice(0, m)
  let level = first.reduce((a, b) => a + b, 0) / m
  let trend = 0
  if (m > 1) {
    const second = y.slice(m, 2 * m).reduce((a, b) => a + b, 0) / m
    trend = (second - level) / m
  } else if (y.length >= 2) {
    trend = (y[1] ?? 0) - (y[0] ?? 0)
  }
  const seasonal = m > 1 ? first.map((v) => v - level) : [0]
  let sse = 0
  for (let i = 0; i < y.length; i++) {
    const idx = i % m
    const season = seasonal[idx] ?? 0
    const forecast = level + phi * trend + season
    const value = y[i] ?? 0
    const error = value - forecast
    if (i >= m) sse += error * error
    const prevLevel = level
    level = alpha * (value - season) + (1 - alpha) * (prevLevel + phi * trend)
    trend = beta * (level - prevLevel) + (1 - beta) * phi * trend
    if (m > 1) seasonal[idx] = gamma * (value - level) + (1 - gamma) * season
  }
  return { level, trend, seasonal, sse }
}

const ALPHAS = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9]
const BETAS = [0.01, 0.05, 0.1, 0.2]
const GAMMAS = [0.01, 0.1, 0.3]
const PHIS = [0.8, 0.9, 0.98]

/**
 * Damped additive Holt-Winters, parameters grid-searched on the one-step in-sample squared error;
 * ŷ(n+h) = ℓ + (φ + … + φʰ)·b + seasonal of (n+h). Seasonal only with two full seasons of data.
 */
export function dampedHoltWinters(series: readonly number[], s: number, h: number): number {
  const n = series.length
  if (n === 0) return 0
  const m = s > 1 && n >= 2 * s ? s : 1
  let best: HwState | undefined
  let bestPhi = 1
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const gamma of m > 1 ? GAMMAS : [0])
        for (const phi of PHIS) {
          const state = runHoltWinters(series, m, alpha, beta, gamma, phi)
          if (best === undefined || state.sse < best.sse) {
            best = state
            bestPhi = phi
          }
        }
  if (best === undefined) return 0
  let damp = 0
  let p = 1
  for (let i = 1; i <= h; i++) {
    p *= bestPhi
    damp += p
  }
  const season = m > 1 ? (best.seasonal[(n + h - 1) % m] ?? 0) : 0
  return Math.max(0, best.level + damp * best.trend + season)
}

/** Classical multiplicative seasonal indices (centred moving average ratios), normalised to mean 1. */
export function seasonalIndices(series: readonly number[], s: number): number[] {
  const n = series.length
  if (s <= 1 || n < 2 * s) return [1]
  const sums = new Array<number>(s).fill(0)
  const counts = new Array<number>(s).fill(0)
  const half = Math.floor(s / 2)
  for (let i = half; i < n - half; i++) {
    let ma: number
    if (s % 2 === 0) {
      let total = 0
      for (let j = i - half; j < i + half; j++) total += series[j] ?? 0
      let total2 = 0
      for (let j = i - half + 1; j <= i + half; j++) total2 += series[j] ?? 0
      ma = (total + total2) / (2 * s)
    } else {
      let total = 0
      for (let j = i - half; j <= i + half; j++) total += series[j] ?? 0
      ma = total / s
    }
    if (ma > 0) {
      sums[i % s] = (sums[i % s] ?? 0) + (series[i] ?? 0) / ma
      counts[i % s] = (counts[i % s] ?? 0) + 1
    }
  }
  const raw = sums.map((v, i) => ((counts[i] ?? 0) === 0 ? 1 : v / (counts[i] ?? 1)))
  const mean = raw.reduce((a, b) => a + b, 0) / s
  return raw.map((v) => (mean > 0 && v > 0 ? v / mean : 1))
}

/**
 * Theta (Hyndman & Billah 2003) on the deseasonalised series: simple exponential smoothing (α by
 * grid) plus half the linear-regression slope, ŷ(n+h) = ℓ + b/2 · (h − 1 + 1/α − (1−α)ⁿ/α), times the
 * seasonal index of (n+h).
 */
export function theta(series: readonly number[], s: number, h: number): number {
  const n = series.length
  if (n === 0) return 0
  const idx = seasonalIndices(series, s)
  const m = idx.length
  const y = series.map((v, i) => v / (idx[i % m] ?? 1))
  // OLS slope on t = 0..n-1
  const tMean = (n - 1) / 2
  const yMean = y.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += (i - tMean) * ((y[i] ?? 0) - yMean)
    den += (i - tMean) ** 2
  }
  const slope = den === 0 ? 0 : num / den
  let bestAlpha = 0.5
  let bestLevel = y[0] ?? 0
  let bestSse = Infinity
  for (let a = 0.1; a <= 0.91; a += 0.1) {
    const alpha = Math.round(a * 10) / 10
    let level = y[0] ?? 0
    let sse = 0
    for (let i = 1; i < n; i++) {
      const e = (y[i] ?? 0) - level
      sse += e * e
      level += alpha * e
    }
    if (sse < bestSse) {
      bestSse = sse
      bestAlpha = alpha
      bestLevel = level
    }
  }
  const drift = (slope / 2) * (h - 1 + 1 / bestAlpha - (1 - bestAlpha) ** n / bestAlpha)
  return Math.max(0, (bestLevel + drift) * (idx[(n + h - 1) % m] ?? 1))
}

export interface RunRate {
  /** cents, unrounded */
  readonly value: number
  /** how it was computed: `mean(snaive, hw, theta) s=4` or `mean of last 3` */
  readonly how: string
}

/**
 * The run-rate forecast h steps after the last value: below 6 points the mean of the last 3 (or
 * fewer) values; otherwise the mean of seasonal naive, damped Holt-Winters and Theta. null with no
 * data.
 */
export function runRate(series: readonly number[], grain: 'month' | 'quarter', h: number): RunRate | null {
  const n = series.length
  if (n === 0) return null
  if (n < 6) {
    const last = series.slice(-3)
    return { value: last.reduce((a, b) => a + b, 0) / last.length, how: `mean of last ${last.length}` }
  }
  const s = seasonLength(grain, n)
  const value = (seasonalNaive(series, s, h) + dampedHoltWinters(series, s, h) + theta(series, s, h)) / 3
  return { value, how: `mean(snaive, hw, theta) s=${s}` }
}
