import type { Random } from '../domain/shared/random.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { coordinateCell, moneyCell, roundedCents } from './format-cells.js'
import { CITIES, nearbyPostalCode, REGION_WEIGHTS } from './geography.js'
import type { City, Region } from './geography.js'
import { companyName } from './names.js'
import { clamp, logNormal, pickCumulative, pickWeighted, uniform } from './random-helpers.js'
import { SEGMENT_PROFILES } from './sales-model.js'
import type { Industry, Segment } from './sales-model.js'
import { ownerAt } from './sales-org.js'
import type { DemoTerritory, SalesOrg } from './sales-org.js'

export interface DemoAccount {
  readonly id: string
  readonly name: string
  readonly industry: Industry
  readonly segment: Segment
  readonly city: City
  readonly postalCode: string
  readonly lat: number
  readonly lon: number
  readonly annualRevenueCents: number
  readonly employees: number
  readonly potentialCents: number
  readonly workloadHours: number
  readonly territory: DemoTerritory
  /** relative number of deals this account produces */
  readonly dealWeight: number
}

export const ACCOUNT_HEADER = [
  'id',
  'name',
  'industry',
  'segment',
  'country',
  'region',
  'state',
  'city',
  'postal_code',
  'lat',
  'lon',
  'annual_revenue',
  'employees',
  'potential',
  'workload',
  'owner',
  'territory',
] as const

const INDUSTRY_WEIGHTS: Readonly<Record<Industry, number>> = {
  Software: 20,
  Healthcare: 12,
  'Financial Services': 14,
  Manufacturing: 14,
  Retail: 10,
  Logistics: 8,
  Media: 7,
  Energy: 6,
  Education: 9,
}
const SEGMENT_WEIGHTS: Readonly<Record<Segment, number>> = { SMB: 55, 'Mid-Market': 30, Enterprise: 15 }
const EMPLOYEES: Readonly<Record<Segment, readonly [number, number, number]>> = {
  // median, min, max
  SMB: [45, 8, 199],
  'Mid-Market': [600, 200, 1999],
  Enterprise: [7000, 2000, 80000],
}
const WORKLOAD_HOURS: Readonly<Record<Segment, number>> = { SMB: 16, 'Mid-Market': 50, Enterprise: 160 }

/** The territory an account belongs to: NA enterprise accounts go to the Enterprise team. */
function territoryFor(random: Random, org: SalesOrg, region: Region, segment: Segment): DemoTerritory {
  const enterpriseTeam = segment === 'Enterprise' && (region === 'NA East' || region === 'NA West')
  const candidates = org.territories.filter((t) =>
    enterpriseTeam
      ? t.team.name === 'Enterprise' && t.region === region
      : t.team.name !== 'Enterprise' && t.team.regions.includes(region),
  )
  const cumulative: number[] = []
  let total = 0
  for (const t of candidates) {
    total += t.owners[0]?.capacity ?? 1
    cumulative.push(total)
  }
  const territory = candidates[pickCumulative(random, cumulative)]
  if (territory === undefined) throw new RangeError(`no territory for ${region} ${segment}`)
  return territory
}

/** `count` companies with unique names around real cities, each in one territory. */
export function buildAccounts(random: Random, count: number, org: SalesOrg): DemoAccount[] {
  const names = new Set<string>()
  const citiesByRegion = new Map<Region, { cities: City[]; cumulative: number[] }>()
  for (const city of CITIES) {
    const entry = citiesByRegion.get(city.region) ?? { cities: [], cumulative: [] }
    entry.cities.push(city)
    entry.cumulative.push((entry.cumulative[entry.cumulative.length - 1] ?? 0) + city.weight)
    citiesByRegion.set(city.region, entry)
  }
  const accounts: DemoAccount[] = []
  for (let i = 0; i < count; i++) {
    const region = pickWeighted(random, REGION_WEIGHTS)
    const inRegion = citiesByRegion.get(region)
    const city = inRegion?.cities[pickCumulative(random, inRegion.cumulative)]
    if (city === undefined) throw new RangeError(`no city in ${region}`)
    const industry = pickWeighted(random, INDUSTRY_WEIGHTS)
    const segment = pickWeighted(random, SEGMENT_WEIGHTS)
    let name = companyName(random, industry, city.legalForms)
    for (let attempt = 0; names.has(name); attempt++) {
      name =
        attempt < 8 ? companyName(random, industry, city.legalForms) : `${name.split(' ')[0] ?? ''}x ${name}`
    }
    names.add(name)
    const [median, min, max] = EMPLOYEES[segment]
    const employees = Math.round(clamp(median * logNormal(random, 0.7), min, max))
    const profile = SEGMENT_PROFILES[segment]
    accounts.push({
      id: `A-${String(i + 1).padStart(5, '0')}`,
      name,
      industry,
      segment,
      city,
      postalCode: nearbyPostalCode(city.postalCode, random.int(0, 40)),
      lat: city.lat + uniform(random, -0.12, 0.12),
      lon: city.lon + uniform(random, -0.12, 0.12),
      annualRevenueCents: roundedCents(employees * uniform(random, 120_000, 300_000), 1000),
      employees,
      potentialCents: roundedCents(profile.medianAmount * 2.5 * logNormal(random, 0.45), 1000),
      workloadHours: Math.max(2, Math.round(WORKLOAD_HOURS[segment] * logNormal(random, 0.35))),
      territory: territoryFor(random, org, region, segment),
      dealWeight: profile.dealsPerAccount * logNormal(random, 0.4),
    })
  }
  return accounts
}

export function accountRow(account: DemoAccount, snapshot: CalendarDate): string[] {
  return [
    account.id,
    account.name,
    account.industry,
    account.segment,
    account.city.country,
    account.city.region,
    account.city.state,
    account.city.city,
    account.postalCode,
    coordinateCell(account.lat),
    coordinateCell(account.lon),
    moneyCell(account.annualRevenueCents),
    String(account.employees),
    moneyCell(account.potentialCents),
    String(account.workloadHours),
    ownerAt(account.territory, snapshot).name,
    account.territory.id,
  ]
}
