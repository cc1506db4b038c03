import { describe, expect, it } from 'vitest'
import { day, deal, money, quota, rep } from '../../../test/support/factories.js'
import { customerLifetimeValue, kpiReport, npsIn } from './kpi-rows.js'
import type { KpiOptions } from './kpi-rows.js'
import { quotaFor } from './quota.js'
import { periodOf } from '../shared/period.js'

const base: KpiOptions = {
  by: [],
  grain: 'quarter',
  calendar: { fiscalYearStart: 1 },
  from: day('2025-01-01'),
  to: day('2025-06-30'),
  compare: undefined,
  coverageBasis: 'remaining',
  winRateBasis: 'closed',
  cycleBasis: 'won',
  weight: (d) => d.probability,
  asOf: day('2025-06-30'),
}

const deals = [
  deal({ owner: 'Ann', status: 'won', amount: money(400), close_date: day('2025-02-10') }),
  deal({ owner: 'Bo', status: 'won', amount: money(100), close_date: day('2025-05-10') }),
  deal({ owner: 'Ann', status: 'won', amount: money(300), close_date: day('2025-05-20') }),
  deal({ owner: 'Bo', status: 'lost', amount: money(50), close_date: day('2025-05-21') }),
  deal({ owner: 'Ann', status: 'open', amount: money(800), close_date: day('2025-06-15') }),
]
const quotas = [
  quota({ owner: 'Ann', start: day('2025-04-01'), end: day('2025-06-30'), amount: money(500) }),
  quota({ owner: 'Bo', start: day('2025-04-01'), end: day('2025-06-30'), amount: money(100) }),
]
const reps = [rep({ name: 'Ann', team: 'East' }), rep({ name: 'Bo', team: 'East' })]

describe('kpiReport', () => {
  it('makes one company row per quarter and a totals row over the range', () => {
    const r = kpiReport(deals, base)
    expect(r.rows.map((x) => [x.period, x.won, x.won_amount])).toEqual([
      ['2025-Q1', 1, money(400)],
      ['2025-Q2', 2, money(400)],
    ])
    // totals from the records: 3 won, 800 won, win rate 3 ÷ 4
    expect([r.totals.won, r.totals.won_amount, r.totals.win_rate]).toEqual([3, money(800), 0.75])
  })

  it('computes attainment, remaining-quota coverage and the share of reps at quota per owner', () => {
    const r = kpiReport(deals, { ...base, by: ['owner'], quotas, reps, from: day('2025-04-01') })
    const ann = r.rows.find((x) => x.group['owner'] === 'Ann')
    const bo = r.rows.find((x) => x.group['owner'] === 'Bo')
    // Ann: won 300 of quota 500 → 0.6; open 800 ÷ remaining 200 → 4; Bo: won 100 of 100 → 1; nothing open → 0
    expect([ann?.quota, ann?.quota_attainment, ann?.pipeline_coverage, ann?.reps_at_quota_share]).toEqual([
      money(500),
      0.6,
      4,
      0,
    ])
    expect([bo?.quota_attainment, bo?.pipeline_coverage, bo?.reps_at_quota_share]).toEqual([1, null, 1])
    // totals: 400 of 600; 1 of 2 reps at quota
    expect([r.totals.quota, r.totals.reps_at_quota_share]).toEqual([money(600), 0.5])
    expect(r.totals.quota_attainment).toBeCloseTo(400 / 600, 12)
  })

  it('takes team from the reps file when the deals lack it', () => {
    const r = kpiReport(deals, { ...base, by: ['team'], reps, quotas, from: day('2025-04-01') })
    expect(r.rows.map((x) => [x.group['team'], x.won_amount, x.quota])).toEqual([
      ['East', money(400), money(600)],
    ])
  })

  it('adds the prior period and the growth with --compare previous: (400 − 400) ÷ 400 = 0', () => {
    const r = kpiReport(deals, { ...base, compare: 'previous', from: day('2025-04-01') })
    expect([r.rows[0]?.won_amount_prior, r.rows[0]?.growth]).toEqual([money(400), 0])
  })

  it('gives null growth when the prior period had no sales', () => {
    const r = kpiReport(deals, {
      ...base,
      compare: 'previous',
      from: day('2025-01-01'),
      to: day('2025-03-31'),
    })
    expect([r.rows[0]?.won_amount_prior, r.rows[0]?.growth]).toEqual([0, null])
  })
})

describe('quotaFor', () => {
  it('prorates a quarter quota by days: January gets 31 of Q1 2025’s 90 days of 900 = 310', () => {
    const jan = periodOf(day('2025-01-15'), 'month')
    const q = [quota({ start: day('2025-01-01'), end: day('2025-03-31'), amount: money(900) })]
    expect(quotaFor(q, jan, () => true)).toBe(money(310))
  })

  it('is null when no quota row overlaps the period', () => {
    expect(quotaFor([], periodOf(day('2025-01-15'), 'month'), () => true)).toBeNull()
  })
})

describe('customerLifetimeValue', () => {
  const q4 = periodOf(day('2025-11-15'), 'quarter') // 92 days
  it('is revenue per customer × margin × 1 ÷ churn: 3,500 ÷ 4 × 92/365 × 0.8 × 2 = 352.88', () => {
    // 875 × 92 ÷ 365 = 220.5479…; × 0.8 × (1 ÷ 0.5) = 352.8767… → 35,288 cents
    expect(
      customerLifetimeValue({ starting_arr: money(3500), customers_start: 4, logo_churn_rate: 0.5 }, q4, 0.8),
    ).toBe(35288)
  })
  it('caps the lifetime at ten years when nobody churns: 875 × 92/365 × 10 × 365/92 = 8,750', () => {
    expect(
      customerLifetimeValue({ starting_arr: money(3500), customers_start: 4, logo_churn_rate: 0 }, q4, 1),
    ).toBe(money(8750))
  })
  it('is null without starting customers', () => {
    expect(
      customerLifetimeValue({ starting_arr: 0, customers_start: 0, logo_churn_rate: null }, q4, 1),
    ).toBeNull()
  })
})

describe('npsIn', () => {
  it('counts promoters 9–10, passives 7–8, detractors 0–6: (2 − 2) ÷ 5 = 0; (2 − 1) ÷ 4 × 100 = 25', () => {
    const q = periodOf(day('2025-05-15'), 'quarter')
    const r = (score: number, date = '2025-05-01') => ({
      date: day(date),
      account_id: undefined,
      score,
      source_file: 'nps.csv',
      source_line: 2,
    })
    expect(npsIn([r(10), r(9), r(8), r(6), r(0), r(10, '2025-01-01')], q)).toEqual({
      nps: 0,
      promoters: 2,
      passives: 1,
      detractors: 2,
      responses: 5,
    })
    expect(npsIn([r(10), r(9), r(7), r(6)], q).nps).toBe(25)
    expect(npsIn([], q).nps).toBeNull()
  })
})
