import type { z } from 'zod'
import type { accountSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

export type Account = z.infer<typeof accountSchema>

export const accountSpec: EntitySpec = {
  entity: 'account',
  plural: 'accounts',
  fields: [
    { name: 'id', kind: 'id', aliases: ['account_id'] },
    { name: 'name', kind: 'text', aliases: ['account_name', 'company'] },
    { name: 'industry', kind: 'text' },
    { name: 'segment', kind: 'text' },
    { name: 'country', kind: 'text' },
    { name: 'region', kind: 'text' },
    { name: 'state', kind: 'text', aliases: ['billing_state', 'state_province'] },
    { name: 'city', kind: 'text', aliases: ['billing_city'] },
    {
      name: 'postal_code',
      kind: 'id',
      aliases: ['zip', 'zip_code', 'postcode', 'billing_zip', 'billing_postal_code'],
    },
    { name: 'lat', kind: 'number', aliases: ['latitude'] },
    { name: 'lon', kind: 'number', aliases: ['lng', 'longitude'] },
    { name: 'annual_revenue', kind: 'money', aliases: ['revenue'] },
    { name: 'employees', kind: 'int', aliases: ['number_of_employees', 'employee_count'] },
    { name: 'potential', kind: 'money' },
    { name: 'workload', kind: 'number' },
    { name: 'owner', kind: 'text', aliases: ['account_owner'] },
    { name: 'territory', kind: 'text' },
    {
      name: 'locked',
      kind: 'bool',
      doc: 'true/yes/1/x: the account keeps its territory (territories balance) and owner (assign accounts)',
    },
  ],
  requiredColumns: [['id']],
  signature: ['industry', 'employees', 'annual_revenue', 'postal_code', 'potential', 'workload', 'lat'],
}
