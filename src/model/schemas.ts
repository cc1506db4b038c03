/**
 * The zod schemas of every record (the types in the entity modules are inferred from them) and the
 * cell schemas they share. Kept apart from the entity modules so that loading a file does not
 * build them: only tests and documentation validate records against them (the loader's own
 * parsers are measured in docs/design.md). Never `z.coerce`: it turns "" into 0 and "false" into true.
 */
import { z } from 'zod'
import type { CalendarDate } from './calendar-date.js'
import type { Cents } from './money.js'
import { dealStatuses, forecastCategories, dealTypes } from './deal.js'

export const centsSchema = z.custom<Cents>(
  (v) => typeof v === 'number' && Number.isSafeInteger(v),
  'expected whole cents',
)
export const calendarDateSchema = z.custom<CalendarDate>(
  (v) => typeof v === 'number' && Number.isInteger(v),
  'expected a calendar date (days since 1970-01-01)',
)
/** A fraction 0..1 (25% is 0.25). */
export const ratioSchema = z.number().min(0).max(1)
export const text = z.string().min(1)
export const optionalText = text.optional()

/** Where a record came from: the file as the user named it and the physical line of its first cell. */
export const sourceShape = {
  source_file: z.string(),
  source_line: z.number().int().nonnegative(),
} as const

/** A customer or prospect company. `potential` in cents; `workload` in hours per year (or any unit, consistently). */
export const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  industry: z.string().optional(),
  segment: z.string().optional(),
  country: z.string().optional(),
  region: z.string().optional(),
  state: z.string().optional(),
  city: z.string().optional(),
  postal_code: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  annual_revenue: centsSchema.optional(),
  employees: z.number().int().nonnegative().optional(),
  potential: centsSchema.optional(),
  workload: z.number().nonnegative().optional(),
  owner: z.string().optional(),
  territory: z.string().optional(),
  /** kept with its current territory by `territories balance` and its current owner by `assign accounts` */
  locked: z.boolean().optional(),
  ...sourceShape,
})

/** A subscription contract. `value` is annual (ARR) in cents unless `--mrr` says the file is monthly. */
export const contractSchema = z.object({
  id: z.string().min(1),
  account_id: z.string().min(1),
  owner: z.string().optional(),
  product: z.string().optional(),
  start: calendarDateSchema,
  end: calendarDateSchema,
  value: centsSchema,
  currency: z.string().optional(),
  status: z.string().optional(),
  auto_renew: z.boolean().optional(),
  churn_date: calendarDateSchema.optional(),
  renewal_of: z.string().optional(),
  ...sourceShape,
})

/** A deal / opportunity. Amount and cost in cents, probability as a fraction, dates as calendar dates. */
export const dealSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  account_id: z.string().optional(),
  account: z.string().optional(),
  owner: z.string().optional(),
  stage: z.string().min(1),
  status: z.enum(dealStatuses),
  /** Position of the stage in the stage table (0-based), when the stage is known. */
  stage_order: z.number().int().optional(),
  amount: centsSchema.optional(),
  currency: z.string().optional(),
  probability: ratioSchema.optional(),
  forecast_category: z.enum(forecastCategories).optional(),
  created: calendarDateSchema.optional(),
  close_date: calendarDateSchema.optional(),
  type: z.enum(dealTypes).optional(),
  source: z.string().optional(),
  product: z.string().optional(),
  region: z.string().optional(),
  territory: z.string().optional(),
  team: z.string().optional(),
  segment: z.string().optional(),
  cost: centsSchema.optional(),
  last_activity: calendarDateSchema.optional(),
  pipeline: z.string().optional(),
  /** when the customer paid (commissions credited on payment) */
  payment_date: calendarDateSchema.optional(),
  /** annual recurring revenue of the deal, when it differs from the amount (commissions on ARR) */
  arr: centsSchema.optional(),
  /** credit split as written: `Ann:60%;Bo:40%` (parsed and checked by commissions) */
  split: z.string().optional(),
  ...sourceShape,
})

export const leadSchema = z.object({
  id: z.string().min(1),
  created: calendarDateSchema.optional(),
  source: z.string().optional(),
  status: z.string().optional(),
  owner: z.string().optional(),
  converted_date: calendarDateSchema.optional(),
  deal_id: z.string().optional(),
  company: z.string().optional(),
  email: z.string().optional(),
  segment: z.string().optional(),
  region: z.string().optional(),
  ...sourceShape,
})

/** One NPS survey answer, score 0–10. */
export const npsSchema = z.object({
  date: calendarDateSchema,
  account_id: z.string().optional(),
  score: z.number().int().min(0).max(10),
  ...sourceShape,
})

/**
 * A quota for one owner, team or territory over one period. The period is given either as a label
 * (`2026-Q1`, `2026-03`, `2026`) or as start/end; the loader resolves both to `start`/`end`
 * (inclusive calendar dates). Fiscal labels are resolved later, with the fiscal-year start.
 */
export const quotaSchema = z.object({
  owner: z.string().optional(),
  team: z.string().optional(),
  territory: z.string().optional(),
  period: z.string().optional(),
  start: calendarDateSchema.optional(),
  end: calendarDateSchema.optional(),
  amount: centsSchema,
  ...sourceShape,
})

/** A sales rep (or manager). `capacity` in accounts; `skills` a list matched against account fields. */
export const repSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  team: z.string().optional(),
  manager: z.string().optional(),
  role: z.string().optional(),
  region: z.string().optional(),
  territory: z.string().optional(),
  hire_date: calendarDateSchema.optional(),
  end_date: calendarDateSchema.optional(),
  capacity: z.number().nonnegative().optional(),
  skills: z.array(z.string()),
  home_lat: z.number().min(-90).max(90).optional(),
  home_lon: z.number().min(-180).max(180).optional(),
  ...sourceShape,
})

/** Sales and marketing spend for one period (`2026-03`, `2026-Q1`, …) and channel. */
export const spendSchema = z.object({
  period: z.string().min(1),
  channel: z.string().optional(),
  amount: centsSchema,
  ...sourceShape,
})

/** One move of a deal into a stage (stage history): Salesforce OpportunityHistory or the canonical file. */
export const stageChangeSchema = z.object({
  deal_id: z.string().min(1),
  date: calendarDateSchema,
  from_stage: z.string().optional(),
  to_stage: z.string().min(1),
  amount: centsSchema.optional(),
  close_date: calendarDateSchema.optional(),
  probability: ratioSchema.optional(),
  forecast_category: z.enum(forecastCategories).optional(),
  ...sourceShape,
})
