import { describe, expect, it } from 'vitest'
import { formatIsoDate, parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import { contains, periodOf, periodsBetween, shiftPeriod, yearAgo } from './period.js'
import type { Grain } from './period.js'

const d = (iso: string): CalendarDate => {
  const v = parseIsoDate(iso)
  if (v === undefined) throw new Error(iso)
  return v
}
const show = (date: string, grain: Grain, fiscalYearStart = 1) => {
  const p = periodOf(d(date), grain, { fiscalYearStart })
  return [p.label, formatIsoDate(p.start), formatIsoDate(p.end)]
}

describe('periodOf', () => {
  it.each([
    // ISO weeks: Monday to Sunday; the week-year is the year of the Thursday
    ['2026-11-27', 'week', ['2026-W48', '2026-11-23', '2026-11-30']],
    ['2021-01-01', 'week', ['2020-W53', '2020-12-28', '2021-01-04']],
    ['2024-12-30', 'week', ['2025-W01', '2024-12-30', '2025-01-06']],
    ['2026-01-01', 'week', ['2026-W01', '2025-12-29', '2026-01-05']],
    ['2026-11-27', 'month', ['2026-11', '2026-11-01', '2026-12-01']],
    ['2026-11-27', 'quarter', ['2026-Q4', '2026-10-01', '2027-01-01']],
    ['2026-03-31', 'quarter', ['2026-Q1', '2026-01-01', '2026-04-01']],
    ['2026-11-27', 'year', ['2026', '2026-01-01', '2027-01-01']],
  ] as const)('%s by %s is %j', (date, grain, expected) => {
    expect(show(date, grain)).toEqual(expected)
  })

  it.each([
    // February start: FY2027 = 2026-02-01 .. 2027-01-31, named by the year it ends in
    ['2026-02-01', 'quarter', ['FY2027-Q1', '2026-02-01', '2026-05-01']],
    ['2026-11-27', 'quarter', ['FY2027-Q4', '2026-11-01', '2027-02-01']],
    ['2026-01-31', 'quarter', ['FY2026-Q4', '2025-11-01', '2026-02-01']],
    ['2026-11-27', 'year', ['FY2027', '2026-02-01', '2027-02-01']],
  ] as const)('with a February fiscal year, %s by %s is %j', (date, grain, expected) => {
    expect(show(date, grain, 2)).toEqual(expected)
  })

  it('names a July fiscal year by its ending year (2026-07-01 starts FY2027)', () => {
    expect(show('2026-07-01', 'year', 7)).toEqual(['FY2027', '2026-07-01', '2027-07-01'])
    expect(show('2026-06-30', 'quarter', 7)).toEqual(['FY2026-Q4', '2026-04-01', '2026-07-01'])
  })
})

describe('period arithmetic', () => {
  it('steps to the previous and next period and to the same period a year ago', () => {
    const q = periodOf(d('2026-11-27'), 'quarter')
    expect(shiftPeriod(q, -1).label).toBe('2026-Q3')
    expect(shiftPeriod(q, 1).label).toBe('2027-Q1')
    expect(yearAgo(q).label).toBe('2025-Q4')
    expect(yearAgo(periodOf(d('2026-11-27'), 'month')).label).toBe('2025-11')
  })

  it('lists the periods between two dates, both ends included', () => {
    expect(periodsBetween(d('2026-01-15'), d('2026-04-01'), 'month').map((p) => p.label)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ])
  })

  it('treats the end as exclusive', () => {
    const q = periodOf(d('2026-03-31'), 'quarter')
    expect(contains(q, d('2026-03-31'))).toBe(true)
    expect(contains(q, d('2026-04-01'))).toBe(false)
    expect(contains(q, undefined)).toBe(false)
  })
})
