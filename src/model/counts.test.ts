import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCount } from './counts.js'

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [53971, '53,971'],
    [1000000, '1,000,000'],
    [-1234, '-1,234'],
  ])('writes %d as %s', (n, text) => {
    expect(formatCount(n)).toBe(text)
  })

  it('writes any safe integer as toLocaleString("en-US") does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
      }),
    )
  })
})
