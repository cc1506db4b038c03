import { z } from 'zod'
import { centsSchema, sourceShape } from './cells.js'
import type { EntitySpec } from './cells.js'

/** A customer or prospect company. `potential` in cents; `workload` in hours per year (or any unit, consistently). */
export const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  industry: z.string().optional(),
  segment: z.string().optional(),
  country: z.string().optional(),
  region: z.string().optional(),
  state: z.string().optional(),
  city: z.string().optional(),
  postal_code: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  annual_revenue: centsSchema.optional(),
  employees: z.number().int().nonnegative().optional(),
  potential: centsSchema.optional(),
  workload: z.number().nonnegative().optional(),
  owner: z.string().optional(),
  territory: z.string().optional(),
  /** kept with its current territory by `territories balance` and its current owner by `assign accounts` */
  locked: z.boolean().optional(),
  ...sourceShape,
})
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
