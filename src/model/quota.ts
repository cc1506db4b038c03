import { z } from 'zod'
import { calendarDateSchema, centsSchema, sourceShape } from './cells.js'
import type { EntitySpec } from './cells.js'

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
export type Quota = z.infer<typeof quotaSchema>

export const quotaSpec: EntitySpec = {
  entity: 'quota',
  plural: 'quotas',
  fields: [
    { name: 'owner', kind: 'text', aliases: ['rep', 'rep_name'] },
    { name: 'team', kind: 'text' },
    { name: 'territory', kind: 'text' },
    { name: 'period', kind: 'text', aliases: ['quarter', 'month', 'year'] },
    { name: 'start', kind: 'date', aliases: ['period_start', 'start_date'] },
    { name: 'end', kind: 'date', aliases: ['period_end', 'end_date'] },
    { name: 'amount', kind: 'money', aliases: ['quota', 'quota_amount', 'target'] },
  ],
  requiredColumns: [['amount'], ['owner', 'team', 'territory'], ['period', 'start']],
  signature: ['quota', 'period', 'quota_amount', 'target'],
}
