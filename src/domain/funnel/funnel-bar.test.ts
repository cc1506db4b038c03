import { describe, expect, it } from 'vitest'
import { funnelBar } from './funnel-bar.js'

describe('funnelBar', () => {
  it.each([
    [4, 4, 8, '████████'], // 8 cells
    [3, 4, 8, '██████'], // 3/4 × 8 = 6 cells
    [1, 3, 8, '██▋'], // 1/3 × 64 eighths = 21.33 → 21 = 2 cells + 5/8
    [1, 1000, 8, '▏'], // 0.064 eighths rounds to 0, shown as the smallest mark
    [0, 4, 8, ''],
    [0, 0, 8, ''], // nothing to scale to
  ])('draws %i of %i at width %i as "%s"', (value, max, width, expected) => {
    expect(funnelBar(value, max, width)).toBe(expected)
  })

  it('is 24 cells wide at the maximum by default', () => {
    expect(funnelBar(7, 7)).toBe('█'.repeat(24))
  })
})
