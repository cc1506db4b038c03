import { describe, expect, it } from 'vitest'
import { finite, linear, niceStep, niceTicks, zeroExtent } from './scale.js'

describe('nice ticks', () => {
  it.each([
    // [min, max, expected ticks]: range / 5 rounded up to a 1-2-5 step
    [0, 100, [0, 20, 40, 60, 80, 100]], // 100 / 5 = 20
    [0, 130, [0, 50, 100, 150]], // 26 → 50
    [0, 7, [0, 2, 4, 6, 8]], // 1.4 → 2
    [0, 0.3, [0, 0.1, 0.2, 0.3]], // 0.06 → 0.1, without 0.30000000000000004
    [-10, 10, [-10, -5, 0, 5, 10]], // 4 → 5
    [-0.31, 0, [-0.4, -0.3, -0.2, -0.1, 0]], // 0.062 → 0.1
    [0, 120_000, [0, 50_000, 100_000, 150_000]], // 24,000 → 50,000
  ])('niceTicks(%d, %d) = %j', (min, max, expected) => {
    expect(niceTicks(min, max).values).toEqual(expected)
  })

  it('gives a symmetric scale for a symmetric range', () => {
    const t = niceTicks(-0.31, 0.31, 6)
    expect(t.lo).toBe(-t.hi)
    expect(t.values).toContain(0)
  })

  it('gives the single tick 0 on [0, 1] when every value is zero or missing', () => {
    expect(niceTicks(0, 0)).toEqual({ lo: 0, hi: 1, step: 1, values: [0] })
    expect(niceTicks(Number.NaN, Number.POSITIVE_INFINITY)).toEqual({ lo: 0, hi: 1, step: 1, values: [0] })
  })

  it('includes zero when the range is a single non-zero value', () => {
    expect(niceTicks(40, 40).values).toEqual([0, 10, 20, 30, 40])
  })

  it('rounds steps up to 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.5, 3, 7, 23, 0.012].map(niceStep)).toEqual([1, 1, 2, 5, 10, 50, 0.02])
    expect(niceStep(0)).toBe(1)
  })
})

describe('scale helpers', () => {
  it('treats null, undefined, NaN and Infinity as gaps', () => {
    expect([1, null, undefined, Number.NaN, Number.NEGATIVE_INFINITY].map(finite)).toEqual([
      1,
      null,
      null,
      null,
      null,
    ])
  })

  it('extends the extent to zero', () => {
    expect(zeroExtent([3, 5])).toEqual([0, 5])
    expect(zeroExtent([-3, -5])).toEqual([-5, 0])
    expect(zeroExtent([])).toEqual([0, 0])
  })

  it('maps a domain linearly and an empty domain to the range start', () => {
    expect(linear(0, 100, 264, 44)(50)).toBe(154)
    expect(linear(5, 5, 10, 20)(7)).toBe(10)
  })
})
