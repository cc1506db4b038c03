import { describe, expect, it } from 'vitest'
import { ceilDiv, divideHalfAway } from './exact-division.js'

describe('ceilDiv', () => {
  it.each([
    [20_000_000n, 1_250_004n, 16], // 15.99994… → 16
    [48n, 2n, 24], // exact: no rounding up
    [0n, 7n, 0],
    [1n, 7n, 1],
    // 3 × 10^12 ÷ 7 = 428,571,428,571.43 → 428,571,428,572
    [3_000_000_000_000n, 7n, 428_571_428_572],
    // 10^15 × 9,000 = 9 × 10^18 (past 2^53) ÷ 9,000 = exactly 10^15
    [1_000_000_000_000_000n * 9_000n, 9_000n, 1_000_000_000_000_000],
  ])('⌈%s ÷ %s⌉ = %s', (n, d, expected) => {
    expect(ceilDiv(n, d)).toBe(expected)
  })

  it('refuses a zero denominator', () => {
    expect(() => ceilDiv(1n, 0n)).toThrow(RangeError)
  })
})

describe('divideHalfAway', () => {
  it.each([
    [1_250_004, 8, 156_251], // 156,250.5 → away from zero
    [1_250_050, 8, 156_256], // 156,256.25 → down
    [4_350_004, 18, 241_667], // 241,666.89 → up
    [-1_250_004, 8, -156_251], // −156,250.5 → away from zero
    [5, 2, 3], // 2.5 → 3
    [0, 3, 0],
  ])('%s ÷ %s = %s', (n, d, expected) => {
    expect(divideHalfAway(n, d)).toBe(expected)
  })
})
