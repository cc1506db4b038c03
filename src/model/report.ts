/**
 * The weekly report as data: what `salesops report` computed (src/domain/report) and every renderer
 * (terminal, markdown, HTML in src/render/report) draws. Money in integer cents, ratios as fractions,
 * dates as calendar dates, null where a value cannot be computed.
 */
import type { CalendarDate } from './calendar-date.js'

export type ReportGrain = 'month' | 'quarter' | 'year'

export type MetricKind = 'money' | 'int' | 'ratio' | 'days' | 'multiple'

/** One headline KPI: this period to date against the same stretch of the previous period and a year ago. */
export interface HeadlineMetric {
  readonly key: string
  readonly label: string
  readonly kind: MetricKind
  readonly value: number | null
  readonly previous: number | null
  readonly yearAgo: number | null
  /** whether a higher value is good (up), bad (down), or neither (null) */
  readonly better: 'up' | 'down' | null
  /** the value in each period of the trend (the current one to date), oldest first */
  readonly history?: readonly (number | null)[]
}

export interface TrendPoint {
  readonly label: string
  readonly value: number
  /** the same period a year earlier */
  readonly prior: number
  /** true for the running period (measured to the as-of date) */
  readonly partial: boolean
}

export interface KpiSection {
  readonly kind: 'kpis'
  readonly period: string
  readonly start: CalendarDate
  /** the as-of date (the period runs on) or its last day */
  readonly through: CalendarDate
  readonly daysElapsed: number
  readonly daysTotal: number
  readonly previousLabel: string
  readonly yearAgoLabel: string
  readonly metrics: readonly HeadlineMetric[]
  /** won amount (bookings) per period, oldest first, ending with the current period */
  readonly trend: readonly TrendPoint[]
  /** the period to date per value of `report.by` (absent without it) */
  readonly groups?: GroupBreakdown
}

export interface GroupRow {
  readonly group: string
  readonly won: number
  readonly wonAmount: number
  readonly winRate: number | null
  readonly openPipeline: number
  readonly quota: number | null
  readonly attainment: number | null
  readonly coverage: number | null
}

export interface GroupBreakdown {
  readonly field: string
  readonly rows: readonly GroupRow[]
}

export interface ForecastPeriodView {
  readonly period: string
  readonly start: CalendarDate
  readonly end: CalendarDate
  readonly closedWonToDate: number
  readonly p10: number
  readonly p50: number
  readonly p90: number
  /** the headline (ensemble) */
  readonly forecast: number
  readonly method: string
  readonly quota: number | null
  readonly forecastVsQuota: number | null
}

export interface ForecastAccuracyView {
  readonly method: string
  readonly periods: number
  readonly wape: number | null
  readonly bias: number | null
  readonly p10P90Coverage: number | null
  readonly forecastAccuracy: number | null
}

export interface ForecastSection {
  readonly kind: 'forecast'
  readonly periods: readonly ForecastPeriodView[]
  /** closed won of the periods before the forecast ones, oldest first (the fan chart's past) */
  readonly actuals: readonly { readonly label: string; readonly value: number }[]
  /** backtest of the headline method over the last resolved periods (null without enough history) */
  readonly accuracy: ForecastAccuracyView | null
  /** the Monte Carlo range's own backtest coverage */
  readonly rangeCoverage: number | null
  readonly notes: readonly string[]
}

export interface PipelineStepView {
  readonly category: string
  readonly deals: number
  readonly amount: number
}

export interface PipelineSection {
  readonly kind: 'pipeline'
  readonly period: string
  /** start, the movements, end; start + movements = end (deals and cents) */
  readonly steps: readonly PipelineStepView[]
}

export interface FunnelStageView {
  readonly stage: string
  readonly entered: number
  readonly conversionToNext: number | null
  readonly conversionToWon: number | null
  readonly medianDaysInStage: number | null
}

export interface FunnelSection {
  readonly kind: 'funnel'
  readonly cohort: string
  readonly deals: number
  readonly fromHistory: boolean
  readonly stages: readonly FunnelStageView[]
}

export interface RepView {
  readonly rep: string
  readonly team: string
  readonly wonAmount: number
  readonly quota: number | null
  readonly attainment: number | null
  readonly winRate: number | null
  readonly openPipeline: number
  readonly pipelineCoverage: number | null
  readonly rampStatus: string | null
  readonly coachOn: string | null
  /** coaching KPIs on which the rep is in the team's bottom quartile */
  readonly bottomQuartile: readonly string[]
}

export interface RepsSection {
  readonly kind: 'reps'
  readonly period: string
  readonly reps: readonly RepView[]
  /** reps not shown because of the row limit */
  readonly omitted: number
  /** reps with a quota at or above it, of reps with a quota */
  readonly atQuota: number
  readonly withQuota: number
}

export interface TerritoryView {
  readonly territory: string
  readonly accounts: number
  readonly potential: number
  readonly workload: number
  readonly potentialDev: number | null
  readonly workloadDev: number | null
  readonly pieces: number
}

export interface TerritoriesSection {
  readonly kind: 'territories'
  readonly territories: readonly TerritoryView[]
  readonly maxMinRatio: number | null
  readonly cv: number | null
  readonly worstDev: number | null
  readonly contiguousShare: number | null
  /** the band the alert uses (shown as lines on the chart), null when no alert is set */
  readonly band: number | null
}

export interface RenewalView {
  readonly contractId: string
  readonly account: string
  readonly owner: string | null
  readonly end: CalendarDate
  readonly daysLeft: number
  readonly value: number
  readonly status: string
}

export interface RetentionView {
  readonly period: string
  readonly startingArr: number
  readonly endingArr: number
  readonly nrr: number | null
  readonly grr: number | null
  readonly logoChurnRate: number | null
}

export interface RenewalsSection {
  readonly kind: 'renewals'
  readonly withinDays: number
  /** due (ends within the window) and overdue (ended, not renewed, within the grace), soonest first */
  readonly renewals: readonly RenewalView[]
  readonly omitted: number
  readonly dueCount: number
  readonly dueValue: number
  readonly overdueCount: number
  readonly overdueValue: number
  /** the last few periods' ARR bridge figures, oldest first */
  readonly retention: readonly RetentionView[]
}

export interface QualityFindingView {
  readonly severity: 'error' | 'warning' | 'info'
  readonly rule: string
  readonly file: string
  readonly line: number
  readonly recordId: string
  readonly message: string
}

export interface QualitySection {
  readonly kind: 'quality'
  readonly errors: number
  readonly warnings: number
  readonly notes: number
  readonly records: Readonly<Record<string, number>>
  readonly byRule: readonly { readonly rule: string; readonly severity: string; readonly count: number }[]
  readonly findings: readonly QualityFindingView[]
}

export type ReportSectionKind =
  'kpis' | 'forecast' | 'pipeline' | 'funnel' | 'reps' | 'territories' | 'renewals' | 'quality'

export interface SkippedSection {
  readonly kind: ReportSectionKind
  readonly skipped: string
}

export type ReportSectionView =
  | KpiSection
  | ForecastSection
  | PipelineSection
  | FunnelSection
  | RepsSection
  | TerritoriesSection
  | RenewalsSection
  | QualitySection
  | SkippedSection

export const reportAlertIds = [
  'data_quality_errors',
  'pipeline_coverage_below',
  'forecast_below_quota',
  'win_rate_below',
  'renewals_overdue',
  'territory_deviation_above',
] as const
export type ReportAlertId = (typeof reportAlertIds)[number]

/** A threshold of the config that fired; the renderers word it (src/render/report/alert-text.ts). */
export interface ReportAlert {
  readonly id: ReportAlertId
  /** the section the alert comes from */
  readonly section: ReportSectionKind
  /** the measured value (a multiple, a share, or a count) */
  readonly value: number
  /** the configured threshold (0 for the yes/no alerts) */
  readonly threshold: number
  /** what it is about: a period label, or territory ids */
  readonly subject: string
  /** money concerned, in cents (overdue renewals' ARR), when there is one */
  readonly amount?: number
}

export interface ReportModel {
  readonly title: string
  readonly asOf: CalendarDate
  readonly grain: ReportGrain
  readonly currency: string | undefined
  readonly alerts: readonly ReportAlert[]
  readonly sections: readonly ReportSectionView[]
}

export function isSkipped(section: ReportSectionView): section is SkippedSection {
  return 'skipped' in section
}

export const sectionTitles: Readonly<Record<ReportSectionKind, string>> = {
  kpis: 'Headline KPIs',
  forecast: 'Forecast',
  pipeline: 'Pipeline changes',
  funnel: 'Funnel',
  reps: 'Rep scorecard',
  territories: 'Territory balance',
  renewals: 'Renewals and retention',
  quality: 'Data quality',
}
