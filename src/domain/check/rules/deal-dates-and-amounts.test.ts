import { describe, expect, it } from 'vitest'
import { context, day, deal, messagesOf, money } from '../test-factories.js'
import { closedBeforeCreated } from './closed-before-created.js'
import { nonPositiveAmount } from './non-positive-amount.js'
import { openDealPastCloseDate } from './open-deal-past-close-date.js'
import { probabilityContradictsStage } from './probability-contradicts-stage.js'
import { probabilityOutOfRange } from './probability-out-of-range.js'
import { staleOpenDeal } from './stale-open-deal.js'

// context(): as of 2025-03-31, stale after 30 days

describe('open-deal-past-close-date (warning)', () => {
  it.each([
    [
      'open, closes 14 days before as-of',
      deal({ close_date: day('2025-03-17') }),
      ["open deal's close date 2025-03-17 is 14 days before the as-of date 2025-03-31"],
    ],
    [
      'open, closes 1 day before as-of',
      deal({ close_date: day('2025-03-30') }),
      ["open deal's close date 2025-03-30 is 1 day before the as-of date 2025-03-31"],
    ],
    ['open, closes on the as-of date', deal({ close_date: day('2025-03-31') }), []],
    ['open, closes later', deal({ close_date: day('2025-04-30') }), []],
    ['won in the past', deal({ status: 'won', probability: 1, close_date: day('2025-01-01') }), []],
    ['open without close date', deal({ close_date: undefined }), []],
  ])('%s', (_name, record, messages) => {
    expect(messagesOf(openDealPastCloseDate, 'deal', record)).toEqual(messages)
  })
})

describe('non-positive-amount (warning)', () => {
  it.each([
    [money(0), ['amount 0 is not positive']],
    [money(-12.5), ['amount -12.5 is not positive']],
    [money(0.01), []],
    [undefined, []],
  ])('amount %s cents', (amount, messages) => {
    expect(messagesOf(nonPositiveAmount, 'deal', deal({ amount }))).toEqual(messages)
  })
})

describe('probability-out-of-range (error)', () => {
  it.each([
    [1.5, ['probability 150% is outside 0–100%']],
    [-0.1, ['probability -10% is outside 0–100%']],
    [1, []],
    [0, []],
    [undefined, []],
  ])('probability %s', (probability, messages) => {
    expect(messagesOf(probabilityOutOfRange, 'deal', deal({ probability }))).toEqual(messages)
  })
})

describe('probability-contradicts-stage (warning)', () => {
  it.each([
    ['won', 0.9, ['won deal has probability 90% (expected 100%)']],
    ['won', 1, []],
    ['lost', 0.1, ['lost deal has probability 10% (expected 0%)']],
    ['lost', 0, []],
    ['open', 0, ['open deal has probability 0% (expected between 0% and 100%)']],
    ['open', 1, ['open deal has probability 100% (expected between 0% and 100%)']],
    ['open', 0.255, []],
    ['won', 1.5, []], // out of range: left to probability-out-of-range
    ['won', undefined, []],
  ] as const)('%s deal with probability %s', (status, probability, messages) => {
    expect(messagesOf(probabilityContradictsStage, 'deal', deal({ status, probability }))).toEqual(messages)
  })
})

describe('closed-before-created (warning)', () => {
  it.each([
    [
      day('2025-01-09'),
      day('2025-01-10'),
      ['close date 2025-01-09 is before created date 2025-01-10 (left out of cycle length)'],
    ],
    [day('2025-01-10'), day('2025-01-10'), []],
    [undefined, day('2025-01-10'), []],
    [day('2025-01-09'), undefined, []],
  ])('close %s, created %s', (close_date, created, messages) => {
    expect(messagesOf(closedBeforeCreated, 'deal', deal({ status: 'won', close_date, created }))).toEqual(
      messages,
    )
  })
})

describe('stale-open-deal (warning)', () => {
  it.each([
    [
      'last activity 31 days ago',
      deal({ last_activity: day('2025-02-28') }),
      30,
      [
        "open deal's last activity 2025-02-28 is 31 days before the as-of date 2025-03-31 (stale after 30 days)",
      ],
    ],
    ['last activity exactly 30 days ago', deal({ last_activity: day('2025-03-01') }), 30, []],
    [
      'a shorter --stale-days',
      deal({ last_activity: day('2025-03-29') }),
      1,
      ["open deal's last activity 2025-03-29 is 2 days before the as-of date 2025-03-31 (stale after 1 day)"],
    ],
    ['no last activity', deal({ last_activity: undefined }), 30, []],
    ['a lost deal', deal({ status: 'lost', probability: 0, last_activity: day('2024-01-01') }), 30, []],
  ])('%s', (_name, record, staleDays, messages) => {
    expect(messagesOf(staleOpenDeal, 'deal', record, context({ staleDays }))).toEqual(messages)
  })
})
