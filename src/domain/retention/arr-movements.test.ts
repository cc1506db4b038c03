import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { arrMovements, contractSpans } from './arr-movements.js'

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
