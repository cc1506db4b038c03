import { describe, expect, it } from 'vitest'
import { formatIsoDate, parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import { funnelCohort } from './funnel-cohort.js'

const day = (iso: string): CalendarDate => {
  const v = parseIsoDate(iso)
  if (v === undefined) throw new RangeError(iso)
  return v
}
const range = (c: ReturnType<typeof funnelCohort>): [string, string] | undefined =>
  c.created === undefined ? undefined : [formatIsoDate(c.created.start), formatIsoDate(c.created.end)]

describe('funnelCohort', () => {
  it('takes every deal by default and with --period all', () => {
    expect(funnelCohort({ asOf: day('2026-11-27'), fiscalYearStart: 1 }).created).toBeUndefined()
    expect(
      funnelCohort({ asOf: day('2026-11-27'), grain: 'all', fiscalYearStart: 1 }).created,
    ).toBeUndefined()
  })

  it('takes the period of the as-of date, half open', () => {
    const c = funnelCohort({ asOf: day('2026-11-27'), grain: 'quarter', fiscalYearStart: 1 })
    expect(range(c)).toEqual(['2026-10-01', '2027-01-01'])
    expect(c.label).toBe(
      'deals created in 2026-Q4 (2026-10-01 to 2026-12-31), the quarter of the as-of date 2026-11-27',
    )
  })

  it('follows the fiscal year start', () => {
    // February start: FY2027-Q4 = 2026-11-01 .. 2027-01-31
    const c = funnelCohort({ asOf: day('2026-11-27'), grain: 'quarter', fiscalYearStart: 2 })
    expect(range(c)).toEqual(['2026-11-01', '2027-02-01'])
  })

  it('includes the --to day itself', () => {
    const c = funnelCohort({
      asOf: day('2026-11-27'),
      from: day('2026-01-01'),
      to: day('2026-06-30'),
      fiscalYearStart: 1,
    })
    expect(range(c)).toEqual(['2026-01-01', '2026-07-01'])
    expect(c.label).toBe('deals created from 2026-01-01 to 2026-06-30')
  })
})
