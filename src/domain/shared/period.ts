/**
 * Reporting periods: ISO weeks, months, fiscal quarters and fiscal years as half-open ranges of
 * calendar dates [start, end). Pure arithmetic on day numbers, no time zones.
 *
 * Fiscal years are named by the calendar year in which they end (with a February start, FY2027 runs
 * from 2026-02-01 to 2027-01-31), the most common convention. With the default January start, labels
 * are plain calendar labels: `2026-Q3`, `2026`.
 */
import { addDays, addMonths, civilFromDays, daysFromCivil, isoWeekday } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'

export const grains = ['week', 'month', 'quarter', 'year', 'all'] as const
export type Grain = (typeof grains)[number]

export interface Period {
  readonly grain: Grain
  /** `2026-W48`, `2026-11`, `2026-Q4` / `FY2027-Q1`, `2026` / `FY2027`, `all` */
  readonly label: string
  readonly start: CalendarDate
  /** exclusive */
  readonly end: CalendarDate
}

export interface FiscalCalendar {
  /** month the fiscal year starts in, 1–12 (default 1) */
  readonly fiscalYearStart: number
}

export const calendarYear: FiscalCalendar = { fiscalYearStart: 1 }

/** The range of the `all` period: every date salesops can read. */
const ALL_START = daysFromCivil(1000, 1, 1)
const ALL_END = daysFromCivil(9999, 12, 31)

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** The fiscal year (by its ending calendar year) and 0-based month within it, of a calendar month. */
function fiscalPosition(
  year: number,
  month: number,
  cal: FiscalCalendar,
): { fiscalYear: number; index: number } {
  const offset = cal.fiscalYearStart - 1
  const index = (month - 1 - offset + 12) % 12
  const startYear = month - 1 >= offset ? year : year - 1
  return { fiscalYear: offset === 0 ? startYear : startYear + 1, index }
}

/** The period of the given grain that contains `date`. */
export function periodOf(date: CalendarDate, grain: Grain, cal: FiscalCalendar = calendarYear): Period {
  const { year, month } = civilFromDays(date)
  switch (grain) {
    case 'week': {
      const start = addDays(date, 1 - isoWeekday(date))
      // the ISO week-year is the year of the week's Thursday
      const thursday = addDays(start, 3)
      const weekYear = civilFromDays(thursday).year
      const firstThursday = daysFromCivil(weekYear, 1, 1)
      const jan1 = firstThursday
      const week1Start = addDays(jan1, ((11 - isoWeekday(jan1)) % 7) - 3)
      const week = Math.floor((start - week1Start) / 7) + 1
      return { grain, label: `${weekYear}-W${pad2(week)}`, start, end: addDays(start, 7) }
    }
    case 'month': {
      const start = daysFromCivil(year, month, 1)
      return { grain, label: `${year}-${pad2(month)}`, start, end: addMonths(start, 1) }
    }
    case 'quarter': {
      const { fiscalYear, index } = fiscalPosition(year, month, cal)
      const quarter = Math.floor(index / 3) + 1
      const start = addMonths(daysFromCivil(year, month, 1), -(index % 3))
      const label = cal.fiscalYearStart === 1 ? `${fiscalYear}-Q${quarter}` : `FY${fiscalYear}-Q${quarter}`
      return { grain, label, start, end: addMonths(start, 3) }
    }
    case 'year': {
      const { fiscalYear, index } = fiscalPosition(year, month, cal)
      const start = addMonths(daysFromCivil(year, month, 1), -index)
      const label = cal.fiscalYearStart === 1 ? String(fiscalYear) : `FY${fiscalYear}`
      return { grain, label, start, end: addMonths(start, 12) }
    }
    case 'all':
      return { grain, label: 'all', start: ALL_START, end: ALL_END }
  }
}

/** The period right after (n = 1) or before (n = −1) `period`, n steps away. */
export function shiftPeriod(period: Period, n: number, cal: FiscalCalendar = calendarYear): Period {
  if (period.grain === 'all' || n === 0) return period
  if (period.grain === 'week') return periodOf(addDays(period.start, 7 * n), 'week', cal)
  const months = period.grain === 'month' ? 1 : period.grain === 'quarter' ? 3 : 12
  return periodOf(addMonths(period.start, months * n), period.grain, cal)
}

/** The same period one year earlier (weeks: 52 weeks earlier). */
export function yearAgo(period: Period, cal: FiscalCalendar = calendarYear): Period {
  switch (period.grain) {
    case 'all':
      return period
    case 'week':
      return shiftPeriod(period, -52, cal)
    case 'month':
      return shiftPeriod(period, -12, cal)
    case 'quarter':
      return shiftPeriod(period, -4, cal)
    case 'year':
      return shiftPeriod(period, -1, cal)
  }
}

/** Every period of `grain` that overlaps [from, to] (both inclusive), in order. */
export function periodsBetween(
  from: CalendarDate,
  to: CalendarDate,
  grain: Grain,
  cal: FiscalCalendar = calendarYear,
): Period[] {
  if (grain === 'all') return [periodOf(from, 'all', cal)]
  const periods: Period[] = []
  for (let p = periodOf(from, grain, cal); p.start <= to; p = shiftPeriod(p, 1, cal)) periods.push(p)
  return periods
}

export function contains(period: Period, date: CalendarDate | undefined): boolean {
  return date !== undefined && date >= period.start && date < period.end
}

/** The label of a period's last day, for "as of" statements: end − 1. */
export function lastDay(period: Period): CalendarDate {
  return addDays(period.end, -1)
}
