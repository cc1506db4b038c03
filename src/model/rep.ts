import type { z } from 'zod'
import type { repSchema } from './schemas.js'
import type { EntitySpec } from './cells.js'

export type Rep = z.infer<typeof repSchema>

export const repSpec: EntitySpec = {
  entity: 'rep',
  plural: 'reps',
  fields: [
    { name: 'id', kind: 'id', aliases: ['rep_id', 'user_id', 'employee_id'] },
    { name: 'name', kind: 'text', aliases: ['rep', 'rep_name', 'full_name'] },
    { name: 'email', kind: 'text' },
    { name: 'team', kind: 'text' },
    { name: 'manager', kind: 'text' },
    { name: 'role', kind: 'text', aliases: ['title'] },
    { name: 'region', kind: 'text' },
    { name: 'territory', kind: 'text' },
    { name: 'hire_date', kind: 'date', aliases: ['start_date', 'hired'] },
    { name: 'end_date', kind: 'date', aliases: ['termination_date'] },
    { name: 'capacity', kind: 'number' },
    { name: 'skills', kind: 'list' },
    { name: 'home_lat', kind: 'number' },
    { name: 'home_lon', kind: 'number' },
  ],
  requiredColumns: [['name', 'id']],
  signature: ['hire_date', 'manager', 'capacity', 'skills', 'home_lat', 'email'],
}
