import { describe, expect, it } from 'vitest'
import { day, deal, money } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { dealMetrics } from './deal-metrics.js'
import type { DealMetricOptions } from './deal-metrics.js'

// kpi-definitions.md §5: Q2 2025. A won 30,000 (cycle 40 d), B won 20,000 (60 d), C lost 10,000 (30 d),
// D 50,000 and E 40,000 open with close dates in Q2; created in Q2: B, C, D, E.
const q2 = periodOf(day('2025-05-15'), 'quarter')
const worked = [
  deal({
    id: 'A',
    status: 'won',
    amount: money(30000),
    created: day('2025-03-01'),
    close_date: day('2025-04-10'),
    account_id: 'X',
  }),
  deal({
    id: 'B',
    status: 'won',
    amount: money(20000),
    created: day('2025-04-01'),
    close_date: day('2025-05-31'),
    account_id: 'Y',
  }),
  deal({
    id: 'C',
    status: 'lost',
    amount: money(10000),
    created: day('2025-04-05'),
    close_date: day('2025-05-05'),
  }),
  deal({
    id: 'D',
    status: 'open',
    amount: money(50000),
    created: day('2025-04-10'),
    close_date: day('2025-06-20'),
    probability: 0.6,
  }),
  deal({
    id: 'E',
    status: 'open',
    amount: money(40000),
    created: day('2025-05-10'),
    close_date: day('2025-06-30'),
    probability: 0.25,
  }),
]
const defaults: DealMetricOptions = {
  winRateBasis: 'closed',
  cycleBasis: 'won',
  weight: (d) => d.probability,
  asOf: day('2025-06-30'),
}

describe('dealMetrics on the worked example', () => {
  const m = dealMetrics(worked, q2, defaults)

  it('counts won 2, lost 1, open 2 and 4 created', () => {
    expect([m.won, m.lost, m.open, m.deals_created]).toEqual([2, 1, 2, 4])
  })

  it('computes win rate 2 ÷ 3, deal size 50,000 ÷ 2 = 25,000 and cycle (40 + 60) ÷ 2 = 50 days', () => {
    expect(m.win_rate).toBeCloseTo(2 / 3, 12)
    expect(m.avg_deal_size).toBe(money(25000))
    expect(m.median_deal_size).toBe(money(25000))
    expect(m.sales_cycle_days).toBe(50)
  })

  it('computes velocity 2 × 25,000 × 2/3 ÷ 50 = 666.67 per day (66,667 cents)', () => {
    expect(m.sales_velocity).toBe(66667)
  })

  it('weights the open pipeline by probability: 50,000 × 0.6 + 40,000 × 0.25 = 40,000', () => {
    expect(m.open_pipeline).toBe(money(90000))
    expect(m.weighted_pipeline).toBe(money(40000))
  })

  it('gives revenue per account 50,000 ÷ 2 accounts = 25,000', () => {
    expect(m.revenue_per_account).toBe(money(25000))
  })

  it('uses the created basis on request: B is the 1 won of 4 created = 0.25', () => {
    expect(dealMetrics(worked, q2, { ...defaults, winRateBasis: 'created' }).win_rate).toBe(0.25)
  })

  it('uses won and lost deals for the cycle on request: (40 + 60 + 30) ÷ 3 = 43.33 days', () => {
    expect(dealMetrics(worked, q2, { ...defaults, cycleBasis: 'closed' }).sales_cycle_days).toBeCloseTo(
      130 / 3,
      12,
    )
  })
})

describe('dealMetrics edge cases', () => {
  it('gives null ratios, not 0, when nothing closed', () => {
    const m = dealMetrics([deal({ status: 'open', close_date: day('2025-05-01') })], q2, defaults)
    expect([m.win_rate, m.avg_deal_size, m.sales_cycle_days, m.sales_velocity, m.profit_margin]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('leaves a deal closed before it was created out of the cycle and counts it', () => {
    const m = dealMetrics(
      [
        deal({
          status: 'won',
          amount: money(100),
          created: day('2025-06-01'),
          close_date: day('2025-05-01'),
        }),
      ],
      q2,
      defaults,
    )
    expect(m.sales_cycle_days).toBeNull()
    expect(m.negative_cycles).toBe(1)
    expect(m.won).toBe(1)
  })

  it('computes margin from won deals with a cost: (1,000 − 300) ÷ 1,000 = 0.7', () => {
    const m = dealMetrics(
      [
        deal({ status: 'won', amount: money(1000), cost: money(300), close_date: day('2025-05-01') }),
        deal({ status: 'won', amount: money(500), close_date: day('2025-05-02') }),
      ],
      q2,
      defaults,
    )
    expect(m.profit_margin).toBe(0.7)
  })

  it('rounds the median deal size half away from zero: (1.01 + 1.02) ÷ 2 = 1.015 → 102 cents', () => {
    const m = dealMetrics(
      [
        deal({ status: 'won', amount: money(1.01), close_date: day('2025-05-01') }),
        deal({ status: 'won', amount: money(1.02), close_date: day('2025-05-02') }),
      ],
      q2,
      defaults,
    )
    expect(m.median_deal_size).toBe(102)
  })
})
