import { describe, expect, it } from 'vitest'
import { contract, day, deal, money, rep } from '../../../test/support/factories.js'
import { cents } from '../../model/money.js'
import { churnLookup, creditLines, splitProblem } from './credit.js'

const reps = [rep({ name: 'Ann Lee', id: 'R1' }), rep({ name: 'Bo Chen', id: 'R2' })]
const settings = { basis: 'amount', creditDate: 'close_date' } as const

describe('creditLines', () => {
  it('splits a deal 60/40; the last owner gets the rounding remainder', () => {
    // 1,000.01 × 60% = 600.006 → 600.01 (Ann); Bo gets 1,000.01 − 600.01 = 400.00
    const d = deal({ status: 'won', amount: cents(100001), close_date: day('2026-07-01'), owner: 'Ann Lee' })
    const { lines } = creditLines([d], reps, settings, () => ({
      split: [
        { owner: 'Ann Lee', share: 0.6 },
        { owner: 'Bo Chen', share: 0.4 },
      ],
    }))
    expect(lines.map((l) => [l.repIndex, l.share, l.credited])).toEqual([
      [0, 0.6, 60001],
      [1, 0.4, 40000],
    ])
  })

  it('credits only won deals, by owner id or name, and notes what it cannot credit', () => {
    const deals = [
      deal({ status: 'won', owner: 'r2', close_date: day('2026-07-01') }),
      deal({ status: 'lost', owner: 'Ann Lee', close_date: day('2026-07-01') }),
      deal({ status: 'won', owner: 'Zed', close_date: day('2026-07-01') }),
      deal({ status: 'won', owner: 'Ann Lee', close_date: undefined }),
    ]
    const r = creditLines(deals, reps, settings)
    expect(r.lines.map((l) => l.repIndex)).toEqual([1])
    expect(r.notes).toHaveLength(2)
  })

  it('credits ARR and the payment date when the plan file says so', () => {
    const d = deal({ status: 'won', amount: money(36_000), close_date: day('2026-06-30'), owner: 'Ann Lee' })
    const { lines } = creditLines([d], reps, { basis: 'arr', creditDate: 'payment_date' }, () => ({
      arr: money(12_000),
      paymentDate: day('2026-07-15'),
    }))
    expect(lines.map((l) => [l.credited, l.date])).toEqual([[money(12_000), day('2026-07-15')]])
  })
})

describe('splitProblem', () => {
  it.each([
    [
      [
        { owner: 'A', share: 0.6 },
        { owner: 'B', share: 0.4 },
      ],
      undefined,
    ],
    [
      [
        { owner: 'A', share: 0.6 },
        { owner: 'B', share: 0.3 },
      ],
      'shares sum to 90%, not 100%',
    ],
    [
      [
        { owner: 'A', share: 0.5 },
        { owner: 'a', share: 0.5 },
      ],
      'a appears twice',
    ],
    [
      [
        { owner: 'A', share: 1 / 3 },
        { owner: 'B', share: 1 / 3 },
        { owner: 'C', share: 1 / 3 },
      ],
      'shares sum to 99.9999%, not 100%',
    ],
  ])('%j → %s', (shares, problem) => {
    expect(splitProblem(shares)).toBe(problem)
  })
})

describe('churnLookup', () => {
  it('finds the first churn on or after a date, of the same account and product', () => {
    const churn = churnLookup([
      contract({
        account_id: 'X',
        start: day('2026-01-01'),
        end: day('2026-12-31'),
        value: money(1),
        churn_date: day('2026-03-01'),
      }),
      contract({
        account_id: 'X',
        product: 'Other',
        start: day('2026-01-01'),
        end: day('2026-12-31'),
        value: money(1),
        churn_date: day('2026-08-01'),
      }),
      contract({
        account_id: 'X',
        product: 'Platform',
        start: day('2026-01-01'),
        end: day('2026-12-31'),
        value: money(1),
        churn_date: day('2026-09-01'),
      }),
    ])
    const d = deal({ account_id: 'X', product: 'Platform' })
    expect(churn(d, day('2026-06-01'))).toBe(day('2026-09-01'))
    expect(churn(deal({ account_id: 'Y' }), day('2026-06-01'))).toBeUndefined()
  })
})
