import { describe, expect, it } from 'vitest'
import { deal, messagesOf } from '../test-factories.js'
import { dealWithoutOwner } from './deal-without-owner.js'
import { dealWithoutCreatedDate } from './deal-without-created-date.js'
import { openDealWithoutAmount } from './open-deal-without-amount.js'
import { openDealWithoutCloseDate } from './open-deal-without-close-date.js'

describe('rules for deal values that parsing allows to be absent', () => {
  it.each([
    ['deal-without-owner: no owner', dealWithoutOwner, deal({ owner: undefined }), ['deal has no owner']],
    ['deal-without-owner: owner present', dealWithoutOwner, deal(), []],
    [
      'open-deal-without-amount: open, no amount',
      openDealWithoutAmount,
      deal({ amount: undefined }),
      ['open deal has no amount (pipeline and forecast count it as 0)'],
    ],
    [
      'open-deal-without-amount: lost, no amount',
      openDealWithoutAmount,
      deal({ status: 'lost', amount: undefined }),
      [],
    ],
    [
      'deal-without-created-date: none',
      dealWithoutCreatedDate,
      deal({ created: undefined }),
      ['deal has no created date (left out of cycle length and aging)'],
    ],
    ['deal-without-created-date: present', dealWithoutCreatedDate, deal(), []],
    [
      'open-deal-without-close-date: open, none',
      openDealWithoutCloseDate,
      deal({ close_date: undefined }),
      ['open deal has no close date (left out of period forecasts)'],
    ],
    [
      'open-deal-without-close-date: won',
      openDealWithoutCloseDate,
      deal({ status: 'won', close_date: undefined }),
      [],
    ],
  ])('%s', (_name, rule, record, messages) => {
    expect(messagesOf(rule, 'deal', record)).toEqual(messages)
  })

  it.each([
    ['deal-without-owner', 'warning', dealWithoutOwner],
    ['open-deal-without-amount', 'warning', openDealWithoutAmount],
    ['deal-without-created-date', 'info', dealWithoutCreatedDate],
    ['open-deal-without-close-date', 'warning', openDealWithoutCloseDate],
  ])('%s is a deal rule of severity %s', (id, severity, rule) => {
    expect(rule).toMatchObject({ id, entity: 'deal', severity })
  })
})
