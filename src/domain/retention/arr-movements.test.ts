import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import { addDays } from '../../model/calendar-date.js'
import type { Cents } from '../../model/money.js'
import { periodOf, periodsBetween } from '../shared/period.js'
import { arrMovements, arrOn, contractSpans, isActiveOn } from './arr-movements.js'

const q4 = periodOf(day('2025-11-15'), 'quarter') // [2025-10-01, 2026-01-01)
const contracts = [
  // X renews on time at a higher value: expansion 1,500 − 1,200 = 300
  contract({ account_id: 'X', start: day('2025-01-01'), end: day('2025-12-31'), value: money(1200) }),
  contract({ account_id: 'X', start: day('2026-01-01'), end: day('2026-12-31'), value: money(1500) }),
  // Y churns mid-term: churned 1,000
  contract({
    account_id: 'Y',
    start: day('2025-06-01'),
    end: day('2026-05-31'),
    value: money(1000),
    churn_date: day('2025-11-15'),
  }),
  // Z is new in the quarter: new 800
  contract({ account_id: 'Z', start: day('2025-11-01'), end: day('2026-10-31'), value: money(800) }),
  // W renews in the quarter at a lower value: contraction 600 − 450 = 150
  contract({ account_id: 'W', start: day('2024-11-01'), end: day('2025-10-31'), value: money(600) }),
  contract({ account_id: 'W', start: day('2025-11-01'), end: day('2026-10-31'), value: money(450) }),
  // V ends on 2025-12-31 and is not renewed: churned 700
  contract({ account_id: 'V', start: day('2025-01-01'), end: day('2025-12-31'), value: money(700) }),
]

describe('arrMovements', () => {
  const m = arrMovements(contractSpans(contracts, { graceDays: 30, monthly: false }), q4)

  it('bridges starting to ending ARR: 3,500 + 800 + 300 − 150 − 1,700 = 2,750', () => {
    expect([
      m.starting_arr,
      m.new_arr,
      m.expansion_arr,
      m.contraction_arr,
      m.churned_arr,
      m.ending_arr,
    ]).toEqual([money(3500), money(800), money(300), money(150), money(1700), money(2750)])
  })

  it('counts 4 customers at the start, 2 lost (Y, V): logo churn 0.5', () => {
    expect([m.customers_start, m.customers_lost, m.customers_new, m.logo_churn_rate]).toEqual([4, 2, 1, 0.5])
  })

  it('computes GRR (3,500 − 1,700 − 150) ÷ 3,500 and NRR (… + 300) ÷ 3,500', () => {
    expect(m.grr).toBeCloseTo(1650 / 3500, 12)
    expect(m.nrr).toBeCloseTo(1950 / 3500, 12)
    expect(m.revenue_churn_rate).toBeCloseTo(1850 / 3500, 12)
  })

  it('treats a renewal starting within the grace window as continuous', () => {
    const late = [
      contract({ account_id: 'L', start: day('2025-01-01'), end: day('2025-12-15'), value: money(100) }),
      contract({ account_id: 'L', start: day('2026-01-05'), end: day('2026-12-31'), value: money(100) }),
    ]
    // without grace, L has no contract on 2026-01-01: churned then new next quarter
    expect(arrMovements(contractSpans(late, { graceDays: 0, monthly: false }), q4).churned_arr).toBe(
      money(100),
    )
    expect(arrMovements(contractSpans(late, { graceDays: 30, monthly: false }), q4).churned_arr).toBe(0)
  })

  it('reads monthly values as ×12', () => {
    const monthly = [
      contract({ account_id: 'M', start: day('2025-01-01'), end: day('2026-12-31'), value: money(10) }),
    ]
    expect(arrMovements(contractSpans(monthly, { graceDays: 30, monthly: true }), q4).starting_arr).toBe(
      money(120),
    )
  })

  it('gives null rates for a period without starting customers', () => {
    const empty = arrMovements([], q4)
    expect([empty.logo_churn_rate, empty.grr, empty.nrr]).toEqual([null, null, null])
  })
})

describe('isActiveOn', () => {
  const year = { account_id: 'A', start: day('2025-01-01'), end: day('2025-12-31'), value: money(100) }
  const churning = contractSpans([contract({ ...year, churn_date: day('2025-06-15') })], {
    graceDays: 30,
    monthly: false,
  })

  it.each([
    ['2024-12-31', false], // the day before the start
    ['2025-01-01', true], // the start day counts
    ['2025-06-14', true], // the last day before the churn date
    ['2025-06-15', false], // the churn date itself no longer counts
  ])('counts a contract churning on 2025-06-15 on %s: %s', (iso, active) => {
    expect(churning.map((s) => isActiveOn(s, day(iso)))).toEqual([active])
  })

  it('counts the end date itself (inclusive) and not the day after', () => {
    const spans = contractSpans([contract(year)], { graceDays: 30, monthly: false })
    expect(arrOn(spans, day('2025-12-31')).get('A')).toBe(money(100))
    expect(arrOn(spans, day('2026-01-01')).get('A')).toBeUndefined()
  })
})

describe('contractSpans', () => {
  it('keeps the contract id, owner and product for grouping', () => {
    const c = contract({
      id: 'C-9',
      account_id: 'A',
      owner: 'Ann',
      product: 'Platform',
      start: day('2025-01-01'),
      end: day('2025-12-31'),
      value: money(100),
    })
    expect(contractSpans([c], { graceDays: 30, monthly: false })).toMatchObject([
      { account: 'A', contract: 'C-9', owner: 'Ann', product: 'Platform', arr: money(100) },
    ])
  })

  it('continues a contract to the day before a next start exactly grace + 1 days after its end, not one day later', () => {
    const spansWith = (nextStart: string) =>
      contractSpans(
        [
          contract({ account_id: 'A', start: day('2025-01-01'), end: day('2025-01-31'), value: money(1) }),
          contract({ account_id: 'A', start: day(nextStart), end: day('2025-12-31'), value: money(1) }),
        ],
        { graceDays: 10, monthly: false },
      )
    // end 01-31 + 10 + 1 = 02-11: continued to 02-10; a start on 02-12 leaves the gap
    expect(spansWith('2025-02-11')[0]?.end).toBe(day('2025-02-10'))
    expect(spansWith('2025-02-12')[0]?.end).toBe(day('2025-01-31'))
  })
})

describe('arrMovements, for any contracts', () => {
  const base = day('2024-01-01')
  const contractArb = fc
    .record({
      account: fc.constantFrom('A', 'B', 'C', 'D'),
      start: fc.integer({ min: 0, max: 700 }),
      length: fc.integer({ min: 0, max: 400 }),
      value: fc.integer({ min: 1, max: 1_000_000 }),
      churnAfter: fc.option(fc.integer({ min: 0, max: 450 }), { nil: undefined }),
    })
    .map((r) =>
      contract({
        account_id: r.account,
        start: addDays(base, r.start),
        end: addDays(base, r.start + r.length),
        value: r.value as Cents,
        churn_date: r.churnAfter === undefined ? undefined : addDays(base, r.start + r.churnAfter),
      }),
    )

  it('bridges every month exactly, and each month ends where the next one starts', () => {
    fc.assert(
      fc.property(
        fc.array(contractArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 60 }),
        (list, grace) => {
          const spans = contractSpans(list, { graceDays: grace, monthly: false })
          const months = periodsBetween(base, addDays(base, 800), 'month')
          const bridges = months.map((p) => arrMovements(spans, p)) // throws when a bridge does not balance
          for (const m of bridges) {
            const bridged = m.starting_arr + m.new_arr + m.expansion_arr - m.contraction_arr - m.churned_arr
            expect(bridged).toBe(m.ending_arr)
            expect(m.grr ?? 0).toBeLessThanOrEqual(1)
          }
          // each month starts with the ARR the month before ended with
          expect(bridges.slice(1).map((m) => m.starting_arr)).toEqual(
            bridges.slice(0, -1).map((m) => m.ending_arr),
          )
        },
      ),
      { numRuns: 200 },
    )
  })
})
