/**
 * `montecarlo`: seeded simulation of the period totals (forecasting.md §3.4, §8).
 *
 * Per simulation: one common shock f ~ LogNormal(−σ²/2, σ) (mean 1) scales every probability and the
 * new pipeline; each open deal draws one uniform u that picks the first horizon h with
 * u < f × (p_0 + … + p_h), or none; new pipeline per horizon N_h ~ max(0, Normal(f × N̂_h, sd_h)).
 * Above 10⁸ deal draws the largest deals are drawn one by one and the many small rest enters as a
 * normal with its exact mean and variance. The generator is an inline mulberry32 (a 32-bit state, one multiply chain per draw) so that
 * 10⁸ draws take about a second; the same seed gives bit-identical totals.
 */

export interface SimulationInput {
  /** open amounts in cents, one per deal */
  readonly amounts: Float64Array
  /** cumulative probabilities, deal-major: cum[i × H + h] = p_0 + … + p_h of deal i (≤ 1) */
  readonly cumulative: Float64Array
  /** closed won to date per horizon (cents) */
  readonly closed: readonly number[]
  /** N̂_h and its SD per horizon (cents) */
  readonly newMean: readonly number[]
  readonly newSd: readonly number[]
  /** SD of the log common shock; 0 = independent deals */
  readonly sigma: number
  readonly simulations: number
  readonly seed: number
  /**
   * deals × simulations drawn one by one at most (default 10⁸: 10,000 deals × 10,000 simulations);
   * beyond it the largest deals are drawn one by one and the rest enter as a normal with their exact
   * mean and variance (many small independent deals: central limit theorem)
   */
  readonly maxDraws?: number
}

/** Deal indices by amount, largest first (ties: export order). */
function largestFirst(amounts: Float64Array): number[] {
  const idx = Array.from({ length: amounts.length }, (_, i) => i)
  return idx.sort((a, b) => (amounts[b] ?? 0) - (amounts[a] ?? 0) || a - b)
}

/** The deals drawn one by one, and the moments of the rest per horizon. */
function splitDeals(input: SimulationInput, H: number, S: number) {
  const n = input.amounts.length
  const limit = Math.max(0, Math.floor((input.maxDraws ?? 1e8) / Math.max(1, S)))
  if (n <= limit) return { amounts: input.amounts, cumulative: input.cumulative, rest: undefined }
  const order = largestFirst(input.amounts)
  const amounts = new Float64Array(limit)
  const cumulative = new Float64Array(limit * H)
  for (let j = 0; j < limit; j++) {
    const i = order[j] ?? 0
    amounts[j] = input.amounts[i] ?? 0
    for (let h = 0; h < H; h++) cumulative[j * H + h] = input.cumulative[i * H + h] ?? 0
  }
  // Σ a·p, Σ a²·p and Σ a²·p² of the remaining deals per horizon
  const mean = new Float64Array(H)
  const m2 = new Float64Array(H)
  const m2p = new Float64Array(H)
  for (let j = limit; j < n; j++) {
    const i = order[j] ?? 0
    const a = input.amounts[i] ?? 0
    let prev = 0
    for (let h = 0; h < H; h++) {
      const cum = input.cumulative[i * H + h] ?? 0
      const p = cum - prev
      prev = cum
      mean[h] = (mean[h] ?? 0) + a * p
      m2[h] = (m2[h] ?? 0) + a * a * p
      m2p[h] = (m2p[h] ?? 0) + a * a * p * p
    }
  }
  return { amounts, cumulative, rest: { mean, m2, m2p } }
}

export interface Quantiles {
  readonly p10: number
  readonly p50: number
  readonly p90: number
  readonly mean: number
}

/** Linear-interpolation quantile (type 7) of an ascending array; 0 for an empty one. */
export function quantileSorted(sorted: Float64Array | readonly number[], q: number): number {
  const n = sorted.length
  if (n === 0) return 0
  const pos = (n - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.min(lo + 1, n - 1)
  const a = sorted[lo] ?? 0
  const b = sorted[hi] ?? 0
  return a + (pos - lo) * (b - a)
}

/** Per horizon, the simulated totals (closed + pipeline wins + new), in cents, simulation order. */
export function simulateTotals(input: SimulationInput): Float64Array[] {
  const H = input.closed.length
  const S = Math.max(0, Math.floor(input.simulations))
  const totals = Array.from({ length: H }, () => new Float64Array(S))
  const { amounts, cumulative: cum, rest } = splitDeals(input, H, S)
  const n = amounts.length
  const sigma = input.sigma
  const mu = (-sigma * sigma) / 2
  let state = input.seed | 0
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = (): number => {
    let u = uniform()
    while (u === 0) u = uniform()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform())
  }
  const acc = new Float64Array(H)
  for (let s = 0; s < S; s++) {
    const f = sigma > 0 ? Math.exp(mu + sigma * normal()) : 1
    const inv = 1 / f
    if (H === 1) {
      // the hot loop: branchless, one draw per deal (v < p ⇔ u < f·p)
      let c = 0
      let a = state
      for (let i = 0; i < n; i++) {
        a = (a + 0x6d2b79f5) | 0
        let t = Math.imul(a ^ (a >>> 15), 1 | a)
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
        const v = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * inv
        c += (amounts[i] ?? 0) * +(v < (cum[i] ?? 0))
      }
      state = a
      acc[0] = c
    } else if (H === 2) {
      // current and next period: two comparisons, no branch
      let c0 = 0
      let c1 = 0
      for (let i = 0; i < n; i++) {
        const v = uniform() * inv
        const a = amounts[i] ?? 0
        const w0 = +(v < (cum[2 * i] ?? 0))
        c0 += a * w0
        c1 += a * (+(v < (cum[2 * i + 1] ?? 0)) - w0)
      }
      acc[0] = c0
      acc[1] = c1
    } else {
      acc.fill(0)
      for (let i = 0; i < n; i++) {
        const v = uniform() * inv
        const base = i * H
        for (let h = 0; h < H; h++) {
          if (v < (cum[base + h] ?? 0)) {
            acc[h] = (acc[h] ?? 0) + (amounts[i] ?? 0)
            break
          }
        }
      }
    }
    for (let h = 0; h < H; h++) {
      const sd = input.newSd[h] ?? 0
      const mean = (input.newMean[h] ?? 0) * f
      let extra = sd > 0 ? Math.max(0, mean + sd * normal()) : mean
      if (rest !== undefined) {
        // the small deals: mean f·Σap, variance Σa²(fp)(1 − fp) = f·Σa²p − f²·Σa²p²
        const m = f * (rest.mean[h] ?? 0)
        const v = Math.max(0, f * (rest.m2[h] ?? 0) - f * f * (rest.m2p[h] ?? 0))
        extra += Math.max(0, m + Math.sqrt(v) * normal())
      }
      const row = totals[h]
      if (row !== undefined) row[s] = (input.closed[h] ?? 0) + (acc[h] ?? 0) + extra
    }
  }
  return totals
}

/** P10 / P50 / P90 and mean of each horizon's simulated totals (cents, unrounded). */
export function simulate(input: SimulationInput): Quantiles[] {
  return simulateTotals(input).map((totals) => {
    let sum = 0
    for (const x of totals) sum += x
    const sorted = totals.slice().sort()
    return {
      p10: quantileSorted(sorted, 0.1),
      p50: quantileSorted(sorted, 0.5),
      p90: quantileSorted(sorted, 0.9),
      mean: totals.length === 0 ? 0 : sum / totals.length,
    }
  })
}
