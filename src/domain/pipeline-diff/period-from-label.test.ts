import { describe, expect, it } from 'vitest'
import { formatIsoDate } from '../../model/calendar-date.js'
import { periodFromLabel } from './period-from-label.js'

const show = (label: string, fiscalYearStart = 1): [string, string, string] | undefined => {
  const p = periodFromLabel(label, { fiscalYearStart })
  return p === undefined ? undefined : [p.label, formatIsoDate(p.start), formatIsoDate(p.end)]
}

describe('periodFromLabel', () => {
  it.each([
    ['2026-Q4', ['2026-Q4', '2026-10-01', '2027-01-01']],
    ['2026-q1', ['2026-Q1', '2026-01-01', '2026-04-01']],
    ['2026-11', ['2026-11', '2026-11-01', '2026-12-01']],
    ['2026', ['2026', '2026-01-01', '2027-01-01']],
    // ISO week 48 of 2026: Monday 2026-11-23 (week 1 starts Monday 2025-12-29, the week of Jan 4)
    ['2026-W48', ['2026-W48', '2026-11-23', '2026-11-30']],
    // 2026 begins on a Thursday, so it has 53 ISO weeks; W53 starts 2026-12-28
    ['2026-W53', ['2026-W53', '2026-12-28', '2027-01-04']],
    [' FY2026 ', ['2026', '2026-01-01', '2027-01-01']],
  ] as const)('reads %s as %j', (label, expected) => {
    expect(show(label)).toEqual(expected)
  })

  it.each([
    // February start: FY2027 = 2026-02-01 .. 2027-01-31 (named by the year it ends in)
    ['FY2027-Q1', ['FY2027-Q1', '2026-02-01', '2026-05-01']],
    ['2027-Q4', ['FY2027-Q4', '2026-11-01', '2027-02-01']],
    ['FY2027', ['FY2027', '2026-02-01', '2027-02-01']],
    ['2026-11', ['2026-11', '2026-11-01', '2026-12-01']],
  ] as const)('with a February fiscal year, reads %s as %j', (label, expected) => {
    expect(show(label, 2)).toEqual(expected)
  })

  it.each(['2025-W53', '2026-W00', '2026-13', '2026-Q5', 'Q4 2026', 'last quarter', ''])(
    'names no period with %j',
    (label) => {
      expect(periodFromLabel(label)).toBeUndefined()
    },
  )
})
