/** What `salesops report --explain` prints: each section's definition and the alert thresholds in force. */
import type { ReportSectionKind } from '../../model/report.js'
import type { AlertThresholds } from './alerts.js'

const sectionLines: Readonly<Record<ReportSectionKind, string>> = {
  kpis: 'kpis: kpi metrics over the first d days of the period (d = days elapsed to --as-of), against the first d days of the previous period and of the same period a year earlier; open pipeline and coverage of the whole period, now; attainment = won to date ÷ the whole period’s quota',
  forecast:
    'forecast: forecast --horizon 2 (ensemble headline, Monte Carlo P10–P90, fixed seed); accuracy from forecast backtest --at start over the last 8 quarters / 12 months',
  pipeline:
    'pipeline: pipeline diff PREVIOUS DEALS for the period: start + new + pulled in + pushed out + amount up + amount down + won + lost + removed = end',
  funnel:
    'funnel: funnel of the deals created in the last 12 months (ordered mode, conversion to the next stage)',
  reps: 'reps: reps for the period to date (team medians, coaching KPI, bottom quartile), sorted by attainment',
  territories: 'territories: territories report of the accounts (balance on potential and workload)',
  renewals:
    'renewals: renewals due within renewals_days (90) and overdue within a 30-day grace; retention bridge of the last four periods',
  quality:
    'quality: check over every input file; rows that fail validation are invalid-row errors and left out of the other sections',
}

export function reportDefinitions(sections: readonly ReportSectionKind[], t: AlertThresholds): string[] {
  const onOff = (on: boolean) => (on ? 'on' : 'off')
  const threshold = (v: number | null, unit = '') => (v === null ? 'off' : `${String(v)}${unit}`)
  return [
    'report sections (each from the command named; docs/metrics.md#report):',
    ...sections.map((s) => `  ${sectionLines[s]}`),
    'alerts in force (report.alerts in the config):',
    `  pipeline_coverage_below: ${threshold(t.pipelineCoverageBelow, '×')}`,
    `  forecast_below_quota: ${threshold(t.forecastBelowQuota)} (share of the current period's quota)`,
    `  data_quality_errors: ${onOff(t.dataQualityErrors)}`,
    `  renewals_overdue: ${onOff(t.renewalsOverdue)}`,
    `  win_rate_below: ${threshold(t.winRateBelow)}`,
    `  territory_deviation_above: ${threshold(t.territoryDeviationAbove)}`,
  ]
}
