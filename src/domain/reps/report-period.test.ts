import { describe, expect, it } from 'vitest'
import { day } from '../../../test/support/factories.js'
import { formatIsoDate } from '../../model/calendar-date.js'
import { reportPeriod } from './report-period.js'
import type { PeriodSpec } from './report-period.js'

const spec: PeriodSpec = {
  grain: 'quarter',
  from: undefined,
  to: undefined,
  asOf: day('2026-11-27'),
  calendar: { fiscalYearStart: 1 },
}
const show = (s: PeriodSpec) => {
  const p = reportPeriod(s)
  return [p.label, formatIsoDate(p.start), formatIsoDate(p.end)]
}

describe('reportPeriod', () => {
  it('is the period of the grain that contains the as-of date (end exclusive)', () => {
    expect(show(spec)).toEqual(['2026-Q4', '2026-10-01', '2027-01-01'])
    expect(show({ ...spec, grain: 'month' })).toEqual(['2026-11', '2026-11-01', '2026-12-01'])
  })

  it('follows the fiscal year: with a February start, November 2026 is in FY2027-Q4', () => {
    // FY2027 = 2026-02-01 … 2027-01-31; Q4 = November, December, January
    expect(show({ ...spec, calendar: { fiscalYearStart: 2 } })).toEqual([
      'FY2027-Q4',
      '2026-11-01',
      '2027-02-01',
    ])
  })

  it('takes an explicit range from --from to --to, both included, --to defaulting to as-of', () => {
    expect(show({ ...spec, from: day('2026-01-01'), to: day('2026-06-30') })).toEqual([
      '2026-01-01..2026-06-30',
      '2026-01-01',
      '2026-07-01',
    ])
    expect(show({ ...spec, from: day('2026-11-01') })).toEqual([
      '2026-11-01..2026-11-27',
      '2026-11-01',
      '2026-11-28',
    ])
  })
})
