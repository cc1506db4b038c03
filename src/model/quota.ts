import type { z } from 'zod'
import type { quotaSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

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
