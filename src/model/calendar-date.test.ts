import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMonths,
  calendarDate,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatIsoDate,
  isoWeekday,
  parseIsoDate,
} from './calendar-date.js'

describe('calendar dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0)
    // 2000-03-01: 30 years of 365 days + 7 leap days (72,76,80,84,88,92,96) + Jan 31 + Feb 29 = 11017 + 60
    expect(daysFromCivil(2000, 3, 1)).toBe(11017)
    expect(formatIsoDate(20178)).toBe('2025-03-31')
  })

  it('round-trips every day between 1900 and 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), (days) => {
        const { year, month, day } = civilFromDays(days)
        expect(daysFromCivil(year, month, day)).toBe(days)
        expect(parseIsoDate(formatIsoDate(days))).toBe(days)
      }),
    )
  })

  it('rejects dates that do not exist', () => {
    expect(calendarDate(2024, 2, 30)).toBeUndefined()
    expect(calendarDate(2023, 2, 29)).toBeUndefined()
    expect(calendarDate(2024, 2, 29)).toBeDefined()
    expect(calendarDate(1900, 2, 29)).toBeUndefined()
  })

  it('adds months clamping to the month end', () => {
    expect(formatIsoDate(addMonths(daysFromCivil(2025, 1, 31), 1))).toBe('2025-02-28')
    expect(formatIsoDate(addMonths(daysFromCivil(2024, 1, 31), 1))).toBe('2024-02-29')
    expect(formatIsoDate(addMonths(daysFromCivil(2025, 3, 15), -3))).toBe('2024-12-15')
  })

  it('knows the weekday (2026-11-27 is a Friday)', () => {
    expect(isoWeekday(daysFromCivil(2026, 11, 27))).toBe(5)
    expect(isoWeekday(0)).toBe(4)
  })
})

describe('calendarDate across the month table and outside it', () => {
  it('gives daysFromCivil for every real day of 1890–2210 and undefined for every other', () => {
    const wrong: string[] = []
    for (let y = 1890; y <= 2210; y++) {
      for (let m = -1; m <= 14; m++) {
        for (let d = -1; d <= 33; d++) {
          const real = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
          const expected = real ? daysFromCivil(y, m, d) : undefined
          if (calendarDate(y, m, d) !== expected) wrong.push(`${y}-${m}-${d}`)
        }
      }
    }
    expect(wrong).toEqual([])
    expect(calendarDate(2025.5, 1, 1)).toBeUndefined()
    expect(calendarDate(2025, 1, 1.5)).toBeUndefined()
  })
})
