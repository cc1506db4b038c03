import { describe, expect, it } from 'vitest'
import { rangeBar } from './range-bar.js'

describe('rangeBar', () => {
  it('places P10, P50 and P90 on a shared scale', () => {
    // width 10: positions round(x / 100 × 9) → 20 → 2, 50 → 5 (4.5 rounds up), 80 → 7
    expect(rangeBar(20, 50, 80, 100, 10)).toBe('  ├──●─┤  ')
  })

  it('is empty without a scale', () => {
    expect(rangeBar(0, 0, 0, 0)).toBe('')
  })
})
