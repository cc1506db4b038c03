import { describe, expect, it } from 'vitest'
import { quantileSorted, simulate, simulateTotals } from './monte-carlo.js'

const base = { closed: [1000], newMean: [0], newSd: [0], sigma: 0, simulations: 1000, seed: 1 }

describe('Monte Carlo', () => {
  it('interpolates quantiles linearly between order statistics', () => {
    // [10, 20, 30, 40, 50]: position (5 − 1) × 0.1 = 0.4 → 10 + 0.4 × 10 = 14; P50 = 30; P90 = 46
    const sorted = [10, 20, 30, 40, 50]
    expect(quantileSorted(sorted, 0.1)).toBeCloseTo(14, 12)
    expect(quantileSorted(sorted, 0.5)).toBe(30)
    expect(quantileSorted(sorted, 0.9)).toBeCloseTo(46, 12)
    expect(quantileSorted([], 0.5)).toBe(0)
  })

  it('adds certain deals and skips impossible ones in every simulation', () => {
    // 3 deals: 100 at p = 1, 200 at p = 0, 300 at p = 1 → 1,000 closed + 400 every time
    const [q] = simulate({
      ...base,
      amounts: Float64Array.from([100, 200, 300]),
      cumulative: Float64Array.from([1, 0, 1]),
    })
    expect(q).toEqual({ p10: 1400, p50: 1400, p90: 1400, mean: 1400 })
  })

  it('picks at most one horizon per deal from its cumulative probabilities', () => {
    // one deal of 100: p(this period) = 0.3, p(next) = 0.5 → cumulative 0.3, 0.8; totals ≈ 30 and 50
    const [now, next] = simulateTotals({
      ...base,
      closed: [0, 0],
      newMean: [0, 0],
      newSd: [0, 0],
      simulations: 20000,
      amounts: Float64Array.from([100]),
      cumulative: Float64Array.from([0.3, 0.8]),
    })
    const mean = (xs: Float64Array | undefined) =>
      xs === undefined ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(now)).toBeGreaterThan(28)
    expect(mean(now)).toBeLessThan(32)
    expect(mean(next)).toBeGreaterThan(48)
    expect(mean(next)).toBeLessThan(52)
    for (let s = 0; s < 20000; s++) expect((now?.[s] ?? 0) + (next?.[s] ?? 0)).toBeLessThanOrEqual(100)
  })

  it('repeats bit for bit with the same seed, and differs with another', () => {
    const input = {
      ...base,
      sigma: 0.2,
      newMean: [500],
      newSd: [100],
      amounts: Float64Array.from({ length: 50 }, (_, i) => 100 + i),
      cumulative: Float64Array.from({ length: 50 }, (_, i) => (i % 10) / 10),
    }
    expect(simulate(input)).toEqual(simulate(input))
    expect(simulate({ ...input, seed: 2 })).not.toEqual(simulate(input))
  })

  it('widens the range with the common shock while keeping the mean', () => {
    const input = {
      ...base,
      closed: [0],
      simulations: 5000,
      amounts: Float64Array.from({ length: 400 }, () => 100),
      cumulative: Float64Array.from({ length: 400 }, () => 0.5),
    }
    const [calm] = simulate(input)
    const [shocked] = simulate({ ...input, sigma: 0.3 })
    // expected 400 × 100 × 0.5 = 20,000 either way
    expect(Math.abs((calm?.mean ?? 0) - 20000)).toBeLessThan(200)
    expect(Math.abs((shocked?.mean ?? 0) - 20000)).toBeLessThan(600)
    expect((shocked?.p90 ?? 0) - (shocked?.p10 ?? 0)).toBeGreaterThan(
      3 * ((calm?.p90 ?? 0) - (calm?.p10 ?? 0)),
    )
  })

  it('draws the largest deals one by one and the small rest as a normal above the draw budget', () => {
    // 1,000 deals of 100 at p = 0.5 and one of 10,000 at p = 0.5; budget 2,000 draws / 1,000 sims = 2 deals
    const amounts = Float64Array.from({ length: 1001 }, (_, i) => (i === 500 ? 10000 : 100))
    const input = {
      ...base,
      closed: [0],
      amounts,
      cumulative: Float64Array.from({ length: 1001 }, () => 0.5),
    }
    const [exact] = simulate(input)
    const [approx] = simulate({ ...input, maxDraws: 2000 })
    // mean 1,000 × 50 + 5,000 = 55,000 both ways; the big deal keeps the two-humped shape (P10 < 50,000 < P90)
    expect(Math.abs((approx?.mean ?? 0) - 55000)).toBeLessThan(600)
    expect(Math.abs((exact?.mean ?? 0) - 55000)).toBeLessThan(600)
    expect(approx?.p10).toBeLessThan(51500)
    expect(approx?.p90).toBeGreaterThan(58500)
  })
})
