import { createRandom } from '../domain/shared/random.js'
import type { Random } from '../domain/shared/random.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { dateCell } from './format-cells.js'
import { citiesIn } from './geography.js'
import { companyDomain, companyName, emailAddress, personName } from './names.js'
import { pickWeighted, subSeed } from './random-helpers.js'
import { INDUSTRIES, SOURCE_PROFILES } from './sales-model.js'
import type { Segment } from './sales-model.js'
import { simulateDeals } from './deal-simulation.js'
import type { DemoDeal } from './deal-simulation.js'
import { STREAM } from './world.js'
import type { DemoWorld } from './world.js'

export const LEAD_HEADER = [
  'id',
  'created',
  'source',
  'status',
  'owner',
  'converted_date',
  'deal_id',
  'company',
  'email',
  'segment',
  'region',
] as const

const PROSPECT_SEGMENTS: Readonly<Record<Segment, number>> = { SMB: 60, 'Mid-Market': 30, Enterprise: 10 }

function leadId(n: number): string {
  return `L-${String(n).padStart(6, '0')}`
}

function openLead(random: Random, n: number, deal: DemoDeal, snapshot: CalendarDate): string[] {
  const region = deal.account.city.region
  const city = random.pick(citiesIn(region))
  const company = companyName(random, random.pick(INDUSTRIES), city.legalForms)
  const created = (deal.created - random.int(0, 25)) as CalendarDate
  const status =
    snapshot - created < 21
      ? random.next() < 0.5
        ? 'Open'
        : 'Working'
      : random.next() < 0.45
        ? 'Nurture'
        : 'Disqualified'
  return [
    leadId(n),
    dateCell(created),
    deal.source,
    status,
    deal.creator.name,
    '',
    '',
    company,
    emailAddress(personName(random), companyDomain(company)),
    pickWeighted(random, PROSPECT_SEGMENTS),
    region,
  ]
}

function convertedLead(random: Random, n: number, deal: DemoDeal): string[] {
  return [
    leadId(n),
    dateCell(deal.created - random.int(0, 25)),
    deal.source,
    'Converted',
    deal.creator.name,
    dateCell(deal.created),
    deal.id,
    deal.account.name,
    emailAddress(personName(random), companyDomain(deal.account.name)),
    deal.account.segment,
    deal.account.city.region,
  ]
}

/**
 * Leads beside the new-business deals: some deals began as a converted lead (converted the day the
 * deal was created), and each source brings unconverted leads in proportion to its conversion rate.
 */
export function* leadRows(world: DemoWorld): Generator<string[]> {
  const random = createRandom(subSeed(world.seed, STREAM.leads))
  let n = 0
  for (const deal of simulateDeals(world)) {
    if (deal.type !== 'new') continue
    const profile = SOURCE_PROFILES[deal.source]
    const unconverted = profile.fromLeadShare * (1 / profile.leadConversion - 1)
    const count = Math.floor(unconverted + random.next())
    for (let k = 0; k < count; k++) yield openLead(random, ++n, deal, world.snapshot)
    if (random.next() < profile.fromLeadShare) yield convertedLead(random, ++n, deal)
  }
}
