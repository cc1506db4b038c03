import { createRandom } from '../domain/shared/random.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { dateCell } from './format-cells.js'
import { pickCumulative, subSeed } from './random-helpers.js'
import { DEFAULT_ACCOUNT_COUNT, STREAM } from './world.js'
import type { DemoWorld } from './world.js'

export const NPS_HEADER = ['date', 'account_id', 'score'] as const

/** Relative frequency of the scores 0..10: about 45% promoters and 22% detractors (NPS ≈ +23). */
const SCORE_CUMULATIVE = [2, 3, 4, 6, 8, 12, 22, 38, 55, 77, 100]

const RESPONSES_PER_DEFAULT_DEMO = 2000

/** NPS answers of the last two years, in date order, from random accounts. */
export function* npsRows(world: DemoWorld): Generator<string[]> {
  const random = createRandom(subSeed(world.seed, STREAM.nps))
  const count = Math.round((RESPONSES_PER_DEFAULT_DEMO * world.accounts.length) / DEFAULT_ACCOUNT_COUNT)
  const answers: { date: CalendarDate; account: string; score: number }[] = []
  for (let i = 0; i < count; i++) {
    const account = random.pick(world.accounts)
    // Enterprise customers have a success manager and answer a little more kindly
    let score = pickCumulative(random, SCORE_CUMULATIVE)
    if (account.segment === 'Enterprise' && score < 10 && random.next() < 0.25) score++
    answers.push({ date: (world.snapshot - random.int(0, 729)) as CalendarDate, account: account.id, score })
  }
  answers.sort((a, b) => a.date - b.date)
  for (const answer of answers) yield [dateCell(answer.date), answer.account, String(answer.score)]
}
