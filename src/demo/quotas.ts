import { createRandom } from '../domain/shared/random.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { quarterEnd, quarterIndex, quarterLabel, quarterStart } from './demo-calendar.js'
import { moneyCell, roundedCents } from './format-cells.js'
import { subSeed, uniform } from './random-helpers.js'
import { rampFactor } from './sales-org.js'
import type { DemoRep } from './sales-org.js'
import { simulateDeals } from './deal-simulation.js'
import { STREAM } from './world.js'
import type { DemoWorld } from './world.js'

export const QUOTA_HEADER = ['owner', 'period', 'amount'] as const

/** Average share of quota a team books once the pipeline is mature. */
const TARGET_ATTAINMENT = 0.95

/**
 * Least-squares line through (quarter, bookings per ramped rep), never below a third of the mean,
 * so that quotas grow smoothly instead of echoing each quarter's luck.
 */
function linearTrend(points: readonly (readonly [number, number])[]): (q: number) => number {
  const n = points.length
  if (n === 0) return () => 0
  let sx = 0
  let sy = 0
  for (const [x, y] of points) {
    sx += x
    sy += y
  }
  const mx = sx / n
  const my = sy / n
  let sxy = 0
  let sxx = 0
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) * (x - mx)
  }
  const slope = sxx > 0 ? sxy / sxx : 0
  return (q) => Math.max(my / 3, my + slope * (q - mx))
}

/** Quarters whose bookings are still low because the pipeline was just starting to fill. */
const WARM_UP_QUARTERS = 2

/** Share of a full quarter's quota a rep carries: ramp-up and partial presence prorate it. */
function quotaUnits(rep: DemoRep, quarter: number, from: CalendarDate): number {
  const first = quarterStart(quarter)
  const last = quarterEnd(quarter)
  let sum = 0
  for (let day = Math.max(first, from); day <= last; day++) sum += rampFactor(rep, day as CalendarDate)
  return sum / (last - first + 1)
}

/**
 * Quarterly quotas per account executive, from the first quarter of the history to the quarter after
 * the snapshot. A team's quota per fully ramped rep is set so that the team lands near 88–102% of it
 * in each mature quarter (strong reps above, weak ones below); warm-up quarters and the current and
 * next quarters follow the trend.
 */
export function* quotaRows(world: DemoWorld): Generator<string[]> {
  const random = createRandom(subSeed(world.seed, STREAM.quotas))
  const firstQuarter = quarterIndex(world.start)
  const currentQuarter = quarterIndex(world.snapshot)
  const quarters = currentQuarter + 2 - firstQuarter
  const teams = [...new Set(world.org.territories.map((t) => t.team.name))]
  const won = new Map<string, number[]>(teams.map((team) => [team, new Array<number>(quarters).fill(0)]))
  for (const deal of simulateDeals(world)) {
    if (deal.status !== 'won') continue
    const row = won.get(deal.territory.team.name)
    const q = quarterIndex(deal.closeDate) - firstQuarter
    if (row !== undefined) row[q] = (row[q] ?? 0) + deal.amountCents / 100
  }
  const reps = world.org.reps.filter((rep) => rep.role === 'Account Executive')
  const units = reps.map((rep) =>
    Array.from({ length: quarters }, (_, q) => quotaUnits(rep, firstQuarter + q, world.start)),
  )

  const perUnit = new Map<string, number[]>()
  for (const team of teams) {
    const points: [number, number][] = []
    for (let q = WARM_UP_QUARTERS; q < quarters - 2; q++) {
      let teamUnits = 0
      reps.forEach((rep, r) => {
        if (rep.team === team) teamUnits += units[r]?.[q] ?? 0
      })
      if (teamUnits > 0) points.push([q, (won.get(team)?.[q] ?? 0) / teamUnits])
    }
    const trend = linearTrend(points)
    perUnit.set(
      team,
      Array.from(
        { length: quarters },
        (_, q) => (trend(q) * uniform(random, 0.95, 1.05)) / TARGET_ATTAINMENT,
      ),
    )
  }

  for (let q = 0; q < quarters; q++) {
    for (const [r, rep] of reps.entries()) {
      const share = units[r]?.[q] ?? 0
      if (share <= 0) continue
      const amount = (perUnit.get(rep.team)?.[q] ?? 0) * share
      yield [rep.name, quarterLabel(firstQuarter + q), moneyCell(roundedCents(amount, 1000))]
    }
  }
}
