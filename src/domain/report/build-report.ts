/**
 * `salesops report`: the weekly report as data, assembled from the sections asked for, each skipped
 * with a one-line reason when its inputs are absent, and the alerts that fired. PURE: the shell loads
 * the files (and runs the data-quality checks while loading); renderers draw the result.
 */
import type { Account } from '../../model/account.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import type { Deal } from '../../model/deal.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import type { ReportGrain, ReportModel, ReportSectionKind, ReportSectionView } from '../../model/report.js'
import type { CheckSummary } from '../check/run-checks.js'
import type { ForecastInput } from '../forecast/pipeline-at.js'
import type { FunnelResult } from '../funnel/funnel-rows.js'
import type { ZipTable } from '../territories/postal-locations.js'
import type { FiscalCalendar } from '../shared/period.js'
import type { GroupField } from '../kpi/kpi-rows.js'
import { reportAlerts } from './alerts.js'
import type { AlertThresholds } from './alerts.js'
import { headlineSection } from './headline.js'
import {
  forecastSection,
  funnelSection,
  pipelineSection,
  qualitySection,
  renewalsSection,
  repsSection,
  territoriesSection,
} from './sections.js'

export interface ReportInputs {
  readonly deals?: readonly Deal[]
  /** the deals and stage history for the forecast (forecastInput of the deals) */
  readonly forecast?: ForecastInput
  /** last week's deals export: the pipeline waterfall */
  readonly previousDeals?: readonly Deal[]
  readonly reps?: readonly Rep[]
  readonly quotas?: readonly Quota[]
  readonly accounts?: readonly Account[]
  /** US ZIP → coordinates, for accounts without lat/lon (loaded by the shell when needed) */
  readonly zipTable?: ZipTable
  readonly contracts?: readonly Contract[]
  /** the funnel, computed by the shell with the loader's stage table */
  readonly funnel?: { readonly result: FunnelResult; readonly cohort: string }
  /** the data-quality checks run while loading */
  readonly quality?: CheckSummary
}

export interface ReportOptions {
  readonly title: string
  readonly asOf: CalendarDate
  readonly grain: ReportGrain
  readonly calendar: FiscalCalendar
  readonly currency: string | undefined
  readonly sections: readonly ReportSectionKind[]
  readonly trendPeriods: number
  /** the headline broken down by this field (`report.by`) */
  readonly by?: GroupField | undefined
  readonly renewalsDays: number
  readonly renewalsLimit: number
  readonly repsLimit: number | undefined
  readonly qualityLimit: number
  readonly thresholds: AlertThresholds
  readonly simulations: number
  readonly seed: number
}

function section(kind: ReportSectionKind, inputs: ReportInputs, options: ReportOptions): ReportSectionView {
  const skip = (reason: string): ReportSectionView => ({ kind, skipped: reason })
  const ctx = { asOf: options.asOf, grain: options.grain, calendar: options.calendar }
  const { deals } = inputs
  switch (kind) {
    case 'kpis':
      if (deals === undefined) return skip('no deals file')
      return headlineSection(deals, inputs.quotas, {
        ...ctx,
        trendPeriods: options.trendPeriods,
        by: options.by,
        reps: inputs.reps,
      })
    case 'forecast':
      if (inputs.forecast === undefined) return skip('no deals file')
      return forecastSection(inputs.forecast, inputs.quotas, ctx, options)
    case 'pipeline':
      if (deals === undefined) return skip('no deals file')
      if (inputs.previousDeals === undefined)
        return skip('no previous export to compare with (files: previous_deals in the config)')
      return pipelineSection(inputs.previousDeals, deals, ctx)
    case 'funnel':
      if (inputs.funnel === undefined) return skip('no deals file')
      return funnelSection(inputs.funnel.result, inputs.funnel.cohort)
    case 'reps':
      if (deals === undefined) return skip('no deals file')
      if (inputs.reps === undefined) return skip('no reps file (files: reps in the config)')
      return repsSection(deals, inputs.reps, inputs.quotas, ctx, options.repsLimit)
    case 'territories': {
      if (inputs.accounts === undefined) return skip('no accounts file (files: accounts in the config)')
      const result = territoriesSection(
        inputs.accounts,
        inputs.zipTable,
        options.thresholds.territoryDeviationAbove,
      )
      return typeof result === 'string' ? skip(result) : result
    }
    case 'renewals':
      if (inputs.contracts === undefined) return skip('no contracts file (files: contracts in the config)')
      return renewalsSection(inputs.contracts, ctx, {
        withinDays: options.renewalsDays,
        limit: options.renewalsLimit,
      })
    case 'quality':
      if (inputs.quality === undefined) return skip('no input files')
      return qualitySection(inputs.quality, options.qualityLimit)
  }
}

export function buildReport(inputs: ReportInputs, options: ReportOptions): ReportModel {
  const sections = options.sections.map((kind) => section(kind, inputs, options))
  return {
    title: options.title,
    asOf: options.asOf,
    grain: options.grain,
    currency: options.currency,
    alerts: reportAlerts(sections, options.thresholds),
    sections,
  }
}
