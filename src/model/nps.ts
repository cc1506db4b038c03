import { z } from 'zod'
import { calendarDateSchema, sourceShape } from './cells.js'
import type { EntitySpec } from './cells.js'

/** One NPS survey answer, score 0–10. */
export const npsSchema = z.object({
  date: calendarDateSchema,
  account_id: z.string().optional(),
  score: z.number().int().min(0).max(10),
  ...sourceShape,
})
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
