/**
 * Ramp: how long a rep has been here, how long the first win took, and whether their recent
 * bookings have reached the team's. PURE; dates are day numbers.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { addDays, addMonths, civilFromDays } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Period } from '../shared/period.js'

export const rampStatuses = ['ramping', 'ramped', 'leaver'] as const
export type RampStatus = (typeof rampStatuses)[number]

/**
 * Whole months from the hire date to the as-of date: the largest n with hire + n months ≤ as-of
 * (month ends clamp: Jan 31 + 1 month = Feb 28/29). Null without a hire date or when the hire date is
 * after the as-of date.
 */
export function monthsSinceHire(hire: CalendarDate | undefined, asOf: CalendarDate): number | null {
  if (hire === undefined || hire > asOf) return null
  const h = civilFromDays(hire)
  const a = civilFromDays(asOf)
  let n = (a.year - h.year) * 12 + (a.month - h.month)
  if (addMonths(hire, n) > asOf) n--
  return n
}

/**
 * Days from the hire date to the first won deal that closed on or after the hire date and on or
 * before the as-of date; null without a hire date or without such a deal.
 */
export function daysToFirstWin(
  deals: readonly Deal[],
  hire: CalendarDate | undefined,
  asOf: CalendarDate,
): number | null {
  if (hire === undefined) return null
  let first: number | undefined
  for (const d of deals) {
    if (d.status !== 'won' || d.close_date === undefined) continue
    if (d.close_date < hire || d.close_date > asOf) continue
    if (first === undefined || d.close_date < first) first = d.close_date
  }
  return first === undefined ? null : first - hire
}

/**
 * The trailing quarter: the three months that end on the as-of date, both included:
 * [as-of + 1 day − 3 months, as-of + 1 day). As of 2026-11-27: 2026-08-28 … 2026-11-27.
 */
export function trailingQuarter(asOf: CalendarDate): Period {
  const end = addDays(asOf, 1)
  return { grain: 'quarter', label: 'trailing 3 months', start: addMonths(end, -3), end }
}

export interface RampInput {
  readonly leaver: boolean
  readonly monthsSinceHire: number | null
  /** won amount in the trailing quarter, cents */
  readonly trailingBookings: number
  /** the team median of the same measure, cents */
  readonly teamMedian: number | null
  /** reps hired this many whole months ago or more count as ramped */
  readonly maxRampMonths: number
}

/**
 * leaver when the rep has left (end date ≤ as-of); unknown (null) without a hire date; ramped
 * after `maxRampMonths` whole months, or as soon as the trailing-quarter bookings are above zero
 * and reach (≥) the team median; ramping otherwise. (Above zero: in a team that booked nothing, or
 * a team of one, nobody is ramped by bookings of 0.)
 */
export function rampStatus(input: RampInput): RampStatus | null {
  if (input.leaver) return 'leaver'
  if (input.monthsSinceHire === null) return null
  if (input.monthsSinceHire >= input.maxRampMonths) return 'ramped'
  const booked = input.trailingBookings
  if (booked > 0 && (input.teamMedian === null || booked >= input.teamMedian)) return 'ramped'
  return 'ramping'
}
