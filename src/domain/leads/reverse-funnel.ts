/**
 * `leads --target`: the reverse funnel. How many won deals, closed deals and leads a revenue target
 * needs at the current deal size, win rate and conversion rate, per group and overall.
 */
import { addDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Lead } from '../../model/lead.js'
import type { Cents } from '../../model/money.js'
import { compareKeys } from '../shared/group-by.js'
import { calendarYear, contains, periodOf, shiftPeriod } from '../shared/period.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'
import { ratio } from '../shared/stats.js'
import { ceilDiv, divideHalfAway } from './exact-division.js'
import { addLead, createTally, indexDeals, wonAmount } from './lead-tally.js'
import type { LeadTally } from './lead-tally.js'
import { diagnosticsOf, groupKey } from './lead-rows.js'
import type { LeadDiagnostics, LeadGroupField } from './lead-rows.js'

/** The counts a reverse funnel is computed from (exact, so the result needs no rounded rate). */
export interface FunnelCounts {
  readonly leads: number
  readonly converted: number
  /** distinct won deals named by the leads' deal_id */
  readonly wonDeals: number
  /** distinct lost deals named by the leads' deal_id */
  readonly lostDeals: number
  /** Σ amount of the won deals, cents */
  readonly wonAmount: number
}

export interface ReverseFunnel {
  readonly target: Cents
  /** won_amount ÷ won_deals, rounded half away from zero to the cent (for display) */
  readonly avg_won_deal: Cents | null
  /** won ÷ (won + lost) over the deals the leads converted into; open deals left out */
  readonly win_rate: number | null
  /** converted ÷ leads */
  readonly conversion_rate: number | null
  readonly required_won_deals: number | null
  readonly required_deals: number | null
  readonly required_leads: number | null
}

export function funnelCounts(tally: LeadTally): FunnelCounts {
  return {
    leads: tally.leads,
    converted: tally.converted,
    wonDeals: tally.wonDeals.size,
    lostDeals: tally.lostDealIds.size,
    wonAmount: wonAmount(tally),
  }
}

/**
 * The reverse funnel of one set of counts, with exact integer arithmetic (the rates are used as
 * fractions, never rounded):
 * - required_won_deals = ⌈target ÷ avg won deal⌉ = ⌈target × won_deals ÷ won_amount⌉;
 * - required_deals     = ⌈required_won_deals ÷ win_rate⌉ = ⌈required_won_deals × (won + lost) ÷ won⌉:
 *   closed deals (won or lost) the leads must turn into;
 * - required_leads     = ⌈required_deals ÷ conversion_rate⌉ = ⌈required_deals × leads ÷ converted⌉,
 *   assuming one deal per converted lead.
 * A step is null when its rate is missing or zero: no won deal (or a won amount ≤ 0) leaves all
 * three null; no converted lead leaves required_leads null.
 *
 * @example target 10,000,000¢, 18 leads, 10 converted, 5 won worth 4,350,004¢, 2 lost →
 *   required_won_deals ⌈50,000,000 ÷ 4,350,004⌉ = ⌈11.49⌉ = 12, required_deals ⌈12 × 7 ÷ 5⌉ = ⌈16.8⌉ = 17,
 *   required_leads ⌈17 × 18 ÷ 10⌉ = ⌈30.6⌉ = 31
 */
export function reverseFunnel(counts: FunnelCounts, target: Cents): ReverseFunnel {
  const closed = counts.wonDeals + counts.lostDeals
  const requiredWon =
    counts.wonDeals > 0 && counts.wonAmount > 0
      ? ceilDiv(BigInt(target) * BigInt(counts.wonDeals), BigInt(counts.wonAmount))
      : null
  const requiredDeals =
    requiredWon === null ? null : ceilDiv(BigInt(requiredWon) * BigInt(closed), BigInt(counts.wonDeals))
  const requiredLeads =
    requiredDeals === null || counts.converted === 0
      ? null
      : ceilDiv(BigInt(requiredDeals) * BigInt(counts.leads), BigInt(counts.converted))
  return {
    target,
    avg_won_deal: counts.wonDeals > 0 ? (divideHalfAway(counts.wonAmount, counts.wonDeals) as Cents) : null,
    win_rate: ratio(counts.wonDeals, closed),
    conversion_rate: ratio(counts.converted, counts.leads),
    required_won_deals: requiredWon,
    required_deals: requiredDeals,
    required_leads: requiredLeads,
  }
}

/**
 * The last complete period on the as-of date: the latest period of the grain that ends on or
 * before the as-of day (the as-of day itself counts as done). None for grain `all`.
 *
 * @example lastCompletePeriod(2026-07-15, 'quarter') //=> 2026-Q2; lastCompletePeriod(2026-06-30, 'quarter') //=> 2026-Q2
 */
export function lastCompletePeriod(
  asOf: CalendarDate,
  grain: Grain,
  calendar: FiscalCalendar = calendarYear,
): Period | undefined {
  if (grain === 'all') return undefined
  return shiftPeriod(periodOf(addDays(asOf, 1), grain, calendar), -1, calendar)
}

export interface ReverseFunnelRow extends ReverseFunnel {
  readonly group: string
  /** leads of the group created in the last complete period; null for grain `all` */
  readonly leads_last_period: number | null
}

export interface ReverseFunnelOptions {
  readonly by: LeadGroupField
  /** the target is per period of this grain (`all`: one target for the whole horizon) */
  readonly grain: Grain
  readonly calendar?: FiscalCalendar
  readonly deals: readonly Deal[]
  readonly target: Cents
  readonly asOf: CalendarDate
}

export interface ReverseFunnelReport {
  readonly rows: readonly ReverseFunnelRow[]
  /** the reverse funnel at the rates of all leads together (counted from the records) */
  readonly totals: Omit<ReverseFunnelRow, 'group'>
  /** the counts behind the totals, for --explain */
  readonly counts: FunnelCounts
  readonly lastPeriod: Period | undefined
  readonly diagnostics: LeadDiagnostics
}

/**
 * The reverse funnel per group and overall. The rates come from **every** lead given (the same
 * numbers as `leads --period all`); each group row answers "how much would this group need to bring
 * the whole target alone, at its own rates", the totals row the same at the blended rates of all
 * leads. With a grain the target is per period, and `leads_last_period` shows the leads created in
 * the last complete period for comparison. Rows are sorted by group, `(none)` last.
 */
export function reverseFunnelRows(leads: Iterable<Lead>, options: ReverseFunnelOptions): ReverseFunnelReport {
  const calendar = options.calendar ?? calendarYear
  const deals = indexDeals(options.deals)
  const lastPeriod = lastCompletePeriod(options.asOf, options.grain, calendar)
  const groups = new Map<string, { tally: LeadTally; recent: number }>()
  const total = createTally()
  let recentTotal = 0
  for (const lead of leads) {
    const group = groupKey(lead, options.by)
    let entry = groups.get(group)
    if (entry === undefined) {
      entry = { tally: createTally(), recent: 0 }
      groups.set(group, entry)
    }
    addLead(entry.tally, lead, deals)
    addLead(total, lead, deals)
    if (lastPeriod !== undefined && contains(lastPeriod, lead.created)) {
      entry.recent++
      recentTotal++
    }
  }
  const rows = [...groups]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([group, entry]): ReverseFunnelRow => ({
      group,
      ...reverseFunnel(funnelCounts(entry.tally), options.target),
      leads_last_period: lastPeriod === undefined ? null : entry.recent,
    }))
  const counts = funnelCounts(total)
  return {
    rows,
    totals: {
      ...reverseFunnel(counts, options.target),
      leads_last_period: lastPeriod === undefined ? null : recentTotal,
    },
    counts,
    lastPeriod,
    diagnostics: diagnosticsOf(total, []),
  }
}
