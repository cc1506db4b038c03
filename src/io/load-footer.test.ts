import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mayStartFooter } from './load.js'

describe('mayStartFooter', () => {
  it('says what /^\\s*[cgst(]/i says of any first cell', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '',
        'Total',
        'copyright',
        '(c) 2025',
        ' Grand totals',
        '\tsubtotal',
        'D-1',
        '0065',
        'Zeta',
      ),
    )
    fc.assert(
      fc.property(cell, (first) => {
        expect(mayStartFooter(first)).toBe(/^\s*[cgst(]/i.test(first))
      }),
      { numRuns: 3000 },
    )
  })
})
