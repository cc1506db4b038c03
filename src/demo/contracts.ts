import { createRandom } from '../domain/shared/random.js'
import { addMonths } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { dateCell, moneyCell, roundedCents } from './format-cells.js'
import { subSeed, uniform } from './random-helpers.js'
import { ownerAt } from './sales-org.js'
import { simulateDeals } from './deal-simulation.js'
import { STREAM } from './world.js'
import type { DemoWorld } from './world.js'

export const CONTRACT_HEADER = [
  'id',
  'account_id',
  'owner',
  'product',
  'start',
  'end',
  'value',
  'currency',
  'status',
  'auto_renew',
  'churn_date',
  'renewal_of',
] as const

/** Share of won new-business deals whose subscription is in contracts.csv. */
const CONTRACT_SHARE = 0.41

/**
 * Annual subscription contracts from won new-business deals (value = ARR), each followed by its
 * renewals: a contract that ended before the snapshot was renewed the day after its end (flat with a
 * small uplift, expanded or contracted), churned (churn_date, no renewal), or, when it ended in the
 * last 100 days, may still be waiting (status Expired: ended, neither renewed nor churned).
 */
export function* contractRows(world: DemoWorld): Generator<string[]> {
  const random = createRandom(subSeed(world.seed, STREAM.contracts))
  const snapshot = world.snapshot
  let next = 0
  for (const deal of simulateDeals(world)) {
    if (deal.status !== 'won' || deal.type !== 'new' || random.next() >= CONTRACT_SHARE) continue
    const autoRenew = random.next() < 0.55
    let start = Math.min(deal.closeDate + random.int(0, 5), snapshot) as CalendarDate
    let valueCents = deal.amountCents
    let previous = ''
    for (;;) {
      const id = `C-${String(++next).padStart(5, '0')}`
      const end = (addMonths(start, 12) - 1) as CalendarDate
      let status = 'Active'
      let churnDate: CalendarDate | undefined
      if (end < snapshot) {
        if (snapshot - end <= 100 && random.next() < 0.3) status = 'Expired'
        else if (random.next() < (autoRenew ? 0.08 : 0.18)) {
          status = 'Churned'
          churnDate = (random.next() < 0.25 ? end - random.int(10, 90) : end) as CalendarDate
        } else status = 'Renewed'
      }
      yield [
        id,
        deal.account.id,
        previous === '' ? deal.owner.name : ownerAt(deal.territory, start).name,
        deal.product,
        dateCell(start),
        dateCell(end),
        moneyCell(valueCents),
        'USD',
        status,
        autoRenew ? 'true' : 'false',
        dateCell(churnDate),
        previous,
      ]
      if (status !== 'Renewed') break
      const change = random.next()
      const factor =
        change < 0.25 ? uniform(random, 1.1, 1.5) : change < 0.35 ? uniform(random, 0.7, 0.95) : 1.03
      valueCents = roundedCents((valueCents / 100) * factor, 100)
      previous = id
      start = (end + 1) as CalendarDate
    }
  }
}
