/**
 * How much of a full quota a rep carries in each month of a plan period. PURE.
 *
 * A rep's tenure month n for a calendar month M is (M − hire month) in whole calendar months: the hire
 * month is tenure month 0, whatever the day of hire. With a ramp `[25, 50, 75]` (percent), tenure
 * months 0, 1, 2 carry 0.25, 0.50, 0.75 and every later month 1. Months before the hire month and
 * months starting after the rep's end date carry 0. Without a ramp every employed month carries 1.
 */
import { addMonths, civilFromDays } from '../../model/calendar-date.js'
import type { Rep } from '../../model/rep.js'
import type { Period } from '../shared/period.js'

function monthIndex(date: number): number {
  const { year, month } = civilFromDays(date)
  return year * 12 + month - 1
}

/** The first day of every month of `period`, in order. */
export function monthStarts(period: Period): number[] {
  const starts: number[] = []
  for (let m = period.start; m < period.end; m = addMonths(m, 1)) starts.push(m)
  return starts
}

/** The factor (0..1) of one month (given by its first day) for a rep, under `ramp` (fractions). */
export function monthFactor(
  rep: Pick<Rep, 'hire_date' | 'end_date'>,
  monthStart: number,
  ramp: readonly number[],
): number {
  if (rep.end_date !== undefined && monthStart > rep.end_date) return 0
  if (rep.hire_date === undefined) return 1
  const tenure = monthIndex(monthStart) - monthIndex(rep.hire_date)
  if (tenure < 0) return 0
  return tenure < ramp.length ? (ramp[tenure] ?? 1) : 1
}

/** The factors of every month of the period, in order. */
export function monthFactors(
  rep: Pick<Rep, 'hire_date' | 'end_date'>,
  period: Period,
  ramp: readonly number[],
): number[] {
  return monthStarts(period).map((m) => monthFactor(rep, m, ramp))
}
