import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quote } from './rule-helpers.js'

describe('quote', () => {
  it('writes what JSON.stringify writes of the text cut to 60 characters', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 90 }))
    fc.assert(
      fc.property(text, (t) => {
        expect(quote(t)).toBe(JSON.stringify(t.length > 60 ? `${t.slice(0, 57)}...` : t))
      }),
      { numRuns: 2000 },
    )
  })
})
