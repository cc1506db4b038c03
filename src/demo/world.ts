import { createRandom } from '../domain/shared/random.js'
import { civilFromDays, isoWeekday } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { buildAccounts } from './accounts.js'
import type { DemoAccount } from './accounts.js'
import { historyStart } from './demo-calendar.js'
import { subSeed } from './random-helpers.js'
import { activeRepAt, buildSalesOrg, rampFactor } from './sales-org.js'
import type { DemoTerritory, SalesOrg } from './sales-org.js'

/** The accounts of one territory, for weighted picks. */
export interface TerritoryBook {
  readonly territory: DemoTerritory
  readonly accounts: readonly DemoAccount[]
  readonly cumulative: readonly number[]
  /** sum of the accounts' deal weights */
  readonly weight: number
}

/** Everything the lazy generators share; built eagerly and small (accounts grow with the deal count). */
export interface DemoWorld {
  readonly seed: number
  readonly snapshot: CalendarDate
  readonly start: CalendarDate
  readonly dealCount: number
  readonly org: SalesOrg
  readonly accounts: readonly DemoAccount[]
  readonly books: readonly TerritoryBook[]
  /** cumulative deal-creation intensity per day from `start` to `snapshot` inclusive */
  readonly creationCumulative: Float64Array
}

/** Independent random streams, one per generated concept. */
export const STREAM = {
  org: 1,
  accounts: 2,
  deals: 3,
  leads: 4,
  contracts: 5,
  quotas: 6,
  spend: 7,
  nps: 8,
} as const

export const DEFAULT_ACCOUNT_COUNT = 3000

export function accountCountFor(dealCount: number): number {
  return Math.max(DEFAULT_ACCOUNT_COUNT, Math.round(dealCount / 8))
}

/** Seasonality of opening deals: quiet weekends and holidays, a slower August. */
function dayFactor(date: CalendarDate): number {
  const weekday = isoWeekday(date)
  if (weekday === 6) return 0.05
  if (weekday === 7) return 0.03
  const { month, day } = civilFromDays(date)
  if ((month === 12 && day >= 22) || (month === 1 && day <= 2)) return 0.3
  if (month === 8) return 0.8
  return 1
}

export function buildWorld(seed: number, dealCount: number, snapshot: CalendarDate): DemoWorld {
  const start = historyStart(snapshot)
  const accountCount = accountCountFor(dealCount)
  const org = buildSalesOrg(
    createRandom(subSeed(seed, STREAM.org)),
    snapshot,
    accountCount / DEFAULT_ACCOUNT_COUNT,
  )
  const accounts = buildAccounts(createRandom(subSeed(seed, STREAM.accounts)), accountCount, org)

  const byTerritory = new Map<DemoTerritory, DemoAccount[]>()
  for (const account of accounts) {
    const list = byTerritory.get(account.territory) ?? []
    list.push(account)
    byTerritory.set(account.territory, list)
  }
  const books = org.territories.map((territory): TerritoryBook => {
    const list = byTerritory.get(territory) ?? []
    const cumulative: number[] = []
    let weight = 0
    for (const account of list) {
      weight += account.dealWeight
      cumulative.push(weight)
    }
    return { territory, accounts: list, cumulative, weight }
  })

  const days = snapshot - start + 1
  const creationCumulative = new Float64Array(days)
  let total = 0
  for (let i = 0; i < days; i++) {
    const date = (start + i) as CalendarDate
    total += dayFactor(date) * (1 + (0.1 * i) / 365) * openingWeight(books, date)
    creationCumulative[i] = total
  }
  return { seed, snapshot, start, dealCount, org, accounts, books, creationCumulative }
}

/** How many deals the territories open on a day, relative to each other: book size × ramp × volume. */
export function territoryOpeningWeight(book: TerritoryBook, date: CalendarDate): number {
  const rep = activeRepAt(book.territory, date)
  return rep === undefined ? 0 : book.weight * rampFactor(rep, date) * rep.volumeFactor
}

function openingWeight(books: readonly TerritoryBook[], date: CalendarDate): number {
  let sum = 0
  for (const book of books) sum += territoryOpeningWeight(book, date)
  return sum
}
