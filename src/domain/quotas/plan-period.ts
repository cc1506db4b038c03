/** The fiscal year a plan is for. PURE. */
import { daysFromCivil } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { periodOf, shiftPeriod } from '../shared/period.js'

/**
 * Fiscal year `year` (named by the calendar year it ends in, like every salesops period), or, without
 * a year, the fiscal year after the one that contains `asOf`: a plan is made for next year.
 */
export function planYear(year: number | undefined, asOf: CalendarDate, cal: FiscalCalendar): Period {
  if (year === undefined) return shiftPeriod(periodOf(asOf, 'year', cal), 1, cal)
  const fs = cal.fiscalYearStart
  return periodOf(daysFromCivil(fs === 1 ? year : year - 1, fs, 1), 'year', cal)
}
