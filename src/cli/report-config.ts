/**
 * The `report:` section of salesops.config.yaml: which sections the weekly report shows, its period
 * and the alert thresholds. Input files come from the config's `files:` section (same kinds as the
 * named options: deals, accounts, reps, quotas, leads, contracts, history, spend, nps, plus
 * `previous_deals`, last week's export, for the pipeline waterfall).
 */
import { z } from 'zod'
import { groupFields } from '../domain/kpi/kpi-rows.js'

export const reportSections = [
  'kpis',
  'forecast',
  'pipeline',
  'funnel',
  'reps',
  'territories',
  'renewals',
  'quality',
] as const
export type ReportSection = (typeof reportSections)[number]

/** a share: 0.9 or "90%" */
const share = z.union([
  z.number().min(0).max(10),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*%\s*$/, 'expected a share such as 0.9 or "90%"')
    .transform((s) => Number(s.replace('%', '').trim()) / 100),
])

export const reportAlertsSchema = z
  .object({
    /** open pipeline ÷ remaining quota of the current period below this (e.g. 3 for 3×); false: off */
    pipeline_coverage_below: z.union([z.number().positive(), z.literal(false)]).optional(),
    /** forecast P50 of the current period below this share of its quota (0.9 or "90%"); false: off */
    forecast_below_quota: z.union([share, z.literal(false)]).optional(),
    /** any data-quality finding of severity error */
    data_quality_errors: z.boolean().optional(),
    /** any renewal whose end date has passed without a renewal */
    renewals_overdue: z.boolean().optional(),
    /** win rate of the current period below this share; off unless set */
    win_rate_below: z.union([share, z.literal(false)]).optional(),
    /** a territory's potential deviates from the mean by more than this share; off unless set */
    territory_deviation_above: z.union([share, z.literal(false)]).optional(),
  })
  .strict()

export const reportConfigSchema = z
  .object({
    title: z.string().min(1).optional(),
    /** the period of the headline KPIs and the forecast: month, quarter (default) or year */
    period: z.enum(['month', 'quarter', 'year']).optional(),
    /** the sections, in order (default: all of them) */
    sections: z.array(z.enum(reportSections)).min(1).optional(),
    /** break the headline down by this field: owner, team, region, territory, segment, … (as kpi --by) */
    by: z.enum(groupFields).optional(),
    /** how many periods the bookings trend shows (default 8) */
    trend_periods: z.number().int().min(2).max(24).optional(),
    /** renewals due within this many days (default 90) */
    renewals_days: z.number().int().positive().optional(),
    /** rows of the rep scorecard (default: all reps) */
    reps_limit: z.number().int().positive().optional(),
    /** data-quality findings listed (default 10) */
    quality_limit: z.number().int().positive().optional(),
    alerts: reportAlertsSchema.optional(),
  })
  .strict()

export type ReportConfig = z.infer<typeof reportConfigSchema>
export type ReportAlertsConfig = z.infer<typeof reportAlertsSchema>

/** the file kinds the `files:` section of the config may name */
export const configFileKinds = [
  'deals',
  'accounts',
  'reps',
  'quotas',
  'leads',
  'contracts',
  'history',
  'spend',
  'nps',
  'previous_deals',
] as const
