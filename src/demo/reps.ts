import { coordinateCell, dateCell } from './format-cells.js'
import type { DemoRep } from './sales-org.js'

export const REP_HEADER = [
  'id',
  'name',
  'email',
  'team',
  'manager',
  'role',
  'region',
  'territory',
  'hire_date',
  'end_date',
  'capacity',
  'skills',
  'home_lat',
  'home_lon',
] as const

export function repRow(rep: DemoRep): string[] {
  return [
    rep.id,
    rep.name,
    rep.email,
    rep.team,
    rep.manager,
    rep.role,
    rep.region,
    rep.territoryId,
    dateCell(rep.hireDate),
    dateCell(rep.endDate),
    rep.capacity === undefined ? '' : String(rep.capacity),
    rep.skills.join(';'),
    coordinateCell(rep.homeLat),
    coordinateCell(rep.homeLon),
  ]
}
