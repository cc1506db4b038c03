import { describe, expect, it } from 'vitest'
import { mulFraction } from './exact-money.js'

describe('mulFraction', () => {
  it.each([
    [12345, 0.1, 1235], // 1,234.5 cents → away from zero
    [-12345, 0.1, -1235],
    [100001, 0.6, 60001], // 60,000.6
    [449999_9, 0.05, 225000], // 224,999.95
    [1, 0.5, 1], // 0.5 → 1
    [1, 0.49, 0],
    [10, 0.15, 2], // 1.5 exactly, not 1.4999…
    [9_000_000_000_00, 0.15, 1_350_000_000_00], // beyond 2^53 ÷ 10^6: exact with bigint
  ])('%d × %d = %d', (amount, fraction, expected) => {
    expect(mulFraction(amount, fraction)).toBe(expected)
  })
})
