import { createRandom } from '../domain/shared/random.js'
import { addMonths, civilFromDays, daysInMonth } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { monthLabel, startOfMonth } from './demo-calendar.js'
import { moneyCell } from './format-cells.js'
import { logNormal, subSeed } from './random-helpers.js'
import { rampFactor } from './sales-org.js'
import { STREAM } from './world.js'
import type { DemoWorld } from './world.js'

export const SPEND_HEADER = ['period', 'channel', 'amount'] as const

/** Monthly marketing budget per channel at the start of the history, in currency units. */
const MARKETING_CHANNELS = [
  ['Paid Search', 42_000],
  ['Paid Social', 18_000],
  ['Events', 24_000],
  ['Content', 12_000],
  ['Partner Marketing', 8_000],
] as const

/** Trade-show months cost more; August and December are quiet. */
function eventSeason(month: number): number {
  return month === 3 || month === 6 || month === 10 ? 2.2 : month === 8 || month === 12 ? 0.3 : 1
}

/**
 * Monthly sales and marketing spend by channel, from the history's first month to the snapshot's
 * (month to date). Marketing grows about 12% a year and scales with the demo's size; salaries and
 * tools follow the head count.
 */
export function* spendRows(world: DemoWorld): Generator<string[]> {
  const random = createRandom(subSeed(world.seed, STREAM.spend))
  const scale = world.dealCount / 25_000
  for (let month = startOfMonth(world.start); month <= world.snapshot; month = addMonths(month, 1)) {
    const { year, month: m } = civilFromDays(month)
    const days = daysInMonth(year, m)
    const covered = Math.min(days, world.snapshot - month + 1) / days
    const years = (month - world.start) / 365
    const growth = Math.pow(1.12, years)
    const mid = (month + 14) as CalendarDate
    let aes = 0
    for (const rep of world.org.reps) if (rep.role === 'Account Executive' && rampFactor(rep, mid) > 0) aes++
    const managers =
      world.org.reps.length - world.org.reps.filter((r) => r.role === 'Account Executive').length
    const rows: [string, number][] = MARKETING_CHANNELS.map(([channel, base]) => [
      channel,
      base * scale * growth * (channel === 'Events' ? eventSeason(m) : 1) * logNormal(random, 0.1),
    ])
    rows.push(['Sales Salaries', (aes * 14_500 + managers * 17_000) * logNormal(random, 0.01)])
    rows.push(['Sales Tools', (4_000 + aes * 180) * logNormal(random, 0.03)])
    for (const [channel, units] of rows) {
      yield [monthLabel(month), channel, moneyCell(Math.round(units * covered * 100))]
    }
  }
}
