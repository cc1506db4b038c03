import { z } from 'zod'
import { calendarDateSchema, centsSchema, ratioSchema, sourceShape } from './cells.js'
import type { EntitySpec } from './cells.js'
import { forecastCategories } from './deal.js'

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
export type StageChange = z.infer<typeof stageChangeSchema>

export const stageChangeSpec: EntitySpec = {
  entity: 'stage_change',
  plural: 'stage changes',
  fields: [
    { name: 'deal_id', kind: 'id', aliases: ['opportunity_id', 'id'] },
    { name: 'date', kind: 'date', aliases: ['changed_at', 'change_date'] },
    { name: 'from_stage', kind: 'text', aliases: ['old_stage', 'previous_stage'] },
    { name: 'to_stage', kind: 'text', aliases: ['stage', 'new_stage'] },
    { name: 'amount', kind: 'money' },
    { name: 'close_date', kind: 'date' },
    { name: 'probability', kind: 'probability' },
    { name: 'forecast_category', kind: 'text' },
    {
      name: 'is_deleted',
      kind: 'bool',
      inputOnly: true,
      doc: 'rows marked deleted (Salesforce IsDeleted) are dropped and counted',
    },
  ],
  requiredColumns: [['deal_id'], ['date'], ['to_stage']],
  signature: ['from_stage', 'to_stage', 'changed_at', 'opportunityid', 'prevamount', 'oldvalue'],
}
