import { describe, expect, it } from 'vitest'
import { largestRemainder } from './largest-remainder.js'

describe('largestRemainder', () => {
  it('gives the one leftover cent of 100.00 over three equal weights to the first part', () => {
    // 10,000 ÷ 3 = 3,333.33… each; floors 3 × 3,333 = 9,999; 1 cent left, all remainders equal → first
    expect(largestRemainder(10000, [1, 1, 1])).toEqual([3334, 3333, 3333])
  })

  it('gives leftover cents to the largest fractional remainders first', () => {
    // 100 cents over 1 : 2 : 4 (Σ 7): 14.29, 28.57, 57.14 → floors 14, 28, 57 = 99; largest remainder .57 → 28 + 1
    expect(largestRemainder(100, [1, 2, 4])).toEqual([14, 29, 57])
  })

  it('breaks a tie of equal remainders in favour of the larger weight, then the earlier position', () => {
    // 3 cents over 1 : 5 (Σ 6): 0.5 and 2.5 → floors 0 + 2 = 2; remainders .5 = .5 → larger weight
    expect(largestRemainder(3, [1, 5])).toEqual([0, 3])
    // 1 cent over 1 : 1 : 3 (Σ 5): 0.2, 0.2, 0.6 → floors all 0; .6 first → [0, 0, 1]
    expect(largestRemainder(1, [1, 1, 3])).toEqual([0, 0, 1])
    // 2 cents over 1 : 1 : 3: 0.4, 0.4, 1.2 → floors 0, 0, 1; 1 cent, .4 = .4, same weight → first
    expect(largestRemainder(2, [1, 1, 3])).toEqual([1, 0, 1])
  })

  it('gives zero weights nothing, even when cents are left over', () => {
    // 10 over 0 : 1 : 2 (Σ 3): 0, 3.33, 6.67 → floors 3 + 6 = 9, 1 cent to .67
    expect(largestRemainder(10, [0, 1, 2])).toEqual([0, 3, 7])
  })

  it('returns null when every weight is 0, and adds up exactly for a large target', () => {
    expect(largestRemainder(100, [0, 0])).toBeNull()
    const parts = largestRemainder(1_234_567_891_23, [0.1, 0.2, 0.3, 0.15, 0.25]) ?? []
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_234_567_891_23)
  })

  it('rejects a total that is not whole cents', () => {
    expect(() => largestRemainder(10.5, [1])).toThrow(RangeError)
  })
})
