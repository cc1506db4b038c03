/**
 * The report's sections other than the headline, each from the same domain function as its own
 * command (forecast, pipeline diff, funnel, reps, territories report, renewals, retention, check),
 * with that command's defaults. PURE.
 */
import type { Account } from '../../model/account.js'
import { addDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import type { Deal } from '../../model/deal.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import type {
  ForecastSection,
  FunnelSection,
  PipelineSection,
  QualitySection,
  RenewalsSection,
  RepsSection,
  RepView,
  TerritoriesSection,
} from '../../model/report.js'
import type { CheckSummary } from '../check/run-checks.js'
import { severities } from '../check/types.js'
import { backtest, summarizeBacktest } from '../forecast/backtest.js'
import { forecastReport } from '../forecast/forecast-rows.js'
import { wonAmount } from '../forecast/pipeline-at.js'
import type { ForecastInput } from '../forecast/pipeline-at.js'
import type { FunnelResult } from '../funnel/funnel-rows.js'
import { pipelineDiff } from '../pipeline-diff/pipeline-diff.js'
import { renewalRows } from '../renewals/renewal-rows.js'
import { repsReport } from '../reps/rep-rows.js'
import { retentionReport } from '../retention/retention-rows.js'
import { periodOf, shiftPeriod } from '../shared/period.js'
import type { FiscalCalendar } from '../shared/period.js'
import { locateAccounts } from '../territories/postal-locations.js'
import type { ZipTable } from '../territories/postal-locations.js'
import { toTerritoryAccounts } from '../territories/territory-account.js'
import { territoryReport } from '../territories/territory-report.js'

export interface SectionContext {
  readonly asOf: CalendarDate
  readonly grain: 'month' | 'quarter' | 'year'
  readonly calendar: FiscalCalendar
}

/** The forecast works in months or quarters: a yearly report forecasts its quarters. */
export function forecastGrain(grain: SectionContext['grain']): 'month' | 'quarter' {
  return grain === 'month' ? 'month' : 'quarter'
}

export interface ForecastSettings {
  readonly simulations: number
  readonly seed: number
}

/** The current and next period (ensemble headline, Monte Carlo range) and the backtested accuracy. */
export function forecastSection(
  input: ForecastInput,
  quotas: readonly Quota[] | undefined,
  ctx: SectionContext,
  settings: ForecastSettings,
): ForecastSection {
  const grain = forecastGrain(ctx.grain)
  const report = forecastReport(input, {
    asOf: ctx.asOf,
    grain,
    calendar: ctx.calendar,
    horizon: 2,
    simulations: settings.simulations,
    seed: settings.seed,
    method: 'ensemble',
    auto: false,
    by: undefined,
    ...(quotas === undefined ? {} : { quotas }),
  })
  const rows = backtest(input, addDays(ctx.asOf, 1), {
    grain,
    calendar: ctx.calendar,
    periods: grain === 'quarter' ? 8 : 12,
    at: 'start',
    simulations: settings.simulations,
    seed: settings.seed,
  })
  const summary = summarizeBacktest(rows)
  const ensemble = summary.find((s) => s.method === 'ensemble')
  const montecarlo = summary.find((s) => s.method === 'montecarlo')
  const current = periodOf(ctx.asOf, grain, ctx.calendar)
  const actuals = [4, 3, 2, 1].map((back) => {
    const p = shiftPeriod(current, -back, ctx.calendar)
    return { label: p.label, value: wonAmount(input.deals, p.start, p.end) }
  })
  return {
    kind: 'forecast',
    periods: report.rows.map((r) => ({
      period: r.period,
      start: r.period_start,
      end: r.period_end,
      closedWonToDate: r.closed_won_to_date,
      p10: r.mc_p10,
      p50: r.mc_p50,
      p90: r.mc_p90,
      forecast: r.forecast_total,
      method: r.method,
      quota: r.quota,
      forecastVsQuota: r.forecast_vs_quota,
    })),
    actuals,
    accuracy:
      ensemble === undefined || ensemble.periods === 0
        ? null
        : {
            method: ensemble.method,
            periods: ensemble.periods,
            wape: ensemble.wape,
            bias: ensemble.bias,
            p10P90Coverage: montecarlo?.p10_p90_coverage ?? null,
            forecastAccuracy: ensemble.forecast_accuracy,
          },
    rangeCoverage: montecarlo?.p10_p90_coverage ?? null,
    notes: report.notes,
  }
}

/** The open-pipeline waterfall of the current period from last week's export to this one. */
export function pipelineSection(
  before: readonly Deal[],
  after: readonly Deal[],
  ctx: SectionContext,
): PipelineSection {
  const period = periodOf(ctx.asOf, ctx.grain, ctx.calendar)
  const diff = pipelineDiff(before, after, { period, by: [] })
  return {
    kind: 'pipeline',
    period: period.label,
    steps: diff.waterfall.map((r) => ({ category: r.category, deals: r.deals, amount: r.amount })),
  }
}

export function funnelSection(result: FunnelResult, cohort: string): FunnelSection {
  return {
    kind: 'funnel',
    cohort,
    deals: result.facts.cohort,
    fromHistory: result.facts.historyGiven,
    stages: result.rows.map((r) => ({
      stage: r.stage,
      entered: r.entered,
      conversionToNext: r.conversion_to_next,
      conversionToWon: r.conversion_to_won,
      medianDaysInStage: r.median_days_in_stage,
    })),
  }
}

/** The rep scorecard of the current period, best attainment first (reps without quota last). */
export function repsSection(
  deals: readonly Deal[],
  reps: readonly Rep[],
  quotas: readonly Quota[] | undefined,
  ctx: SectionContext,
  limit: number | undefined,
): RepsSection {
  const period = periodOf(ctx.asOf, ctx.grain, ctx.calendar)
  const report = repsReport(deals, reps, {
    period,
    winRateBasis: 'closed',
    cycleBasis: 'won',
    coverageBasis: 'remaining',
    includeManagers: false,
    maxRampMonths: 12,
    weight: (d: Deal) => d.probability,
    asOf: ctx.asOf,
    ...(quotas === undefined ? {} : { quotas }),
  })
  const views: RepView[] = report.rows.map((r) => ({
    rep: r.rep,
    team: r.team,
    wonAmount: r.won_amount,
    quota: r.quota,
    attainment: r.quota_attainment,
    winRate: r.win_rate,
    openPipeline: r.open_pipeline,
    pipelineCoverage: r.pipeline_coverage,
    rampStatus: r.ramp_status,
    coachOn: r.coach_on,
    bottomQuartile: r.bottom_quartile,
  }))
  views.sort(
    (a, b) =>
      (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) ||
      b.wonAmount - a.wonAmount ||
      a.rep.localeCompare(b.rep, 'en'),
  )
  const withQuota = views.filter((v) => v.quota !== null && v.quota > 0)
  const shown = limit === undefined ? views : views.slice(0, limit)
  return {
    kind: 'reps',
    period: period.label,
    reps: shown,
    omitted: views.length - shown.length,
    atQuota: withQuota.filter((v) => v.wonAmount >= (v.quota ?? 0)).length,
    withQuota: withQuota.length,
  }
}

/**
 * Territory balance of today's alignment (`territories report` with its defaults), or the reason it
 * cannot be shown. Accounts are placed as `territories` places them: lat/lon, else a US ZIP code
 * looked up in `zipTable`.
 */
export function territoriesSection(
  accounts: readonly Account[],
  zipTable: ZipTable | undefined,
  band: number | null,
): TerritoriesSection | string {
  if (!accounts.some((a) => a.territory !== undefined)) return 'the accounts have no territory column'
  const { locations, issues } = locateAccounts(accounts, zipTable)
  if (issues.length > 0)
    return `${String(issues.length)} of ${String(accounts.length)} accounts have no location (lat/lon, or a US ZIP code); salesops territories report names them`
  const report = territoryReport(toTerritoryAccounts(accounts, locations))
  return {
    kind: 'territories',
    territories: report.rows.map((r) => ({
      territory: r.territory,
      accounts: r.accounts,
      potential: r.potential,
      workload: r.workload,
      potentialDev: r.potential_dev,
      workloadDev: r.workload_dev,
      pieces: r.pieces,
    })),
    maxMinRatio: report.summary.max_min_ratio,
    cv: report.summary.cv,
    worstDev: report.summary.worst_dev,
    contiguousShare: report.summary.contiguous_share,
    band,
  }
}

export interface RenewalSettings {
  readonly withinDays: number
  readonly limit: number
}

/** Renewals due or overdue, soonest first, and the ARR bridge of the last four periods. */
export function renewalsSection(
  contracts: readonly Contract[],
  ctx: SectionContext,
  settings: RenewalSettings,
): RenewalsSection {
  const graceDays = 30
  const rows = renewalRows(contracts, {
    asOf: ctx.asOf,
    withinDays: settings.withinDays,
    graceDays,
    statuses: ['due', 'overdue'],
  }).sort((a, b) => a.end - b.end || a.contract_id.localeCompare(b.contract_id, 'en'))
  const sum = (status: string) => rows.filter((r) => r.status === status).reduce((s, r) => s + r.value, 0)
  const current = periodOf(ctx.asOf, ctx.grain, ctx.calendar)
  const retention = retentionReport(contracts, {
    grain: ctx.grain,
    calendar: ctx.calendar,
    from: shiftPeriod(current, -3, ctx.calendar).start,
    to: ctx.asOf,
    asOf: ctx.asOf,
    by: undefined,
    graceDays,
    monthly: false,
  })
  return {
    kind: 'renewals',
    withinDays: settings.withinDays,
    renewals: rows.slice(0, settings.limit).map((r) => ({
      contractId: r.contract_id,
      account: r.account,
      owner: r.owner ?? null,
      end: r.end,
      daysLeft: r.days_left,
      value: r.value,
      status: r.status,
    })),
    omitted: Math.max(0, rows.length - settings.limit),
    dueCount: rows.filter((r) => r.status === 'due').length,
    dueValue: sum('due'),
    overdueCount: rows.filter((r) => r.status === 'overdue').length,
    overdueValue: sum('overdue'),
    retention: retention.rows.map((r) => ({
      period: r.period,
      startingArr: r.starting_arr,
      endingArr: r.ending_arr,
      nrr: r.nrr,
      grr: r.grr,
      logoChurnRate: r.logo_churn_rate,
    })),
  }
}

export function qualitySection(summary: CheckSummary, limit: number): QualitySection {
  return {
    kind: 'quality',
    errors: summary.counts.error,
    warnings: summary.counts.warning,
    notes: summary.counts.info,
    records: { ...summary.records },
    byRule: summary.byRule,
    // errors first, then warnings, then notes; within a severity in file and line order
    findings: [...summary.findings]
      .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity))
      .slice(0, limit)
      .map((f) => ({
        severity: f.severity,
        rule: f.rule,
        file: f.file,
        line: f.line,
        recordId: f.record_id,
        message: f.message,
      })),
  }
}
