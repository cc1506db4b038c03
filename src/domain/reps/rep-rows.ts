/**
 * The `reps` report: one row per rep on the roster, the coaching view. Each KPI of the period (from
 * `dealMetrics` and `quotaFor`, as in `kpi --by owner`) sits beside the median of the rep's team;
 * ramp, the KPI to coach on and the team's bottom quartile come from those comparisons. PURE.
 * Definitions: docs/metrics.md.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import { dealMetrics } from '../kpi/deal-metrics.js'
import type { DealMetricOptions } from '../kpi/deal-metrics.js'
import { quotaFor } from '../kpi/quota.js'
import { compareKeys, NO_VALUE } from '../shared/group-by.js'
import type { Period } from '../shared/period.js'
import { contains, lastDay } from '../shared/period.js'
import { ratio, roundHalfAway } from '../shared/stats.js'
import { daysToFirstWin, monthsSinceHire, rampStatus, trailingQuarter } from './ramp.js'
import type { RampStatus } from './ramp.js'
import { assignDeals, ownerMatcher, sharedRepNames } from './rep-matching.js'
import { employedIn, isLeaver, managerIndices } from './roster.js'
import { bottomQuartileBoundary, coachKpis, coachOn, inBottomQuartile, teamMedian } from './team-compare.js'
import type { CoachKpi } from './team-compare.js'

export interface RepsOptions extends DealMetricOptions {
  readonly period: Period
  readonly quotas?: readonly Quota[]
  /** remaining: open ÷ (quota − won), null when nothing remains; quota: open ÷ quota */
  readonly coverageBasis: 'remaining' | 'quota'
  /** also list managers (role "Manager", or someone's manager) */
  readonly includeManagers: boolean
  /** reps hired this many whole months ago or more count as ramped (default 12) */
  readonly maxRampMonths: number
}

/** The KPIs shown with their team median: the coaching KPIs plus open pipeline. */
export const comparedKpis = [...coachKpis, 'open_pipeline'] as const
export type ComparedKpi = (typeof comparedKpis)[number]

export interface RepRow {
  rep: string
  rep_id: string
  team: string
  manager: string | null
  period: string
  period_start: CalendarDate
  period_end: CalendarDate
  /** active (non-leaver) reps of the team on the roster: the population of every team median */
  team_reps: number
  quota: number | null
  won: number
  won_amount: number
  quota_attainment: number | null
  quota_attainment_team_median: number | null
  win_rate: number | null
  win_rate_team_median: number | null
  avg_deal_size: number | null
  avg_deal_size_team_median: number | null
  sales_cycle_days: number | null
  sales_cycle_days_team_median: number | null
  pipeline_coverage: number | null
  pipeline_coverage_team_median: number | null
  open_pipeline: number
  open_pipeline_team_median: number | null
  deals_created: number
  deals_created_team_median: number | null
  hire_date: CalendarDate | null
  end_date: CalendarDate | null
  months_since_hire: number | null
  days_to_first_win: number | null
  trailing_bookings: number
  trailing_bookings_team_median: number | null
  ramp_status: RampStatus | null
  coach_on: CoachKpi | null
  coach_gap: number | null
  /** coaching KPIs on which the rep is in the team's bottom quartile, in `coachKpis` order */
  bottom_quartile: CoachKpi[]
}

export interface RepsReport {
  readonly rows: readonly RepRow[]
  readonly notes: readonly string[]
}

/** Team medians of money measures are rounded to the cent, half away from zero. */
const MONEY: ReadonlySet<string> = new Set(['avg_deal_size', 'open_pipeline', 'trailing_bookings'])

interface Measured {
  readonly team: string
  readonly leaver: boolean
  readonly values: Record<ComparedKpi | 'trailing_bookings', number | null>
  readonly row: Omit<
    RepRow,
    | `${ComparedKpi}_team_median`
    | 'trailing_bookings_team_median'
    | 'team_reps'
    | 'ramp_status'
    | 'coach_on'
    | 'coach_gap'
    | 'bottom_quartile'
  >
}

function touches(period: Period, deal: Deal): boolean {
  return contains(period, deal.created) || contains(period, deal.close_date)
}

/** The singular or the plural form, by count. */
function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}

function listNames(names: readonly string[]): string {
  const distinct = [...new Set(names)].sort(compareKeys)
  const shown = distinct.slice(0, 3).join(', ')
  return distinct.length > 3 ? `${shown}, …` : shown
}

export function repsReport(deals: readonly Deal[], reps: readonly Rep[], options: RepsOptions): RepsReport {
  const { period, asOf } = options
  const match = ownerMatcher(reps)
  const { dealsOf, unmatched, withoutOwner } = assignDeals(deals, reps, match)
  const managers = managerIndices(reps, match)
  const trailing = trailingQuarter(asOf)
  const notes: string[] = []
  let negativeCycles = 0
  const hiddenManagers: string[] = []
  let hiddenManagerDeals = 0
  const offRoster: string[] = []
  let offRosterDeals = 0

  const measured: Measured[] = []
  reps.forEach((rep, index) => {
    const own = dealsOf[index] ?? []
    const inPeriod = own.filter((d) => touches(period, d)).length
    if (managers.has(index) && !options.includeManagers) {
      if (inPeriod > 0) {
        hiddenManagers.push(rep.name)
        hiddenManagerDeals += inPeriod
      }
      return
    }
    if (!employedIn(rep, period, asOf)) {
      if (inPeriod > 0) {
        offRoster.push(rep.name)
        offRosterDeals += inPeriod
      }
      return
    }
    const m = dealMetrics(own, period, options)
    negativeCycles += m.negative_cycles
    const quota =
      options.quotas === undefined
        ? null
        : quotaFor(options.quotas, period, (q) => q.owner !== undefined && match(q.owner) === index)
    const remaining = quota === null ? null : quota - m.won_amount
    const coverageBase =
      options.coverageBasis === 'remaining' ? (remaining !== null && remaining > 0 ? remaining : null) : quota
    const attainment = quota === null ? null : ratio(m.won_amount, quota)
    const coverage = coverageBase === null ? null : ratio(m.open_pipeline, coverageBase)
    const trailingBookings = dealMetrics(own, trailing, options).won_amount
    measured.push({
      team: rep.team ?? NO_VALUE,
      leaver: isLeaver(rep, asOf),
      values: {
        quota_attainment: attainment,
        win_rate: m.win_rate,
        avg_deal_size: m.avg_deal_size,
        sales_cycle_days: m.sales_cycle_days,
        pipeline_coverage: coverage,
        deals_created: m.deals_created,
        open_pipeline: m.open_pipeline,
        trailing_bookings: trailingBookings,
      },
      row: {
        rep: rep.name,
        rep_id: rep.id,
        team: rep.team ?? NO_VALUE,
        manager: rep.manager ?? null,
        period: period.label,
        period_start: period.start,
        period_end: lastDay(period),
        quota,
        won: m.won,
        won_amount: m.won_amount,
        quota_attainment: attainment,
        win_rate: m.win_rate,
        avg_deal_size: m.avg_deal_size,
        sales_cycle_days: m.sales_cycle_days,
        pipeline_coverage: coverage,
        open_pipeline: m.open_pipeline,
        deals_created: m.deals_created,
        hire_date: rep.hire_date ?? null,
        end_date: rep.end_date ?? null,
        months_since_hire: monthsSinceHire(rep.hire_date, asOf),
        days_to_first_win: daysToFirstWin(own, rep.hire_date, asOf),
        trailing_bookings: trailingBookings,
      },
    })
  })

  const rows: RepRow[] = []
  const teams = new Map<string, Measured[]>()
  for (const m of measured) teams.set(m.team, [...(teams.get(m.team) ?? []), m])
  for (const members of teams.values()) {
    const active = members.filter((m) => !m.leaver)
    const medianOf = (key: ComparedKpi | 'trailing_bookings'): number | null => {
      const value = teamMedian(active.map((m) => m.values[key]))
      return value !== null && MONEY.has(key) ? roundHalfAway(value) : value
    }
    const medians = Object.fromEntries(comparedKpis.map((k) => [k, medianOf(k)])) as Record<
      ComparedKpi,
      number | null
    >
    const trailingMedian = medianOf('trailing_bookings')
    const boundaries = new Map(
      coachKpis.map((k) => [
        k,
        bottomQuartileBoundary(
          k,
          active.map((m) => m.values[k]),
        ),
      ]),
    )
    for (const m of members) {
      const coach = m.leaver ? null : coachOn(m.values, medians)
      rows.push({
        ...m.row,
        team_reps: active.length,
        quota_attainment_team_median: medians.quota_attainment,
        win_rate_team_median: medians.win_rate,
        avg_deal_size_team_median: medians.avg_deal_size,
        sales_cycle_days_team_median: medians.sales_cycle_days,
        pipeline_coverage_team_median: medians.pipeline_coverage,
        open_pipeline_team_median: medians.open_pipeline,
        deals_created_team_median: medians.deals_created,
        trailing_bookings_team_median: trailingMedian,
        ramp_status: rampStatus({
          leaver: m.leaver,
          monthsSinceHire: m.row.months_since_hire,
          trailingBookings: m.row.trailing_bookings,
          teamMedian: trailingMedian,
          maxRampMonths: options.maxRampMonths,
        }),
        coach_on: coach?.kpi ?? null,
        coach_gap: coach?.gap ?? null,
        bottom_quartile: m.leaver
          ? []
          : coachKpis.filter((k) => inBottomQuartile(k, m.values[k], boundaries.get(k) ?? null)),
      })
    }
  }
  rows.sort(
    (a, b) => compareKeys(a.team, b.team) || compareKeys(a.rep, b.rep) || compareKeys(a.rep_id, b.rep_id),
  )

  const touching = (list: readonly Deal[]) => list.filter((d) => touches(period, d))
  const dealsIn = (n: number) => `${n} ${agree(n, 'deal', 'deals')} created or closing in ${period.label}`
  const strangers = touching(unmatched)
  if (strangers.length > 0)
    notes.push(
      `${dealsIn(strangers.length)} ${agree(strangers.length, 'has', 'have')} an owner that matches no rep (${listNames(strangers.map((d) => d.owner ?? ''))}); left out (see check: unknown-owner)`,
    )
  const ownerless = touching(withoutOwner).length
  if (ownerless > 0)
    notes.push(
      `${dealsIn(ownerless)} ${agree(ownerless, 'has', 'have')} no owner; left out (see check: deal-without-owner)`,
    )
  if (hiddenManagerDeals > 0)
    notes.push(
      `${dealsIn(hiddenManagerDeals)} ${agree(hiddenManagerDeals, 'belongs', 'belong')} to managers (${listNames(hiddenManagers)}); shown with --include-managers`,
    )
  if (offRosterDeals > 0)
    notes.push(
      `${dealsIn(offRosterDeals)} ${agree(offRosterDeals, 'belongs', 'belong')} to reps not employed in ${period.label} by their hire and end dates (${listNames(offRoster)}); left out`,
    )
  const shared = sharedRepNames(reps)
  if (shared.length > 0)
    notes.push(
      `several reps share the name ${listNames(shared)}; deals and quotas of that owner go to the first of them in the reps file`,
    )
  if (negativeCycles > 0)
    notes.push(
      `cycle length leaves out ${negativeCycles} ${agree(negativeCycles, 'deal that closed before it was created', 'deals that closed before they were created')} (see check: closed-before-created)`,
    )
  return { rows, notes }
}
