/**
 * The history a plan reads: the trailing window of bookings and the seasonal profile. PURE.
 */
import { addDays, addMonths, civilFromDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import { dealMetrics } from '../kpi/deal-metrics.js'
import type { DealMetricOptions } from '../kpi/deal-metrics.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { calendarYear } from '../shared/period.js'

/**
 * The 12 months of bookings history before a plan: [end − 12 months, end) with
 * end = min(start of the plan period, as-of + 1 day), so a plan made in November for next year reads
 * the last twelve months up to and including today.
 */
export function trailingWindow(plan: Period, asOf: CalendarDate, months = 12): Period {
  const end = Math.min(plan.start, addDays(asOf, 1)) as CalendarDate
  const start = addMonths(end, -months)
  return { grain: 'all', label: 'trailing', start, end }
}

const METRIC_OPTIONS = (asOf: CalendarDate): DealMetricOptions => ({
  winRateBasis: 'closed',
  cycleBasis: 'won',
  weight: () => undefined,
  asOf,
})

/** Won amount (cents) of the deals closed won in `window` (kpi's `won_amount`). */
export function bookings(deals: readonly Deal[], window: Period, asOf: CalendarDate): number {
  return dealMetrics(deals, window, METRIC_OPTIONS(asOf)).won_amount
}

/** The 0-based position of a date's month in its fiscal year (0 = first fiscal month). */
export function fiscalMonth(date: CalendarDate, cal: FiscalCalendar = calendarYear): number {
  const { month } = civilFromDays(date)
  return (month - cal.fiscalYearStart + 12) % 12
}

/**
 * Seasonal profile: the won amount per fiscal month position (12 numbers) over the 24 months that
 * end where the trailing window ends. 24 whole months cover every day of the year exactly twice, so
 * a window that starts or ends mid-year favours no month.
 */
export function seasonalProfile(
  deals: readonly Deal[],
  window: Period,
  asOf: CalendarDate,
  cal: FiscalCalendar = calendarYear,
): number[] {
  const start = addMonths(window.end, -24)
  const profile = new Array<number>(12).fill(0)
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.close_date === undefined) continue
    if (deal.close_date < start || deal.close_date >= window.end || deal.close_date > asOf) continue
    const m = fiscalMonth(deal.close_date, cal)
    profile[m] = (profile[m] ?? 0) + (deal.amount ?? 0)
  }
  return profile
}
