import { describe, expect, it } from 'vitest'
import { conversionEvidence, conversionTime, isConverted } from './lead-conversion.js'
import { day, lead } from './test-factories.js'

describe('conversionEvidence', () => {
  it.each([
    ['a converted_date', { converted_date: day('2026-01-15') }, 'converted_date'],
    [
      'a converted_date and a deal_id',
      { converted_date: day('2026-01-15'), deal_id: 'D-1' },
      'converted_date',
    ],
    ['a deal_id only', { deal_id: 'D-1' }, 'deal_id'],
    ['a deal_id despite the status "Disqualified"', { deal_id: 'D-1', status: 'Disqualified' }, 'deal_id'],
    ['the status "Converted" only', { status: 'Converted' }, 'status'],
    ['the status " converted " in lower case', { status: ' converted ' }, 'status'],
    ['the Salesforce status "Closed - Converted"', { status: 'Closed - Converted' }, 'status'],
  ])('names %s', (_label, overrides, evidence) => {
    expect(conversionEvidence(lead(overrides))).toBe(evidence)
  })

  it.each([['Open'], ['Nurture'], ['Closed - Not Converted'], ['Unconverted'], [undefined]])(
    'does not count a lead with status %j and no date or deal as converted',
    (status) => {
      expect(isConverted(lead({ status }))).toBe(false)
    },
  )
})

describe('conversionTime', () => {
  it('counts the days from created to converted_date', () => {
    // 2026-01-05 → 2026-01-15 = 10 days
    expect(conversionTime(lead({ converted_date: day('2026-01-15') }))).toEqual({ kind: 'days', days: 10 })
  })

  it('counts a same-day conversion as 0 days', () => {
    expect(conversionTime(lead({ converted_date: day('2026-01-05') }))).toEqual({ kind: 'days', days: 0 })
  })

  it('flags a conversion before creation as negative', () => {
    // 2026-01-05 → 2026-01-03 = −2 days
    expect(conversionTime(lead({ converted_date: day('2026-01-03') }))).toEqual({
      kind: 'negative',
      days: -2,
    })
  })

  it('has no days for a lead converted by deal_id or status, or without a created date', () => {
    expect(conversionTime(lead({ deal_id: 'D-1' }))).toEqual({ kind: 'undated' })
    expect(conversionTime(lead({ status: 'Converted' }))).toEqual({ kind: 'undated' })
    expect(conversionTime(lead({ created: undefined, converted_date: day('2026-01-15') }))).toEqual({
      kind: 'undated',
    })
  })

  it('is undefined for a lead that did not convert', () => {
    expect(conversionTime(lead())).toBeUndefined()
  })
})
