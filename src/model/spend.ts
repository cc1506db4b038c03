import { z } from 'zod'
import { centsSchema, sourceShape } from './cells.js'
import type { EntitySpec } from './cells.js'

/** Sales and marketing spend for one period (`2026-03`, `2026-Q1`, …) and channel. */
export const spendSchema = z.object({
  period: z.string().min(1),
  channel: z.string().optional(),
  amount: centsSchema,
  ...sourceShape,
})
export type Spend = z.infer<typeof spendSchema>

export const spendSpec: EntitySpec = {
  entity: 'spend',
  plural: 'spend rows',
  fields: [
    { name: 'period', kind: 'text', aliases: ['month', 'quarter'] },
    { name: 'channel', kind: 'text', aliases: ['category'] },
    { name: 'amount', kind: 'money', aliases: ['spend', 'cost'] },
  ],
  requiredColumns: [['period'], ['amount']],
  signature: ['channel', 'spend'],
}
