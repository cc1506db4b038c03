import type { z } from 'zod'
import type { contractSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

export type Contract = z.infer<typeof contractSchema>

export const contractSpec: EntitySpec = {
  entity: 'contract',
  plural: 'contracts',
  fields: [
    { name: 'id', kind: 'id', aliases: ['contract_id', 'contract_number'] },
    { name: 'account_id', kind: 'id', aliases: ['account'] },
    { name: 'owner', kind: 'text' },
    { name: 'product', kind: 'text' },
    { name: 'start', kind: 'date', aliases: ['start_date', 'contract_start'] },
    { name: 'end', kind: 'date', aliases: ['end_date', 'contract_end'] },
    { name: 'value', kind: 'money', aliases: ['arr', 'mrr', 'contract_value', 'amount'] },
    { name: 'currency', kind: 'currency' },
    { name: 'status', kind: 'text' },
    { name: 'auto_renew', kind: 'bool', aliases: ['autorenew', 'auto_renewal'] },
    { name: 'churn_date', kind: 'date', aliases: ['churned', 'cancel_date', 'cancellation_date'] },
    { name: 'renewal_of', kind: 'id', aliases: ['renews', 'previous_contract_id'] },
  ],
  requiredColumns: [['id'], ['account_id'], ['start'], ['end'], ['value']],
  signature: ['auto_renew', 'renewal_of', 'churn_date', 'arr', 'contract_id'],
}
