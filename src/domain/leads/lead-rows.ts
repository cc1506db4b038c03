/**
 * `leads`: lead-generation metrics per group (source, segment, owner or region), optionally per
 * period of the leads' created date. Pure: leads and deals in, rows out.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Lead } from '../../model/lead.js'
import type { Cents } from '../../model/money.js'
import { NO_VALUE, compareKeys } from '../shared/group-by.js'
import { calendarYear, periodOf } from '../shared/period.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'
import { mean, median, ratio } from '../shared/stats.js'
import { divideHalfAway } from './exact-division.js'
import { addLead, createTally, indexDeals, wonAmount } from './lead-tally.js'
import type { DealIndex, LeadTally } from './lead-tally.js'

export const leadGroupFields = ['source', 'segment', 'owner', 'region'] as const
export type LeadGroupField = (typeof leadGroupFields)[number]

/** The metrics of one row; the deal columns are null when no deals were given. */
export interface LeadMetrics {
  readonly leads: number
  readonly converted: number
  readonly conversion_rate: number | null
  readonly days_to_convert: number | null
  readonly median_days_to_convert: number | null
  readonly won_deals: number | null
  readonly won_amount: Cents | null
  readonly lead_to_won_rate: number | null
  readonly revenue_per_lead: Cents | null
}

export interface LeadRow extends LeadMetrics {
  /** the period label (`2026-Q1`, `FY2027-Q1`, …), `all` without a grain */
  readonly period: string
  /** the value of the grouping field, `(none)` when blank */
  readonly group: string
}

/** What the notes on stderr report: records the metrics leave out or cannot resolve. */
export interface LeadDiagnostics {
  /** converted leads whose converted_date is before created (left out of days_to_convert) */
  readonly negative: readonly Lead[]
  /** converted leads without a created or converted_date (left out of days_to_convert) */
  readonly undated: readonly Lead[]
  /** leads whose deal_id is not among the deals (outcome unknown, not won) */
  readonly unknownDeal: readonly Lead[]
  /** deals named by the deal_id of more than one lead (counted once per row and once in the total) */
  readonly sharedDeals: number
  /** leads without a created date, outside every period (only with a grain) */
  readonly withoutCreated: readonly Lead[]
}

export interface LeadRowsOptions {
  readonly by: LeadGroupField
  readonly grain: Grain
  readonly calendar?: FiscalCalendar
  /** the deals the leads converted into; undefined = not given (deal columns null) */
  readonly deals: readonly Deal[] | undefined
}

export interface LeadReport {
  readonly rows: readonly LeadRow[]
  /** the same metrics over every lead in the table (a tally of its own, not a sum of rows) */
  readonly totals: LeadMetrics
  readonly diagnostics: LeadDiagnostics
}

export function groupKey(lead: Lead, by: LeadGroupField): string {
  return lead[by] ?? NO_VALUE
}

/**
 * The metrics of one tally.
 * - conversion_rate = converted ÷ leads;
 * - days_to_convert / median_days_to_convert = mean / median of converted_date − created over the
 *   converted leads with both dates and a non-negative difference (null when there are none);
 * - won_deals = distinct won deals named by the leads' deal_id; won_amount = Σ their amounts;
 * - lead_to_won_rate = won_deals ÷ leads;
 * - revenue_per_lead = won_amount ÷ leads in cents, rounded half away from zero.
 *
 * @example 8 leads, 4 converted, won 2 deals worth 1,250,004¢ → conversion_rate 0.5,
 *   lead_to_won_rate 0.25, revenue_per_lead 156,251¢ (156,250.5 rounded away from zero)
 */
export function leadMetrics(tally: LeadTally, withDeals: boolean): LeadMetrics {
  const amount = wonAmount(tally)
  return {
    leads: tally.leads,
    converted: tally.converted,
    conversion_rate: ratio(tally.converted, tally.leads),
    days_to_convert: mean(tally.conversionDays),
    median_days_to_convert: median(tally.conversionDays),
    won_deals: withDeals ? tally.wonDeals.size : null,
    won_amount: withDeals ? (amount as Cents) : null,
    lead_to_won_rate: withDeals ? ratio(tally.wonDeals.size, tally.leads) : null,
    revenue_per_lead: withDeals && tally.leads > 0 ? (divideHalfAway(amount, tally.leads) as Cents) : null,
  }
}

function sharedDealCount(tally: LeadTally): number {
  let shared = 0
  for (const count of tally.leadsPerDeal.values()) if (count > 1) shared++
  return shared
}

export function diagnosticsOf(total: LeadTally, withoutCreated: readonly Lead[]): LeadDiagnostics {
  return {
    negative: total.negative,
    undated: total.undated,
    unknownDeal: total.unknownDeal,
    sharedDeals: sharedDealCount(total),
    withoutCreated,
  }
}

/**
 * Lead-generation rows. The cohort of a period is the leads **created** in it ([start, end), fiscal
 * quarters and years per `calendar`); conversions and deal outcomes are credited to the lead's
 * cohort whenever they happened. With grain `all` every lead counts, also one without a created
 * date; with a grain such leads fall outside every period (reported in the diagnostics).
 *
 * Rows exist only for a group and period with at least one lead, sorted by period, then group as
 * text with `(none)` (blank field) last.
 *
 * @example leads of Inbound created 2026-01-05 and 2026-04-06, by quarter →
 *   rows 2026-Q1 Inbound (1 lead) and 2026-Q2 Inbound (1 lead); totals 2 leads
 */
export function leadRows(leads: Iterable<Lead>, options: LeadRowsOptions): LeadReport {
  const calendar = options.calendar ?? calendarYear
  const deals: DealIndex | undefined = options.deals === undefined ? undefined : indexDeals(options.deals)
  const withDeals = deals !== undefined
  const cells = new Map<string, { period: Period; group: string; tally: LeadTally }>()
  const total = createTally()
  const withoutCreated: Lead[] = []
  const all = periodOf(0 as CalendarDate, 'all')
  for (const lead of leads) {
    let period = all
    if (options.grain !== 'all') {
      if (lead.created === undefined) {
        withoutCreated.push(lead)
        continue
      }
      period = periodOf(lead.created, options.grain, calendar)
    }
    const group = groupKey(lead, options.by)
    const key = `${period.start}\u0000${group}`
    let cell = cells.get(key)
    if (cell === undefined) {
      cell = { period, group, tally: createTally() }
      cells.set(key, cell)
    }
    addLead(cell.tally, lead, deals)
    addLead(total, lead, deals)
  }
  const rows = [...cells.values()]
    .sort((a, b) => a.period.start - b.period.start || compareKeys(a.group, b.group))
    .map((c): LeadRow => ({ period: c.period.label, group: c.group, ...leadMetrics(c.tally, withDeals) }))
  return { rows, totals: leadMetrics(total, withDeals), diagnostics: diagnosticsOf(total, withoutCreated) }
}
