/**
 * The funnel's cohort: deals created in the period of the as-of date (`--period`), or between
 * `--from` and `--to` (both inclusive), or every deal.
 */
import { addDays, formatIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import { periodOf } from '../shared/period.js'
import type { Grain } from '../shared/period.js'

export interface CohortInput {
  readonly asOf: CalendarDate
  readonly grain?: Grain
  readonly from?: CalendarDate
  readonly to?: CalendarDate
  readonly fiscalYearStart: number
}

export interface Cohort {
  /** [start, end) of the created date; undefined = every deal */
  readonly created: { readonly start: CalendarDate; readonly end: CalendarDate } | undefined
  /** for notes and --explain */
  readonly label: string
}

export function funnelCohort(input: CohortInput): Cohort {
  const all = periodOf(input.asOf, 'all')
  if (input.from !== undefined || input.to !== undefined) {
    const start = input.from ?? all.start
    const end = input.to === undefined ? all.end : addDays(input.to, 1)
    const from = input.from === undefined ? 'the start' : formatIsoDate(input.from)
    const to = input.to === undefined ? 'the end' : formatIsoDate(input.to)
    return { created: { start, end }, label: `deals created from ${from} to ${to}` }
  }
  if (input.grain === undefined || input.grain === 'all')
    return { created: undefined, label: 'all deals (--period all)' }
  const p = periodOf(input.asOf, input.grain, { fiscalYearStart: input.fiscalYearStart })
  return {
    created: { start: p.start, end: p.end },
    label: `deals created in ${p.label} (${formatIsoDate(p.start)} to ${formatIsoDate(addDays(p.end, -1))}), the ${input.grain} of the as-of date ${formatIsoDate(input.asOf)}`,
  }
}
