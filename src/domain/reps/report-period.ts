/** The one period a `reps` report covers: the current one of a grain, or an explicit range. PURE. */
import type { CalendarDate } from '../../model/calendar-date.js'
import { addDays, formatIsoDate } from '../../model/calendar-date.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'
import { periodOf } from '../shared/period.js'

export interface PeriodSpec {
  readonly grain: Exclude<Grain, 'all'>
  /** first day of an explicit range (then `grain` only names its kind) */
  readonly from: CalendarDate | undefined
  /** last day of an explicit range, inclusive (default: as-of) */
  readonly to: CalendarDate | undefined
  readonly asOf: CalendarDate
  readonly calendar: FiscalCalendar
}

/**
 * Without `from`: the period of `grain` that contains the as-of date (period to date: deals with
 * later close dates in it still count as open pipeline). With `from`: [from, to] (to defaults to the
 * as-of date), labelled `from..to`.
 */
export function reportPeriod(spec: PeriodSpec): Period {
  if (spec.from === undefined) return periodOf(spec.asOf, spec.grain, spec.calendar)
  const to = spec.to ?? spec.asOf
  return {
    grain: spec.grain,
    label: `${formatIsoDate(spec.from)}..${formatIsoDate(to)}`,
    start: spec.from,
    end: addDays(to, 1),
  }
}
