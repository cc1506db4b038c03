import { describe, expect, it } from 'vitest'
import { day, deal, money } from '../../../test/support/factories.js'
import { formatIsoDate } from '../../model/calendar-date.js'
import { daysToFirstWin, monthsSinceHire, rampStatus, trailingQuarter } from './ramp.js'
import type { RampInput } from './ramp.js'

describe('monthsSinceHire', () => {
  it.each([
    // hire, as-of, whole months
    ['2025-02-10', '2025-06-15', 4], // Jun 10 ≤ Jun 15 < Jul 10
    ['2025-02-10', '2025-06-09', 3], // Jun 10 is one day too late
    ['2025-02-10', '2025-06-10', 4], // the monthly anniversary counts
    ['2025-06-15', '2025-06-15', 0], // hired today
    ['2024-01-31', '2024-02-29', 1], // Jan 31 + 1 month clamps to Feb 29 (leap year)
    ['2024-01-31', '2024-02-28', 0],
    ['2019-07-01', '2025-06-15', 71], // 5 years 11 months
  ])('counts whole months from %s to %s as %i', (hire, asOf, months) => {
    expect(monthsSinceHire(day(hire), day(asOf))).toBe(months)
  })

  it('is null without a hire date or for a hire date after the as-of date', () => {
    expect(monthsSinceHire(undefined, day('2025-06-15'))).toBeNull()
    expect(monthsSinceHire(day('2025-07-01'), day('2025-06-15'))).toBeNull()
  })
})

describe('daysToFirstWin', () => {
  const asOf = day('2025-06-15')

  it('takes the earliest won close date on or after the hire date', () => {
    const deals = [
      deal({ status: 'won', close_date: day('2024-09-20') }), // before the hire: someone else's era
      deal({ status: 'lost', close_date: day('2024-10-10') }), // a loss is not a win
      deal({ status: 'won', close_date: day('2025-01-05') }),
      deal({ status: 'won', close_date: day('2024-11-14') }),
    ]
    // hired 2024-10-01; first win 2024-11-14: 31 days of October + 13 = 44
    expect(daysToFirstWin(deals, day('2024-10-01'), asOf)).toBe(44)
  })

  it('ignores wins dated after the as-of date and is null without a win', () => {
    const deals = [deal({ status: 'won', close_date: day('2025-06-20') }), deal({ status: 'open' })]
    expect(daysToFirstWin(deals, day('2025-02-10'), asOf)).toBeNull()
    expect(daysToFirstWin([], day('2025-02-10'), asOf)).toBeNull()
  })

  it('counts a win on the hire date as 0 days and is null without a hire date', () => {
    const deals = [deal({ status: 'won', close_date: day('2025-02-10'), amount: money(1) })]
    expect(daysToFirstWin(deals, day('2025-02-10'), asOf)).toBe(0)
    expect(daysToFirstWin(deals, undefined, asOf)).toBeNull()
  })
})

describe('trailingQuarter', () => {
  const range = (asOf: string) => {
    const p = trailingQuarter(day(asOf))
    return [formatIsoDate(p.start), formatIsoDate(p.end)]
  }

  it('covers the three months that end on the as-of date, both included (end exclusive)', () => {
    // as-of 2026-11-27: end = 2026-11-28, start = 2026-11-28 − 3 months = 2026-08-28
    expect(range('2026-11-27')).toEqual(['2026-08-28', '2026-11-28'])
    // as-of 2025-06-15: 2025-03-16 … 2025-06-15
    expect(range('2025-06-15')).toEqual(['2025-03-16', '2025-06-16'])
  })

  it('clamps to the month end when the start day does not exist', () => {
    // as-of 2025-05-30: end 2025-05-31, minus 3 months = "2025-02-31" → 2025-02-28
    expect(range('2025-05-30')).toEqual(['2025-02-28', '2025-05-31'])
  })
})

describe('rampStatus', () => {
  const base: RampInput = {
    leaver: false,
    monthsSinceHire: 4,
    trailingBookings: money(3000),
    teamMedian: money(13500),
    maxRampMonths: 12,
  }

  it.each<[string, Partial<RampInput>, string | null]>([
    ['below the team median within the ramp window: ramping', {}, 'ramping'],
    ['bookings equal to the median reach it: ramped', { trailingBookings: money(13500) }, 'ramped'],
    [
      'above the median after 8 months: ramped',
      { monthsSinceHire: 8, trailingBookings: money(24000) },
      'ramped',
    ],
    [
      '12 whole months or more: ramped whatever the bookings',
      { monthsSinceHire: 12, trailingBookings: 0 },
      'ramped',
    ],
    ['11 months and nothing booked: still ramping', { monthsSinceHire: 11, trailingBookings: 0 }, 'ramping'],
    [
      'an end date on or before as-of: leaver, before anything else',
      { leaver: true, monthsSinceHire: null },
      'leaver',
    ],
    ['no hire date: unknown', { monthsSinceHire: null }, null],
    [
      'nothing booked in a team that booked nothing: ramping',
      { trailingBookings: 0, teamMedian: 0 },
      'ramping',
    ],
    ['a custom ramp window of 3 months', { maxRampMonths: 3 }, 'ramped'],
  ])('%s', (_name, overrides, expected) => {
    expect(rampStatus({ ...base, ...overrides })).toBe(expected)
  })
})
