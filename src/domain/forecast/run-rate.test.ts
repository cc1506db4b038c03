import { describe, expect, it } from 'vitest'
import {
  dampedHoltWinters,
  runRate,
  seasonLength,
  seasonalIndices,
  seasonalNaive,
  theta,
} from './run-rate.js'

describe('run rate', () => {
  it('chooses the season length by grain and history length', () => {
    expect([seasonLength('month', 23), seasonLength('month', 24)]).toEqual([3, 12])
    expect([seasonLength('quarter', 7), seasonLength('quarter', 8)]).toEqual([1, 4])
  })

  it('repeats the same season one cycle back (seasonal naive)', () => {
    const y = [10, 20, 30, 40, 11, 21, 31, 41]
    expect([1, 2, 4, 5].map((h) => seasonalNaive(y, 4, h))).toEqual([11, 21, 41, 11])
    expect(seasonalNaive(y, 1, 3)).toBe(41)
  })

  it('falls back to the mean of the last 3 values below 6 points', () => {
    // [100, 200, 300, 600]: (200 + 300 + 600) / 3 = 366.67
    expect(runRate([100, 200, 300, 600], 'quarter', 1)).toEqual({ value: 1100 / 3, how: 'mean of last 3' })
    expect(runRate([], 'quarter', 1)).toBeNull()
  })

  it('forecasts a constant series as the constant with every method', () => {
    const y = [500, 500, 500, 500, 500, 500, 500, 500]
    expect(dampedHoltWinters(y, 4, 2)).toBeCloseTo(500, 9)
    expect(theta(y, 4, 2)).toBeCloseTo(500, 9)
    expect(runRate(y, 'quarter', 1)?.value).toBeCloseTo(500, 9)
  })

  it('extends a straight line with Theta: the level plus half the slope as drift', () => {
    // y = 10, 20, …, 60: slope 10. With α = 0.9 SES trails the line; Theta adds 5 × (h − 1 + 1/α − 0.1⁶/α)
    const y = [10, 20, 30, 40, 50, 60]
    const f = theta(y, 1, 1)
    expect(f).toBeGreaterThan(60)
    expect(f).toBeLessThan(70)
  })

  it('finds multiplicative seasonal indices that average 1', () => {
    const idx = seasonalIndices([80, 120, 80, 120, 80, 120, 80, 120], 2)
    expect(idx[0]).toBeCloseTo(0.8, 9)
    expect(idx[1]).toBeCloseTo(1.2, 9)
  })
})
