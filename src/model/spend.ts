import type { z } from 'zod'
import type { spendSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

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
