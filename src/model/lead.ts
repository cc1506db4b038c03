import type { z } from 'zod'
import type { leadSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

export type Lead = z.infer<typeof leadSchema>

export const leadSpec: EntitySpec = {
  entity: 'lead',
  plural: 'leads',
  fields: [
    { name: 'id', kind: 'id', aliases: ['lead_id'] },
    { name: 'created', kind: 'date', aliases: ['created_date', 'create_date'] },
    { name: 'source', kind: 'text', aliases: ['lead_source'] },
    { name: 'status', kind: 'text', aliases: ['lead_status'] },
    { name: 'owner', kind: 'text', aliases: ['lead_owner'] },
    { name: 'converted_date', kind: 'date', aliases: ['conversion_date'] },
    { name: 'deal_id', kind: 'id', aliases: ['converted_opportunity_id', 'opportunity_id'] },
    { name: 'company', kind: 'text', aliases: ['company_name'] },
    { name: 'email', kind: 'text' },
    { name: 'segment', kind: 'text' },
    { name: 'region', kind: 'text' },
  ],
  requiredColumns: [['id']],
  signature: ['converted_date', 'lead_source', 'lead_status', 'lead_id'],
}
