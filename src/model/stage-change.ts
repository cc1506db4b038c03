import type { z } from 'zod'
import type { stageChangeSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

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
