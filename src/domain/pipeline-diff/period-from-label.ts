/**
 * A period named by its label (`--in`): `2026-W48`, `2026-11`, `2026-Q4`, `2026`, with fiscal
 * quarters and years as `FY2027-Q1` / `FY2027` (the `FY` is optional; the number is the fiscal year,
 * named by the calendar year it ends in, as in `periodOf`).
 */
import { addDays, addMonths, calendarDate, isoWeekday } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import { calendarYear, periodOf } from '../shared/period.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'

/** The first day of fiscal year `fy` (named by the calendar year it ends in). */
function fiscalYearStart(fy: number, cal: FiscalCalendar): CalendarDate | undefined {
  return calendarDate(cal.fiscalYearStart === 1 ? fy : fy - 1, cal.fiscalYearStart, 1)
}

function confirm(
  start: CalendarDate | undefined,
  grain: Grain,
  cal: FiscalCalendar,
  label: string,
): Period | undefined {
  if (start === undefined) return undefined
  const period = periodOf(start, grain, cal)
  // rejects labels that do not exist, such as 2025-W53 (2025 has 52 ISO weeks)
  return period.label.replace(/^FY/, '') === label.replace(/^FY/, '') ? period : undefined
}

/**
 * The period a label names, or undefined when the text is no label or names no period.
 *
 * @example
 *   periodFromLabel('2026-Q4') //=> { grain: 'quarter', label: '2026-Q4', start: 2026-10-01, end: 2027-01-01 }
 *   periodFromLabel('FY2027-Q1', { fiscalYearStart: 2 }) //=> start 2026-02-01, end 2026-05-01
 */
export function periodFromLabel(text: string, cal: FiscalCalendar = calendarYear): Period | undefined {
  const label = text.trim().toUpperCase()
  let m = /^(\d{4})-W(\d{2})$/.exec(label)
  if (m !== null) {
    const jan4 = calendarDate(Number(m[1]), 1, 4)
    if (jan4 === undefined) return undefined
    const week1 = addDays(jan4, 1 - isoWeekday(jan4))
    return confirm(addDays(week1, 7 * (Number(m[2]) - 1)), 'week', cal, label)
  }
  m = /^(\d{4})-(\d{2})$/.exec(label)
  if (m !== null) return confirm(calendarDate(Number(m[1]), Number(m[2]), 1), 'month', cal, label)
  m = /^(?:FY)?(\d{4})-Q([1-4])$/.exec(label)
  if (m !== null) {
    const start = fiscalYearStart(Number(m[1]), cal)
    if (start === undefined) return undefined
    return confirm(addMonths(start, 3 * (Number(m[2]) - 1)), 'quarter', cal, label)
  }
  m = /^(?:FY)?(\d{4})$/.exec(label)
  if (m !== null) return confirm(fiscalYearStart(Number(m[1]), cal), 'year', cal, label)
  return undefined
}
