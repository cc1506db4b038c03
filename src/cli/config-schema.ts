/**
 * The config file's schema (zod) and its parsing: loaded by `loadConfig` only when there is a
 * config file, so that a run without one does not build the schemas.
 */
import { z } from 'zod'
import { UsageError } from '../errors.js'
import { dealStatuses, forecastCategories } from '../model/deal.js'
import { configFileKinds, reportConfigSchema } from './report-config.js'

const stageSchema = z
  .object({
    name: z.string().min(1),
    status: z.enum(dealStatuses),
    probability: z.number().min(0).max(100).optional(),
    forecast_category: z.enum(forecastCategories).optional(),
    aliases: z.array(z.string()).optional(),
  })
  .strict()

const fieldMap = z.record(z.string(), z.string())

export const configSchema = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'expected a 3-letter currency code')
      .optional(),
    locale: z.string().optional(),
    fiscal_year_start: z.number().int().min(1).max(12).optional(),
    profile: z.string().optional(),
    encoding: z.string().optional(),
    date_format: z.string().optional(),
    stale_days: z.number().int().positive().optional(),
    /** canonical field → header, for every file, or per entity: `{ deals: { amount: "Total" } }` */
    mappings: z.record(z.string(), z.union([z.string(), fieldMap])).optional(),
    /** the stage table, in pipeline order (probability 0–100) */
    stages: z.array(stageSchema).optional(),
    /** input files by kind, for commands that take several (report) */
    files: z.partialRecord(z.enum(configFileKinds), z.union([z.string(), z.array(z.string())])).optional(),
    /** the weekly report: sections, period, alert thresholds */
    report: reportConfigSchema.optional(),
    /** funnel settings: the buyer-journey phase of each stage */
    funnel: z
      .object({ phases: z.record(z.string(), z.enum(['awareness', 'consideration', 'decision'])).optional() })
      .strict()
      .optional(),
  })
  .strict()

export type Config = z.infer<typeof configSchema>

function describeZodIssues(file: string, error: z.ZodError): UsageError {
  const lines = error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('')
    return `${path === '' ? '(top level)' : path}: ${issue.message}`
  })
  return new UsageError('CONFIG_INVALID', `${file}: ${lines[0] ?? 'invalid'}`, { details: lines.slice(1) })
}

/** The config in `text` (JSON, or YAML for a .yaml/.yml file), validated; errors name `file` and the key path. */
export async function parseConfig(file: string, text: string): Promise<Config> {
  let data: unknown
  try {
    data = /\.ya?ml$/i.test(file) ? (await import('yaml')).parse(text) : JSON.parse(text)
  } catch (error) {
    throw new UsageError(
      'CONFIG_SYNTAX',
      `${file}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
      { cause: error },
    )
  }
  const result = configSchema.safeParse(data ?? {})
  if (!result.success) throw describeZodIssues(file, result.error)
  return result.data
}
