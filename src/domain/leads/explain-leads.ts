/**
 * The words around the numbers: `--explain` definitions and the notes on stderr about records the
 * metrics leave out. Pure text; the command prints it.
 */
import { formatIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Lead } from '../../model/lead.js'
import { centsToDecimal } from '../../model/money.js'
import type { Cents } from '../../model/money.js'
import { lastDay } from '../shared/period.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'
import type { LeadDiagnostics, LeadGroupField } from './lead-rows.js'
import type { FunnelCounts, ReverseFunnel } from './reverse-funnel.js'
import { formatCount } from '../../model/counts.js'

export interface LeadNote {
  readonly level: 'warning' | 'note'
  readonly text: string
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

function first(leads: readonly Lead[], withDeal = false): string {
  const lead = leads[0]
  if (lead === undefined) return ''
  const deal = withDeal && lead.deal_id !== undefined ? ` → ${lead.deal_id}` : ''
  return ` (first: ${lead.id}${deal}, ${lead.source_file}:${lead.source_line})`
}

/** Notes for stderr: why columns are empty and which records a metric left out. */
export function leadNotes(
  diagnostics: LeadDiagnostics,
  options: { readonly withDeals: boolean },
): LeadNote[] {
  const notes: LeadNote[] = []
  const d = diagnostics
  if (!options.withDeals)
    notes.push({
      level: 'note',
      text: 'no --deals given: won_deals, won_amount, lead_to_won_rate and revenue_per_lead are empty (they need the deals the leads converted into)',
    })
  if (d.withoutCreated.length > 0)
    notes.push({
      level: 'note',
      text: `${plural(d.withoutCreated.length, 'lead', 'leads')} without a created date ${d.withoutCreated.length === 1 ? 'falls' : 'fall'} outside every period and ${d.withoutCreated.length === 1 ? 'is' : 'are'} left out${first(d.withoutCreated)}`,
    })
  if (d.negative.length > 0)
    notes.push({
      level: 'warning',
      text: `${plural(d.negative.length, 'converted lead has', 'converted leads have')} a converted_date before the created date: counted as converted, left out of days_to_convert${first(d.negative)}; salesops check lists them`,
    })
  if (d.undated.length > 0)
    notes.push({
      level: 'note',
      text: `${plural(d.undated.length, 'converted lead lacks', 'converted leads lack')} a created or converted_date: counted as converted, left out of days_to_convert${first(d.undated)}`,
    })
  if (d.unknownDeal.length > 0)
    notes.push({
      level: 'warning',
      text: `${plural(d.unknownDeal.length, 'lead names', 'leads name')} a deal_id that is not among the deals: outcome unknown, not counted as won or lost${first(d.unknownDeal, true)}`,
    })
  if (d.sharedDeals > 0)
    notes.push({
      level: 'note',
      text: `${plural(d.sharedDeals, 'deal is', 'deals are')} the deal_id of more than one lead: counted once per row and once in the totals`,
    })
  return notes
}

const grainNoun: Readonly<Record<Grain, string>> = {
  week: 'ISO week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  all: 'period',
}

function calendarWords(grain: Grain, calendar: FiscalCalendar): string {
  if (grain !== 'quarter' && grain !== 'year') return ''
  return calendar.fiscalYearStart === 1
    ? ' (calendar years)'
    : ` (fiscal years starting in month ${calendar.fiscalYearStart}, named by the year they end in)`
}

/** `--explain` for the lead table. */
export function leadDefinitions(options: {
  readonly by: LeadGroupField
  readonly grain: Grain
  readonly calendar: FiscalCalendar
  readonly withDeals: boolean
}): string[] {
  const cohort =
    options.grain === 'all'
      ? 'every lead given (also one without a created date)'
      : `the leads created in each ${grainNoun[options.grain]}, [start, end)${calendarWords(options.grain, options.calendar)}; leads without a created date are left out`
  return [
    `leads by ${options.by}; cohort = ${cohort}.`,
    "Conversions and deal outcomes count for the lead's cohort whenever they happened (as the export records them).",
    `  ${options.by.padEnd(22)}  the lead's ${options.by}; blank = (none), sorted last`,
    '  leads                   leads in the cohort',
    '  converted               leads with a converted_date, else a deal_id, else the status "Converted" or',
    '                          "Closed - Converted" (any case); the data fields win over the status label',
    '  conversion_rate         converted ÷ leads',
    '  days_to_convert         mean of converted_date − created in days over converted leads with both dates;',
    '                          a conversion before creation is left out (and counted on stderr); null if none',
    '  median_days_to_convert  the median of the same days (mean of the two middle values for an even count)',
    '  won_deals               distinct deals with status won whose id is the deal_id of a lead in the cohort',
    '  won_amount              Σ amount of those deals',
    '  lead_to_won_rate        won_deals ÷ leads',
    '  revenue_per_lead        won_amount ÷ leads, rounded half away from zero to the cent',
    ...(options.withDeals ? [] : ['  (no --deals: the four deal columns are empty)']),
    '  Total                   the same definitions over every lead of the table: counted from the records,',
    '                          never by adding or averaging the rows',
  ]
}

function money(cents: number): string {
  return centsToDecimal(cents)
}

/**
 * A quotient of whole numbers for the worked example: exact when it divides, else cut (not rounded)
 * after 4 decimals with "…", so that ⌈16.0000…⌉ = 17 never looks like a mistake.
 */
export function quotient(numerator: bigint | number, denominator: bigint | number): string {
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  const whole = n / d
  const rest = n % d
  if (rest === 0n) return String(whole)
  const scaled = rest * 10_000n
  const digits = String(scaled / d).padStart(4, '0')
  return scaled % d === 0n ? `${whole}.${digits.replace(/0+$/, '')}` : `${whole}.${digits}…`
}

/** `--explain` for the reverse funnel, with the Total row worked out from its counts. */
export function reverseFunnelDefinitions(options: {
  readonly by: LeadGroupField
  readonly grain: Grain
  readonly calendar: FiscalCalendar
  readonly target: Cents
  readonly asOf: CalendarDate
  readonly lastPeriod: Period | undefined
  readonly counts: FunnelCounts
  readonly totals: ReverseFunnel
}): string[] {
  const { counts: c, target, lastPeriod, totals: t } = options
  const per =
    options.grain === 'all'
      ? 'for the whole horizon'
      : `per ${grainNoun[options.grain]}${calendarWords(options.grain, options.calendar)}`
  const closed = c.wonDeals + c.lostDeals
  const lines = [
    `reverse funnel by ${options.by}: target ${money(target)} ${per}; rates from every lead given (= leads --period all).`,
    '  target              the --target amount',
    "  avg_won_deal        won_amount ÷ won_deals over the won deals named by the leads' deal_id",
    '                      (shown rounded half away from zero to the cent; the steps below use it unrounded)',
    "  win_rate            won ÷ (won + lost) over the deals named by the leads' deal_id; open deals left out",
    '  conversion_rate     converted ÷ leads; converted = a converted_date, else a deal_id, else the status',
    '                      "Converted" or "Closed - Converted"',
    '  required_won_deals  ⌈target ÷ avg_won_deal⌉ = ⌈target × won_deals ÷ won_amount⌉',
    '  required_deals      ⌈required_won_deals ÷ win_rate⌉ = ⌈required_won_deals × (won + lost) ÷ won⌉ (closed deals)',
    '  required_leads      ⌈required_deals ÷ conversion_rate⌉ = ⌈required_deals × leads ÷ converted⌉',
    '                      (one deal per converted lead); a step without a rate (no won deal, no converted lead) is empty',
    lastPeriod === undefined
      ? '  leads_last_period   empty with --period all (give --period week|month|quarter|year to compare)'
      : `  leads_last_period   leads created in ${lastPeriod.label} (${formatIsoDate(lastPeriod.start)} to ${formatIsoDate(lastDay(lastPeriod))}), the last ${grainNoun[options.grain]} complete on ${formatIsoDate(options.asOf)}`,
    `  rows                each ${options.by} alone at its own rates; Total: all leads at their blended rates`,
    '                      (counted from the records, not a sum of rows)',
    `Total, worked: ${c.leads} ${c.leads === 1 ? 'lead' : 'leads'}, ${c.converted} converted, ${c.wonDeals} won ${c.wonDeals === 1 ? 'deal' : 'deals'} worth ${money(c.wonAmount)}, ${c.lostDeals} lost`,
  ]
  if (t.required_won_deals === null || t.required_deals === null) {
    lines.push('  no won deal with an amount: the required columns are empty')
    return lines
  }
  lines.push(
    `  avg_won_deal       = ${money(c.wonAmount)} ÷ ${c.wonDeals} = ${quotient(c.wonAmount, BigInt(c.wonDeals) * 100n)}`,
    `  required_won_deals = ⌈${money(target)} × ${c.wonDeals} ÷ ${money(c.wonAmount)}⌉ = ⌈${quotient(BigInt(target) * BigInt(c.wonDeals), c.wonAmount)}⌉ = ${t.required_won_deals}`,
    `  required_deals     = ⌈${t.required_won_deals} × ${closed} ÷ ${c.wonDeals}⌉ = ⌈${quotient(BigInt(t.required_won_deals) * BigInt(closed), c.wonDeals)}⌉ = ${t.required_deals}`,
    t.required_leads === null
      ? '  required_leads     = empty (no converted lead)'
      : `  required_leads     = ⌈${t.required_deals} × ${c.leads} ÷ ${c.converted}⌉ = ⌈${quotient(BigInt(t.required_deals) * BigInt(c.leads), c.converted)}⌉ = ${t.required_leads}`,
  )
  return lines
}

/** The note that names the period behind `leads_last_period` (the column header cannot). */
export function reverseFunnelNote(options: {
  readonly grain: Grain
  readonly asOf: CalendarDate
  readonly lastPeriod: Period | undefined
}): LeadNote {
  const { grain, lastPeriod } = options
  return {
    level: 'note',
    text:
      lastPeriod === undefined
        ? '--period all: the target covers the whole horizon and leads_last_period is empty (--period quarter etc. sets what the target is per)'
        : `target per ${grainNoun[grain]}; leads_last_period = leads created in ${lastPeriod.label}, the last ${grainNoun[grain]} complete on ${formatIsoDate(options.asOf)}`,
  }
}
