import { createRandom } from '../domain/shared/random.js'
import type { Random } from '../domain/shared/random.js'
import type { CalendarDate } from '../model/calendar-date.js'
import type { DemoAccount } from './accounts.js'
import {
  endOfMonth,
  nextWorkday,
  previousWorkday,
  quarterEnd,
  quarterIndex,
  quarterStart,
} from './demo-calendar.js'
import { roundedCents } from './format-cells.js'
import { clamp, logNormal, pickCumulative, pickWeighted, uniform } from './random-helpers.js'
import {
  ADVANCE_PROBABILITY,
  DEAL_TYPE_WEIGHTS,
  LOST,
  PRODUCT_AMOUNT_FACTOR,
  PRODUCT_WEIGHTS,
  SEGMENT_PROFILES,
  SOURCE_PROFILES,
  STAGE_DWELL_FACTOR,
  TYPE_PROFILES,
  WON,
} from './sales-model.js'
import type { DemoDealType, Product, Source, StageIndex } from './sales-model.js'
import { activeRepAt, ownerAt, rampFactor } from './sales-org.js'
import type { DemoRep, DemoTerritory } from './sales-org.js'
import { STREAM, territoryOpeningWeight } from './world.js'
import type { DemoWorld } from './world.js'
import { subSeed } from './random-helpers.js'

/** One stage move, with the amount and planned close date as they were right after it. */
export interface DemoMove {
  readonly date: CalendarDate
  /** undefined for the entry into the first stage */
  readonly from: StageIndex | undefined
  readonly to: StageIndex
  readonly amountCents: number
  readonly closeDate: CalendarDate
}

export type DemoDealStatus = 'open' | 'won' | 'lost'

/** A deal as seen at the snapshot: its recorded moves (none after the snapshot) and current state. */
export interface DemoDeal {
  readonly id: string
  readonly account: DemoAccount
  readonly territory: DemoTerritory
  /** the rep who opened it */
  readonly creator: DemoRep
  /** the rep who owns it now (or owned it when it closed): a replacement takes over a leaver's deals */
  readonly owner: DemoRep
  readonly type: DemoDealType
  readonly source: Source
  readonly product: Product
  readonly created: CalendarDate
  readonly moves: readonly DemoMove[]
  readonly stage: StageIndex
  readonly status: DemoDealStatus
  readonly amountCents: number
  readonly closeDate: CalendarDate
  readonly lastActivity: CalendarDate
  readonly costCents: number | undefined
  /** lost in reality but never closed out in the CRM */
  readonly stale: boolean
}

const NEW_SOURCE_WEIGHTS = sourceWeights('newWeight')
const EXISTING_SOURCE_WEIGHTS = sourceWeights('existingWeight')

function sourceWeights(key: 'newWeight' | 'existingWeight'): Record<Source, number> {
  const weights = {} as Record<Source, number>
  for (const [source, profile] of Object.entries(SOURCE_PROFILES) as [
    Source,
    (typeof SOURCE_PROFILES)[Source],
  ][]) {
    weights[source] = profile[key]
  }
  return weights
}

/** Share of deals that were really lost but never closed out in the CRM (zombie pipeline). */
const ZOMBIE_SHARE = 0.05

/**
 * Closes bunch at quarter ends: a deal won in the last six weeks of a quarter is often signed in
 * its last days, and one won early in a quarter was sometimes pulled into the previous one.
 */
function bunchAtQuarterEnd(random: Random, date: CalendarDate, previous: CalendarDate): CalendarDate {
  const quarter = quarterIndex(date)
  const end = quarterEnd(quarter)
  const r = random.next()
  if (end - date <= 40 && r < 0.7) {
    const signed = previousWorkday(end - random.int(0, 8))
    return signed >= date ? signed : date
  }
  const start = quarterStart(quarter)
  if (date - start <= 21 && r < 0.4) {
    const pulled = previousWorkday(start - 1 - random.int(0, 6))
    return pulled > previous ? pulled : date
  }
  return date
}

function simulateDeal(
  random: Random,
  world: DemoWorld,
  index: number,
  created: CalendarDate,
  territory: DemoTerritory,
  creator: DemoRep,
  account: DemoAccount,
): DemoDeal {
  const profile = SEGMENT_PROFILES[account.segment]
  const type = pickWeighted(random, DEAL_TYPE_WEIGHTS)
  const typeProfile = TYPE_PROFILES[type]
  const source = pickWeighted(random, type === 'new' ? NEW_SOURCE_WEIGHTS : EXISTING_SOURCE_WEIGHTS)
  const product = pickWeighted(random, PRODUCT_WEIGHTS[type])
  const ramp = rampFactor(creator, created)

  const units =
    profile.medianAmount *
    typeProfile.amountFactor *
    PRODUCT_AMOUNT_FACTOR[product] *
    creator.sizeFactor *
    logNormal(random, profile.amountSigma)
  let amountCents = roundedCents(units, profile.amountStep)
  const odds =
    profile.winFactor *
    SOURCE_PROFILES[source].winFactor *
    creator.winFactor *
    typeProfile.winFactor *
    (0.7 + 0.3 * ramp)
  const stepBoost = Math.pow(odds, 1 / 5)
  // bigger deals take longer; each deal has its own pace
  const sizeAdjustment = clamp(Math.pow(units / profile.medianAmount, 0.3), 0.6, 1.8)
  const stageDays = profile.stageDays * typeProfile.speedFactor * sizeAdjustment * logNormal(random, 0.25)
  // reps plan the close date as if the deal moved faster than it will
  const optimism = uniform(random, 0.5, 0.9)
  const plannedClose = (from: CalendarDate, stage: StageIndex): CalendarDate => {
    let remaining = 0
    for (let s = stage; s < WON; s++) remaining += stageDays * (STAGE_DWELL_FACTOR[s] ?? 1)
    const planned = (from + Math.max(7, Math.round(optimism * remaining))) as CalendarDate
    return random.next() < 0.4 ? endOfMonth(planned) : planned
  }

  let stage: StageIndex =
    type === 'new'
      ? source === 'Inbound' && random.next() < 0.35
        ? 1
        : SOURCE_PROFILES[source].entryStage
      : typeProfile.entryStage
  let closeDate = plannedClose(created, stage)
  const moves: DemoMove[] = [{ date: created, from: undefined, to: stage, amountCents, closeDate }]
  let at = created
  for (;;) {
    const advance = random.next() < Math.min(0.97, (ADVANCE_PROBABILITY[stage] ?? 0.5) * stepBoost)
    const dwell = stageDays * (STAGE_DWELL_FACTOR[stage] ?? 1) * logNormal(random, 0.6) * (advance ? 1 : 1.8)
    let next = nextWorkday(at + Math.max(1, Math.round(dwell)))
    if (!advance) {
      moves.push({ date: next, from: stage, to: LOST, amountCents, closeDate: next })
      break
    }
    const to = (stage + 1) as StageIndex
    if (to === WON) {
      next = bunchAtQuarterEnd(random, next, at)
      moves.push({ date: next, from: stage, to, amountCents, closeDate: next })
      break
    }
    if ((to === 2 || to === 3) && random.next() < 0.35) {
      amountCents = roundedCents((amountCents / 100) * logNormal(random, 0.2), profile.amountStep)
    } else if (to === 4 && random.next() < 0.45) {
      amountCents = Math.round(amountCents * (1 - uniform(random, 0.02, 0.12)))
    }
    const replanned = plannedClose(next, to)
    if (replanned > closeDate) closeDate = replanned
    moves.push({ date: next, from: stage, to, amountCents, closeDate })
    at = next
    stage = to
  }

  const snapshot = world.snapshot
  const recorded = moves.filter((m) => m.date <= snapshot)
  const outcome = moves[moves.length - 1]
  const zombie =
    outcome !== undefined &&
    outcome.to === LOST &&
    outcome.date <= snapshot &&
    outcome.date > snapshot - 400 &&
    random.next() < ZOMBIE_SHARE
  if (zombie) recorded.pop()
  const current = recorded[recorded.length - 1]
  if (current === undefined) throw new RangeError('a deal without moves')
  const status: DemoDealStatus = current.to === WON ? 'won' : current.to === LOST ? 'lost' : 'open'
  const lastActivity =
    status !== 'open'
      ? current.date
      : zombie
        ? (Math.min(snapshot, current.date + random.int(0, 14)) as CalendarDate)
        : (Math.max(current.date, snapshot - random.int(0, 20)) as CalendarDate)
  return {
    id: `D-${String(index + 1).padStart(6, '0')}`,
    account,
    territory,
    creator,
    owner: ownerAt(territory, status === 'open' ? snapshot : current.closeDate),
    type,
    source,
    product,
    created,
    moves: recorded,
    stage: current.to,
    status,
    amountCents: current.amountCents,
    closeDate: current.closeDate,
    lastActivity,
    costCents: status === 'won' ? Math.round(current.amountCents * uniform(random, 0.2, 0.4)) : undefined,
    stale: zombie,
  }
}

/**
 * Every deal of the demo company, in order of creation, one at a time (bounded memory).
 * Re-seeded on each call: iterating twice gives the same deals.
 */
export function* simulateDeals(world: DemoWorld): Generator<DemoDeal> {
  const random = createRandom(subSeed(world.seed, STREAM.deals))
  const cumulative = world.creationCumulative
  const total = cumulative[cumulative.length - 1] ?? 0
  const n = world.dealCount
  let day = 0
  let weightsDay = -1
  const weights: number[] = world.books.map(() => 0)
  for (let i = 0; i < n; i++) {
    const target = ((i + random.next()) / n) * total
    while (day < cumulative.length - 1 && (cumulative[day] ?? 0) <= target) day++
    const created = (world.start + day) as CalendarDate
    if (day !== weightsDay) {
      let sum = 0
      world.books.forEach((book, k) => {
        sum += territoryOpeningWeight(book, created)
        weights[k] = sum
      })
      weightsDay = day
    }
    const book = world.books[pickCumulative(random, weights)]
    const creator = book === undefined ? undefined : activeRepAt(book.territory, created)
    const account = book?.accounts[pickCumulative(random, book.cumulative)]
    if (book === undefined || creator === undefined || account === undefined) {
      throw new RangeError(`no rep at work on day ${created}`)
    }
    yield simulateDeal(random, world, i, created, book.territory, creator, account)
  }
}
