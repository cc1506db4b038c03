import { z } from 'zod'
import { calendarDateSchema, sourceShape } from './cells.js'
import type { EntitySpec } from './cells.js'

/** A sales rep (or manager). `capacity` in accounts; `skills` a list matched against account fields. */
export const repSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  team: z.string().optional(),
  manager: z.string().optional(),
  role: z.string().optional(),
  region: z.string().optional(),
  territory: z.string().optional(),
  hire_date: calendarDateSchema.optional(),
  end_date: calendarDateSchema.optional(),
  capacity: z.number().nonnegative().optional(),
  skills: z.array(z.string()),
  home_lat: z.number().min(-90).max(90).optional(),
  home_lon: z.number().min(-180).max(180).optional(),
  ...sourceShape,
})
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
