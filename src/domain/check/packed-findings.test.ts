import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Finding } from './types.js'
import { packFindings, unpackFindings } from './packed-findings.js'

describe('packFindings / unpackFindings', () => {
  it('give back the findings, in order, through a structured clone', () => {
    const finding = fc.record({
      rule: fc.constantFrom('duplicate-id', 'stale-open-deal', 'invalid-row'),
      severity: fc.constantFrom('error', 'warning', 'info'),
      file: fc.constantFrom('deals.csv', 'more/deals-2.csv'),
      line: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
      entity: fc.constantFrom('deal', 'account'),
      record_id: fc.string({ unit: 'binary' }),
      message: fc.string({ unit: 'binary' }),
    }) as fc.Arbitrary<Finding>
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
        expect(unpackFindings(structuredClone(packFindings(findings)))).toEqual(findings)
      }),
    )
  })

  it('keeps each name once', () => {
    const f: Finding = {
      rule: 'stale-open-deal',
      severity: 'warning',
      file: 'deals.csv',
      line: 7,
      entity: 'deal',
      record_id: 'D-1',
      message: 'no activity for 40 days',
    }
    const packed = packFindings([f, { ...f, line: 9, record_id: 'D-2' }])
    expect(packed.names).toEqual(['stale-open-deal', 'warning', 'deals.csv', 'deal'])
    expect(packed.text).toBe('D-1no activity for 40 daysD-2no activity for 40 days')
  })
})
