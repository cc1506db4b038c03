import { describe, expect, it } from 'vitest'
import type { ReportSectionView } from '../../model/report.js'
import { defaultThresholds, reportAlerts } from './alerts.js'

const kpis = (coverage: number | null, winRate: number | null): ReportSectionView => ({
  kind: 'kpis',
  period: '2026-Q4',
  start: 0 as never,
  through: 0 as never,
  daysElapsed: 58,
  daysTotal: 92,
  previousLabel: '2026-Q3',
  yearAgoLabel: '2025-Q4',
  metrics: [
    {
      key: 'win_rate',
      label: '',
      kind: 'ratio',
      value: winRate,
      previous: null,
      yearAgo: null,
      better: 'up',
    },
    {
      key: 'pipeline_coverage',
      label: '',
      kind: 'multiple',
      value: coverage,
      previous: null,
      yearAgo: null,
      better: 'up',
    },
  ],
  trend: [],
})
const quality = (errors: number): ReportSectionView => ({
  kind: 'quality',
  errors,
  warnings: 3,
  notes: 0,
  records: {},
  byRule: [],
  findings: [],
})

describe('reportAlerts', () => {
  it('fires the default thresholds: coverage below 3×, any data-quality error', () => {
    const alerts = reportAlerts([kpis(2.5, 0.3), quality(2)], defaultThresholds)
    // ordered by the id list: data quality first
    expect(alerts.map((a) => a.id)).toEqual(['data_quality_errors', 'pipeline_coverage_below'])
    expect(alerts[1]).toMatchObject({ value: 2.5, threshold: 3, subject: '2026-Q4' })
  })

  it('stays quiet at the threshold, with no errors, and when a value is missing', () => {
    expect(reportAlerts([kpis(3, 0.3), quality(0)], defaultThresholds)).toEqual([])
    expect(reportAlerts([kpis(null, null)], defaultThresholds)).toEqual([])
  })

  it('switches thresholds off and on', () => {
    const t = {
      ...defaultThresholds,
      pipelineCoverageBelow: null,
      dataQualityErrors: false,
      winRateBelow: 0.35,
    }
    expect(reportAlerts([kpis(1, 0.3), quality(5)], t).map((a) => a.id)).toEqual(['win_rate_below'])
  })

  it('never fires from a skipped section', () => {
    expect(reportAlerts([{ kind: 'quality', skipped: 'no input files' }], defaultThresholds)).toEqual([])
  })

  it('names the territories outside the deviation band', () => {
    const section: ReportSectionView = {
      kind: 'territories',
      territories: [
        {
          territory: 'T1',
          accounts: 1,
          potential: 0,
          workload: 0,
          potentialDev: 0.12,
          workloadDev: 0,
          pieces: 1,
        },
        {
          territory: 'T2',
          accounts: 1,
          potential: 0,
          workload: 0,
          potentialDev: -0.05,
          workloadDev: 0,
          pieces: 1,
        },
        {
          territory: 'T3',
          accounts: 1,
          potential: 0,
          workload: 0,
          potentialDev: -0.15,
          workloadDev: 0,
          pieces: 1,
        },
      ],
      maxMinRatio: null,
      cv: null,
      worstDev: null,
      contiguousShare: null,
      band: 0.1,
    }
    const [alert] = reportAlerts([section], { ...defaultThresholds, territoryDeviationAbove: 0.1 })
    // |0.12| and |−0.15| exceed 0.10; the largest is 0.15
    expect(alert).toMatchObject({ id: 'territory_deviation_above', value: 0.15, subject: 'T1, T3' })
  })
})
