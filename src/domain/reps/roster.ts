/**
 * Who gets a row: reps employed at some time in the period (up to the as-of date), managers only on
 * request. PURE.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Rep } from '../../model/rep.js'
import type { Period } from '../shared/period.js'
import { lastDay } from '../shared/period.js'
import { normalizeName } from '../check/rule-helpers.js'
import type { OwnerMatcher } from './rep-matching.js'

/**
 * The indices of the reps who are managers: role "Manager" (any case), or named (by name or id) in
 * another rep's `manager` column.
 */
export function managerIndices(reps: readonly Rep[], match: OwnerMatcher): Set<number> {
  const managers = new Set<number>()
  reps.forEach((rep, i) => {
    if (rep.role !== undefined && normalizeName(rep.role) === 'manager') managers.add(i)
    const boss = match(rep.manager)
    if (boss !== undefined && boss !== i) managers.add(boss)
  })
  return managers
}

/**
 * Employed at some time in the period up to the as-of date: hired on or before
 * min(last day of the period, as-of) and not ended before the period starts. Unknown dates do not
 * exclude.
 */
export function employedIn(rep: Rep, period: Period, asOf: CalendarDate): boolean {
  const cutoff = Math.min(lastDay(period), asOf)
  if (rep.hire_date !== undefined && rep.hire_date > cutoff) return false
  if (rep.end_date !== undefined && rep.end_date < period.start) return false
  return true
}

/** A leaver: the rep's end date is on or before the as-of date. */
export function isLeaver(rep: Rep, asOf: CalendarDate): boolean {
  return rep.end_date !== undefined && rep.end_date <= asOf
}
