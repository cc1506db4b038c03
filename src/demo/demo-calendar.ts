import { addMonths, civilFromDays, daysFromCivil, isoWeekday } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'

/** The demo company's "today": every generated fact happens on or before it. */
export const DEMO_SNAPSHOT: CalendarDate = daysFromCivil(2026, 11, 27)

/** Years of deal history before the snapshot. */
export const HISTORY_YEARS = 3

/** First day of the deal history (the snapshot minus three years). */
export function historyStart(snapshot: CalendarDate): CalendarDate {
  return addMonths(snapshot, -12 * HISTORY_YEARS)
}

/** A calendar quarter as one integer: year * 4 + (quarter - 1). */
export function quarterIndex(date: CalendarDate): number {
  const { year, month } = civilFromDays(date)
  return year * 4 + Math.floor((month - 1) / 3)
}

export function quarterStart(quarter: number): CalendarDate {
  const year = Math.floor(quarter / 4)
  return daysFromCivil(year, (quarter - year * 4) * 3 + 1, 1)
}

export function quarterEnd(quarter: number): CalendarDate {
  return (quarterStart(quarter + 1) - 1) as CalendarDate
}

/** `2026-Q1` */
export function quarterLabel(quarter: number): string {
  const year = Math.floor(quarter / 4)
  return `${year}-Q${quarter - year * 4 + 1}`
}

/** `2026-03` */
export function monthLabel(date: CalendarDate): string {
  const { year, month } = civilFromDays(date)
  return `${year}-${String(month).padStart(2, '0')}`
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  return (addMonths(startOfMonth(date), 1) - 1) as CalendarDate
}

export function startOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = civilFromDays(date)
  return daysFromCivil(year, month, 1)
}

/** Saturday and Sunday move to the following Monday. */
export function nextWorkday(date: number): CalendarDate {
  const weekday = isoWeekday(date)
  return (weekday === 6 ? date + 2 : weekday === 7 ? date + 1 : date) as CalendarDate
}

/** Saturday and Sunday move back to the Friday before. */
export function previousWorkday(date: number): CalendarDate {
  const weekday = isoWeekday(date)
  return (weekday === 6 ? date - 1 : weekday === 7 ? date - 2 : date) as CalendarDate
}
