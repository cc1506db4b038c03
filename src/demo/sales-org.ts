import type { Random } from '../domain/shared/random.js'
import { daysFromCivil } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { historyStart } from './demo-calendar.js'
import { citiesIn } from './geography.js'
import type { Region } from './geography.js'
import { emailAddress, personName } from './names.js'
import { clamp, logNormal, uniform } from './random-helpers.js'
import { INDUSTRIES, SEGMENTS } from './sales-model.js'
import type { Segment } from './sales-model.js'

export const COMPANY_DOMAIN = 'brightwave.io'

export interface DemoTeam {
  readonly name: string
  /** territory ids are `${code}-${n}` */
  readonly code: string
  readonly regions: readonly Region[]
  readonly territoryCount: number
  readonly segments: readonly Segment[]
}

export const TEAMS: readonly DemoTeam[] = [
  {
    name: 'Enterprise',
    code: 'NA-ENT',
    regions: ['NA East', 'NA West'],
    territoryCount: 7,
    segments: ['Enterprise'],
  },
  {
    name: 'NA East',
    code: 'NA-East',
    regions: ['NA East'],
    territoryCount: 10,
    segments: ['SMB', 'Mid-Market'],
  },
  {
    name: 'NA West',
    code: 'NA-West',
    regions: ['NA West'],
    territoryCount: 9,
    segments: ['SMB', 'Mid-Market'],
  },
  { name: 'EMEA', code: 'EMEA', regions: ['EMEA'], territoryCount: 8, segments: SEGMENTS },
  { name: 'APAC', code: 'APAC', regions: ['APAC'], territoryCount: 5, segments: SEGMENTS },
]

export interface DemoRep {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly team: string
  readonly manager: string
  readonly role: 'Account Executive' | 'Manager'
  readonly region: Region
  /** '' for managers */
  readonly territoryId: string
  readonly hireDate: CalendarDate
  readonly endDate: CalendarDate | undefined
  readonly capacity: number | undefined
  readonly skills: readonly string[]
  readonly homeLat: number
  readonly homeLon: number
  /** multiplies the odds of winning: strong reps > 1, weak reps < 1 */
  readonly winFactor: number
  /** multiplies the number of deals the rep opens */
  readonly volumeFactor: number
  /** multiplies the rep's deal sizes */
  readonly sizeFactor: number
}

export interface DemoTerritory {
  readonly id: string
  readonly team: DemoTeam
  readonly region: Region
  /** the reps who owned it, in hiring order; the last one hired by a date owns it then */
  readonly owners: readonly DemoRep[]
}

export interface SalesOrg {
  /** managers first, then account executives by team and territory */
  readonly reps: readonly DemoRep[]
  readonly territories: readonly DemoTerritory[]
}

/** Territories whose first rep joined in the last six months: still ramping at the snapshot. */
const RECENT_HIRES = new Set(['NA-East-10', 'NA-West-9', 'EMEA-8'])
/** Territories opened during the history (head-count growth). */
const GROWTH_HIRES = new Set(['NA-ENT-7', 'NA-East-9', 'NA-West-8', 'EMEA-7', 'APAC-5'])

interface Leaver {
  /** end date from the history start (older leavers) or before the snapshot (recent ones) */
  readonly endDays: readonly [number, number]
  readonly fromSnapshot: boolean
  readonly replacementAfterDays: readonly [number, number] | undefined
}

const LEAVERS: Readonly<Record<string, Leaver>> = {
  'NA-ENT-2': { endDays: [420, 500], fromSnapshot: false, replacementAfterDays: [30, 60] },
  'NA-West-3': { endDays: [200, 240], fromSnapshot: true, replacementAfterDays: [45, 80] },
  'EMEA-1': { endDays: [12, 30], fromSnapshot: true, replacementAfterDays: undefined },
}

const TENURED_SINCE = daysFromCivil(2017, 6, 1)

/**
 * Sales productivity in the first months: 20% in the first month, full after six.
 * Zero before the hire date and from the end date on.
 */
export function rampFactor(rep: DemoRep, date: CalendarDate): number {
  if (date < rep.hireDate || (rep.endDate !== undefined && date >= rep.endDate)) return 0
  const months = (date - rep.hireDate) / 30.44
  return Math.min(1, 0.2 + (0.8 * months) / 6)
}

/** The rep who owns a territory on a date: the last one hired by then (a leaver until replaced). */
export function ownerAt(territory: DemoTerritory, date: CalendarDate): DemoRep {
  let owner = territory.owners[0]
  for (const rep of territory.owners) if (rep.hireDate <= date) owner = rep
  if (owner === undefined) throw new RangeError(`territory ${territory.id} has no owner`)
  return owner
}

/** The rep working a territory on a date, if any. */
export function activeRepAt(territory: DemoTerritory, date: CalendarDate): DemoRep | undefined {
  for (const rep of territory.owners) {
    if (rep.hireDate <= date && (rep.endDate === undefined || date < rep.endDate)) return rep
  }
  return undefined
}

function skillsFor(random: Random, team: DemoTeam): string[] {
  const industry = random.pick(INDUSTRIES)
  if (team.name === 'Enterprise') return ['Enterprise', industry]
  const segments = team.segments.filter((s) => s !== 'Enterprise' || random.next() < 0.4)
  const chosen = random.next() < 0.5 ? segments : [random.pick(segments)]
  return random.next() < 0.5 ? [...chosen, industry] : chosen
}

/**
 * The sales organisation: five teams with one manager each, one account executive per territory,
 * a few leavers (two replaced, one not yet) and recent hires who are still ramping.
 * `capacityScale` grows capacities when the demo has many more accounts than usual.
 */
export function buildSalesOrg(random: Random, snapshot: CalendarDate, capacityScale: number): SalesOrg {
  const start = historyStart(snapshot)
  const usedNames = new Set<string>()
  let nextId = 1
  const reps: DemoRep[] = []
  const territories: DemoTerritory[] = []

  const newPerson = (): { name: string; email: string } => {
    for (;;) {
      const person = personName(random)
      const name = `${person.first} ${person.last}`
      if (!usedNames.has(name)) {
        usedNames.add(name)
        return { name, email: emailAddress(person, COMPANY_DOMAIN) }
      }
    }
  }
  const home = (region: Region): { homeLat: number; homeLon: number } => {
    const city = random.pick(citiesIn(region))
    return {
      homeLat: city.lat + uniform(random, -0.25, 0.25),
      homeLon: city.lon + uniform(random, -0.25, 0.25),
    }
  }
  const takeId = (): string => `R-${String(nextId++).padStart(3, '0')}`

  const managers = TEAMS.map((team): DemoRep => {
    const region = team.regions[0] ?? 'NA East'
    return {
      id: takeId(),
      ...newPerson(),
      team: team.name,
      manager: '',
      role: 'Manager',
      region,
      territoryId: '',
      hireDate: (TENURED_SINCE + random.int(-700, 600)) as CalendarDate,
      endDate: undefined,
      capacity: undefined,
      skills: [],
      ...home(region),
      winFactor: 1,
      volumeFactor: 0,
      sizeFactor: 1,
    }
  })
  reps.push(...managers)

  TEAMS.forEach((team, teamIndex) => {
    const manager = managers[teamIndex]?.name ?? ''
    for (let n = 1; n <= team.territoryCount; n++) {
      const id = `${team.code}-${n}`
      const region = team.regions[(n - 1) % team.regions.length] ?? 'NA East'
      const baseCapacity = team.name === 'Enterprise' ? random.int(40, 60) : random.int(70, 100)
      const capacity = Math.round(baseCapacity * capacityScale)
      const skills = skillsFor(random, team)
      const ae = (hireDate: number, endDate: number | undefined): DemoRep => ({
        id: takeId(),
        ...newPerson(),
        team: team.name,
        manager,
        role: 'Account Executive',
        region,
        territoryId: id,
        hireDate: hireDate as CalendarDate,
        endDate: endDate as CalendarDate | undefined,
        capacity,
        skills,
        ...home(region),
        winFactor: clamp(logNormal(random, 0.35), 0.5, 1.9),
        volumeFactor: clamp(logNormal(random, 0.2), 0.7, 1.4),
        sizeFactor: clamp(logNormal(random, 0.12), 0.8, 1.25),
      })
      const hire = RECENT_HIRES.has(id)
        ? snapshot - random.int(25, 170)
        : GROWTH_HIRES.has(id)
          ? start + random.int(60, 700)
          : random.int(TENURED_SINCE, start - 30)
      const leaver = LEAVERS[id]
      const owners: DemoRep[] = []
      if (leaver === undefined) {
        owners.push(ae(hire, undefined))
      } else {
        const [lo, hi] = leaver.endDays
        const end = leaver.fromSnapshot ? snapshot - random.int(lo, hi) : start + random.int(lo, hi)
        owners.push(ae(hire, end))
        if (leaver.replacementAfterDays !== undefined) {
          const [after, before] = leaver.replacementAfterDays
          owners.push(ae(end + random.int(after, before), undefined))
        }
      }
      reps.push(...owners)
      territories.push({ id, team, region, owners })
    }
  })
  return { reps, territories }
}
