import type { z } from 'zod'
import type { npsSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

export type NpsResponse = z.infer<typeof npsSchema>

export const npsSpec: EntitySpec = {
  entity: 'nps',
  plural: 'NPS responses',
  fields: [
    { name: 'date', kind: 'date', aliases: ['response_date', 'submitted'] },
    { name: 'account_id', kind: 'id', aliases: ['account'] },
    { name: 'score', kind: 'int', aliases: ['nps', 'nps_score', 'rating'] },
  ],
  requiredColumns: [['date'], ['score']],
  signature: ['score', 'nps_score'],
}
