/**
 * The report's alerts: the thresholds of the config's `report.alerts` checked against the computed
 * sections. PURE. A threshold whose section is absent or skipped cannot fire.
 */
import type { ReportAlert, ReportSectionView } from '../../model/report.js'
import { isSkipped, reportAlertIds } from '../../model/report.js'

/** The thresholds in force; null switches a threshold off. */
export interface AlertThresholds {
  readonly pipelineCoverageBelow: number | null
  readonly forecastBelowQuota: number | null
  readonly dataQualityErrors: boolean
  readonly renewalsOverdue: boolean
  readonly winRateBelow: number | null
  readonly territoryDeviationAbove: number | null
}

/** The defaults when the config says nothing: 3× coverage, 90% of quota, any error, any overdue renewal. */
export const defaultThresholds: AlertThresholds = {
  pipelineCoverageBelow: 3,
  forecastBelowQuota: 0.9,
  dataQualityErrors: true,
  renewalsOverdue: true,
  winRateBelow: null,
  territoryDeviationAbove: null,
}

export function reportAlerts(sections: readonly ReportSectionView[], t: AlertThresholds): ReportAlert[] {
  const alerts: ReportAlert[] = []
  for (const s of sections) {
    if (isSkipped(s)) continue
    switch (s.kind) {
      case 'quality':
        if (t.dataQualityErrors && s.errors > 0)
          alerts.push({
            id: 'data_quality_errors',
            section: s.kind,
            value: s.errors,
            threshold: 0,
            subject: '',
          })
        break
      case 'kpis': {
        const coverage = s.metrics.find((m) => m.key === 'pipeline_coverage')?.value
        if (
          t.pipelineCoverageBelow !== null &&
          coverage !== undefined &&
          coverage !== null &&
          coverage < t.pipelineCoverageBelow
        )
          alerts.push({
            id: 'pipeline_coverage_below',
            section: s.kind,
            value: coverage,
            threshold: t.pipelineCoverageBelow,
            subject: s.period,
          })
        const winRate = s.metrics.find((m) => m.key === 'win_rate')?.value
        if (t.winRateBelow !== null && winRate !== undefined && winRate !== null && winRate < t.winRateBelow)
          alerts.push({
            id: 'win_rate_below',
            section: s.kind,
            value: winRate,
            threshold: t.winRateBelow,
            subject: s.period,
          })
        break
      }
      case 'forecast': {
        const current = s.periods[0]
        const share = current?.forecastVsQuota ?? null
        if (
          t.forecastBelowQuota !== null &&
          current !== undefined &&
          share !== null &&
          share < t.forecastBelowQuota
        )
          alerts.push({
            id: 'forecast_below_quota',
            section: s.kind,
            value: share,
            threshold: t.forecastBelowQuota,
            subject: current.period,
          })
        break
      }
      case 'renewals':
        if (t.renewalsOverdue && s.overdueCount > 0)
          alerts.push({
            id: 'renewals_overdue',
            section: s.kind,
            value: s.overdueCount,
            threshold: 0,
            subject: '',
            amount: s.overdueValue,
          })
        break
      case 'territories': {
        const limit = t.territoryDeviationAbove
        if (limit === null) break
        const outside = s.territories.filter(
          (x) => x.potentialDev !== null && Math.abs(x.potentialDev) > limit,
        )
        if (outside.length > 0)
          alerts.push({
            id: 'territory_deviation_above',
            section: s.kind,
            value: Math.max(...outside.map((x) => Math.abs(x.potentialDev ?? 0))),
            threshold: limit,
            subject: outside.map((x) => x.territory).join(', '),
          })
        break
      }
      default:
        break
    }
  }
  return alerts.sort((a, b) => reportAlertIds.indexOf(a.id) - reportAlertIds.indexOf(b.id))
}
