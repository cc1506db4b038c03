import { describe, expect, it } from 'vitest'
import { day } from '../../../test/support/factories.js'
import { formatIsoDate } from '../../model/calendar-date.js'
import { planYear } from './plan-period.js'

describe('planYear', () => {
  it('is the fiscal year after the as-of date by default', () => {
    const p = planYear(undefined, day('2026-11-27'), { fiscalYearStart: 1 })
    expect([p.label, formatIsoDate(p.start), formatIsoDate(p.end)]).toEqual([
      '2027',
      '2027-01-01',
      '2028-01-01',
    ])
  })

  it('names a February fiscal year by the calendar year it ends in', () => {
    // FY2027 with a February start: 2026-02-01 to 2027-01-31
    const p = planYear(2027, day('2026-11-27'), { fiscalYearStart: 2 })
    expect([p.label, formatIsoDate(p.start), formatIsoDate(p.end)]).toEqual([
      'FY2027',
      '2026-02-01',
      '2027-02-01',
    ])
  })
})
