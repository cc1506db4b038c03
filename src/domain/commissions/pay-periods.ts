/**
 * The pay periods of a commission run: one period named by its label (`--period 2026-Q3`), or every
 * period of the plan file's grain that overlaps [from, to] (`--from/--to`), or the period that
 * contains "today".
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { periodFromLabel } from '../pipeline-diff/period-from-label.js'
import { periodOf, periodsBetween } from '../shared/period.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import type { PayGrain } from './plan.js'

export interface PayPeriodRequest {
  readonly grain: PayGrain
  readonly label?: string
  readonly from?: CalendarDate
  readonly to?: CalendarDate
  readonly asOf: CalendarDate
  readonly calendar: FiscalCalendar
}

/**
 * The periods, or a message saying why there are none.
 *
 * @example
 *   payPeriods({ grain: 'quarter', label: '2026-Q3', … }) //=> [2026-Q3]
 *   payPeriods({ grain: 'quarter', from: day('2026-02-15'), to: day('2026-07-01'), … }) //=> [2026-Q1, 2026-Q2, 2026-Q3]
 *   payPeriods({ grain: 'quarter', label: '2026-07', … }) //=> 'the plan file pays by quarter; 2026-07 is a month'
 */
export function payPeriods(request: PayPeriodRequest): Period[] | string {
  const { grain, label, from, to, asOf, calendar } = request
  if (label !== undefined) {
    if (from !== undefined || to !== undefined) return 'give either --period or --from/--to, not both'
    const period = periodFromLabel(label, calendar)
    if (period === undefined) return `--period ${label}: not a period label such as 2026-Q3, 2026-07 or 2026`
    if (period.grain !== grain) return `the plan file pays by ${grain}; ${label} is a ${period.grain}`
    return [period]
  }
  if (from === undefined && to === undefined) return [periodOf(asOf, grain, calendar)]
  const last = to ?? asOf
  const first = from ?? periodOf(last, grain, calendar).start
  if (last < first) return '--to is before --from'
  return periodsBetween(first, last, grain, calendar)
}
