/**
 * `capacity`: how many reps a target needs per quarter, how many to hire and by when. PURE.
 *
 * - History window: the 12 whole calendar months before the month of min(plan start, as-of + 1).
 * - Ramped rep-month: a quota carrier (not a manager) in tenure month n ≥ R (n = month − hire month,
 *   R = --ramp-months) who did not leave before the month's last day.
 * - productivity (cents a year per ramped rep) = Σ won amount of the ramped rep-months ÷ ramped
 *   rep-months × 12, rounded half away from zero; a quarter is a quarter of it.
 * - Ramp curve: linear, tenure month n < R produces (n + ½) ÷ R of a ramped rep (a rep in ramp
 *   produces half on average); months before hire or after end_date produce 0.
 * - quarter target: --target split evenly over the four quarters (largest remainder, the extra cents
 *   to the earlier quarters).
 * - needed_reps = ⌈quarter target ÷ quarterly productivity⌉ (ramped-rep equivalents).
 * - ramped_reps / ramping_reps: reps from --reps on board at the quarter's first day (hired on or
 *   before it, end_date not before it) with n ≥ R / n < R at that day's month.
 * - expected_attrition = headcount at the quarter start (those reps + hires of earlier quarters) ×
 *   attrition ÷ 4; each expected leaver removes one ramped rep from then on (conservative).
 * - capacity = Σ over the reps on file of their mean month factor in the quarter
 *   + hires of earlier quarters − cumulative expected attrition (including this quarter's).
 * - hires_needed = max(0, ⌈needed_reps − capacity⌉) (a hire counts fully from the quarter it is
 *   hired for on); start_by = quarter start − R months (the hire's first day, so they are ramped at
 *   the quarter start); hire_by = start_by − time to hire (when recruiting must start).
 * - headcount (cost): reps on board at the quarter start + every planned hire whose start_by falls
 *   before the quarter ends − cumulative expected attrition; headcount_cost = cost per rep × headcount
 *   ÷ 4 (cents, half away from zero); cost_of_sales = Σ headcount_cost ÷ target.
 */
import { addDays, addMonths, civilFromDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Rep } from '../../model/rep.js'
import { ownerMatcher } from '../reps/rep-matching.js'
import { managerIndices } from '../reps/roster.js'
import type { FiscalCalendar, Period } from '../shared/period.js'
import { periodOf } from '../shared/period.js'
import { ratio, roundHalfAway } from '../shared/stats.js'
import { largestRemainder } from '../quotas/largest-remainder.js'

export interface CapacityOptions {
  /** cents, > 0: the plan year's target */
  readonly target: number
  readonly period: Period
  readonly rampMonths: number
  /** annual attrition rate, 0..1 */
  readonly attrition: number
  readonly timeToHireDays: number
  /** cents a year, fully loaded (or OTE) */
  readonly costPerRep?: number
  readonly calendar: FiscalCalendar
  readonly asOf: CalendarDate
}

export interface CapacityRow {
  period: string
  period_start: CalendarDate
  period_end: CalendarDate
  target: number
  needed_reps: number
  ramped_reps: number
  ramping_reps: number
  expected_attrition: number
  capacity: number
  hires_needed: number
  start_by: CalendarDate | null
  hire_by: CalendarDate | null
  headcount?: number
  headcount_cost?: number
}

export interface CapacityPlan {
  readonly rows: CapacityRow[]
  /** cents a year per ramped rep; null without ramped rep-months in the window */
  readonly productivity: number | null
  readonly rampedRepMonths: number
  readonly window: Period
  readonly totalCost: number | null
  readonly costOfSales: number | null
  readonly notes: string[]
  readonly failure?: string
}

function monthIndex(date: number): number {
  const { year, month } = civilFromDays(date)
  return year * 12 + month - 1
}

/** The 12 whole months before the month of min(plan start, as-of + 1). */
export function capacityWindow(plan: Period, asOf: CalendarDate): Period {
  const cutoff = Math.min(plan.start, addDays(asOf, 1)) as CalendarDate
  const end = periodOf(cutoff, 'month').start
  return { grain: 'all', label: 'history', start: addMonths(end, -12), end }
}

/** A rep's production factor in the month starting `monthStart`: linear ramp over R months. */
export function rampFactor(
  rep: Pick<Rep, 'hire_date' | 'end_date'>,
  monthStart: CalendarDate,
  rampMonths: number,
): number {
  if (rep.end_date !== undefined && monthStart > rep.end_date) return 0
  if (rep.hire_date === undefined) return 1
  const n = monthIndex(monthStart) - monthIndex(rep.hire_date)
  if (n < 0) return 0
  return n < rampMonths ? (n + 0.5) / rampMonths : 1
}

/** Annual bookings per ramped rep over the window, and the ramped rep-months it rests on. */
export function productivity(
  carriers: readonly Rep[],
  deals: readonly Deal[],
  window: Period,
  rampMonths: number,
): { perYear: number | null; repMonths: number } {
  const match = ownerMatcher(carriers)
  // won amount per (rep, month index)
  const won = new Map<string, number>()
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.close_date === undefined) continue
    if (deal.close_date < window.start || deal.close_date >= window.end) continue
    const i = match(deal.owner)
    if (i === undefined) continue
    const key = `${i}:${monthIndex(deal.close_date)}`
    won.set(key, (won.get(key) ?? 0) + (deal.amount ?? 0))
  }
  let total = 0
  let repMonths = 0
  carriers.forEach((rep, i) => {
    for (let m = window.start; m < window.end; m = addMonths(m, 1)) {
      const lastDay = addDays(addMonths(m, 1), -1)
      if (rep.end_date !== undefined && rep.end_date < lastDay) continue
      if (rep.hire_date !== undefined && monthIndex(m) - monthIndex(rep.hire_date) < rampMonths) continue
      repMonths++
      total += won.get(`${i}:${monthIndex(m)}`) ?? 0
    }
  })
  return { perYear: repMonths === 0 ? null : roundHalfAway((total / repMonths) * 12), repMonths }
}

function quartersOf(period: Period, cal: FiscalCalendar): Period[] {
  const out: Period[] = []
  for (
    let q = periodOf(period.start, 'quarter', cal);
    q.start < period.end;
    q = periodOf(q.end, 'quarter', cal)
  )
    out.push(q)
  return out
}

const onBoard = (rep: Rep, day: CalendarDate): boolean =>
  (rep.hire_date === undefined || rep.hire_date <= day) && (rep.end_date === undefined || rep.end_date >= day)

export function capacityPlan(
  reps: readonly Rep[],
  deals: readonly Deal[],
  options: CapacityOptions,
): CapacityPlan {
  const notes: string[] = []
  const managers = managerIndices(reps, ownerMatcher(reps))
  const carriers = reps.filter((_, i) => !managers.has(i))
  const window = capacityWindow(options.period, options.asOf)
  const R = options.rampMonths
  const prod = productivity(carriers, deals, window, R)
  const base = { window, rampedRepMonths: prod.repMonths, notes }
  if (prod.perYear === null || prod.perYear === 0)
    return {
      ...base,
      rows: [],
      productivity: prod.perYear,
      totalCost: null,
      costOfSales: null,
      failure: 'no bookings by ramped reps in the history window: productivity per rep is unknown',
    }
  const perQuarter = prod.perYear / 4
  const quarters = quartersOf(options.period, options.calendar)
  const targets =
    largestRemainder(
      options.target,
      quarters.map(() => 1),
    ) ?? quarters.map(() => 0)
  const quarterlyAttrition = options.attrition / 4
  const rows: CapacityRow[] = []
  const hires: number[] = []
  let cumulativeAttrition = 0
  quarters.forEach((q, k) => {
    const present = carriers.filter((rep) => onBoard(rep, q.start))
    const ramped = present.filter(
      (rep) => rep.hire_date === undefined || monthIndex(q.start) - monthIndex(rep.hire_date) >= R,
    ).length
    const ramping = present.length - ramped
    const earlierHires = hires.reduce((a, b) => a + b, 0)
    const attrition = (present.length + earlierHires) * quarterlyAttrition
    cumulativeAttrition += attrition
    let onFile = 0
    for (const rep of carriers) {
      for (let m = q.start; m < q.end; m = addMonths(m, 1)) onFile += rampFactor(rep, m, R) / 3
    }
    const capacity = onFile + earlierHires - cumulativeAttrition
    const needed = Math.ceil((targets[k] ?? 0) / perQuarter - 1e-9)
    const hiresNeeded = Math.max(0, Math.ceil(needed - capacity - 1e-9))
    hires.push(hiresNeeded)
    const startBy = addMonths(q.start, -R)
    rows.push({
      period: q.label,
      period_start: q.start,
      period_end: q.end,
      target: targets[k] ?? 0,
      needed_reps: needed,
      ramped_reps: ramped,
      ramping_reps: ramping,
      expected_attrition: attrition,
      capacity,
      hires_needed: hiresNeeded,
      start_by: hiresNeeded === 0 ? null : startBy,
      hire_by: hiresNeeded === 0 ? null : addDays(startBy, -options.timeToHireDays),
    })
  })
  const late = rows.filter((r) => r.hire_by !== null && r.hire_by < options.asOf)
  if (late.length > 0)
    notes.push(
      `${late.map((r) => r.period).join(', ')}: hire_by is before the as-of date: those hires cannot be ramped in time`,
    )
  let totalCost: number | null = null
  if (options.costPerRep !== undefined) {
    const cost = options.costPerRep
    totalCost = 0
    let cumulative = 0
    for (const row of rows) {
      cumulative += row.expected_attrition
      const hired = rows.reduce(
        (a, r, j) => a + (addMonths(r.period_start, -R) < row.period_end ? (hires[j] ?? 0) : 0),
        0,
      )
      row.headcount = row.ramped_reps + row.ramping_reps + hired - cumulative
      row.headcount_cost = roundHalfAway((cost * row.headcount) / 4)
      totalCost += row.headcount_cost
    }
    if (R > 0 && hires.some((h) => h > 0))
      notes.push(
        'headcount cost counts the plan year only: hires that start before it cost more in the year before',
      )
  }
  return {
    ...base,
    rows,
    productivity: prod.perYear,
    totalCost,
    costOfSales: totalCost === null ? null : ratio(totalCost, options.target),
  }
}
