import { describe, expect, it } from 'vitest'
import { day, deal, money, quota, rep } from '../../../test/support/factories.js'
import type { Deal } from '../../model/deal.js'
import { periodOf } from '../shared/period.js'
import { repsReport } from './rep-rows.js'
import type { RepRow, RepsOptions } from './rep-rows.js'

// As of 2025-06-15, period 2025-Q2 (04-01 … 06-30), trailing quarter 2025-03-16 … 2025-06-15.
const asOf = day('2025-06-15')
const options: RepsOptions = {
  period: periodOf(asOf, 'quarter'),
  winRateBasis: 'closed',
  cycleBasis: 'won',
  coverageBasis: 'remaining',
  weight: (d) => d.probability,
  asOf,
  includeManagers: false,
  maxRampMonths: 12,
}

const won = (owner: string, units: number, created: string, closed: string): Deal =>
  deal({ owner, status: 'won', amount: money(units), created: day(created), close_date: day(closed) })
const lost = (owner: string, units: number, created: string, closed: string): Deal =>
  deal({ owner, status: 'lost', amount: money(units), created: day(created), close_date: day(closed) })
const open = (owner: string, units: number, created: string, closes: string): Deal =>
  deal({ owner, status: 'open', amount: money(units), created: day(created), close_date: day(closes) })

const reps = [
  rep({ name: 'Mia', team: 'East', role: 'Manager', hire_date: day('2020-01-01') }),
  rep({ name: 'Ann', team: 'East', manager: 'Mia', hire_date: day('2022-01-15') }),
  rep({ name: 'Bo', team: 'East', manager: 'Mia', hire_date: day('2024-10-01') }),
  rep({ name: 'Cy', team: 'East', manager: 'Mia', hire_date: day('2025-02-10') }),
  rep({ name: 'Di', team: 'East', manager: 'Mia', hire_date: day('2024-09-01') }),
  rep({
    name: 'Ed',
    team: 'East',
    manager: 'Mia',
    hire_date: day('2021-05-01'),
    end_date: day('2025-05-31'),
  }),
  rep({ name: 'Zoe', hire_date: day('2025-01-06') }), // no team
]
const deals = [
  won('Ann', 30000, '2025-03-01', '2025-04-10'),
  won('Ann', 10000, '2025-04-05', '2025-05-15'),
  lost('Ann', 5000, '2025-04-20', '2025-05-20'),
  open('Ann', 40000, '2025-05-01', '2025-06-25'),
  won('Bo', 4000, '2025-03-01', '2025-03-20'), // trailing quarter only
  won('Bo', 20000, '2025-01-20', '2025-04-20'),
  lost('Bo', 15000, '2025-04-02', '2025-05-02'),
  lost('Bo', 12000, '2025-04-03', '2025-06-03'),
  open('Bo', 30000, '2025-05-05', '2025-06-28'),
  won('Cy', 3000, '2025-04-01', '2025-05-11'),
  open('Cy', 10000, '2025-05-20', '2025-06-30'),
  won('Ed', 25000, '2025-02-01', '2025-04-15'),
  won('Ed', 50000, '2025-04-01', '2025-04-30'),
  won('Mia', 9000, '2025-04-01', '2025-04-30'),
  won('Zed', 1000, '2025-04-02', '2025-04-12'), // not a rep
]
const q2 = { start: day('2025-04-01'), end: day('2025-06-30') }
const quotas = [
  quota({ owner: 'Ann', ...q2, amount: money(50000) }),
  quota({ owner: 'Bo', ...q2, amount: money(40000) }),
  quota({ owner: 'Cy', ...q2, amount: money(20000) }),
  quota({ owner: 'Di', ...q2, amount: money(30000) }),
]

const report = repsReport(deals, reps, { ...options, quotas })
const row = (name: string): RepRow => {
  const found = report.rows.find((r) => r.rep === name)
  if (found === undefined) throw new Error(`no row for ${name}`)
  return found
}

describe('repsReport', () => {
  it('lists the team reps by team then name, teamless reps last, without the manager', () => {
    expect(report.rows.map((r) => [r.team, r.rep])).toEqual([
      ['East', 'Ann'],
      ['East', 'Bo'],
      ['East', 'Cy'],
      ['East', 'Di'],
      ['East', 'Ed'],
      ['(none)', 'Zoe'],
    ])
  })

  it('lists a rep without deals with zero counts and amounts and null ratios', () => {
    expect(row('Di')).toMatchObject({
      deals_created: 0,
      won: 0,
      won_amount: 0,
      open_pipeline: 0,
      win_rate: null,
      avg_deal_size: null,
      sales_cycle_days: null,
      quota: money(30000),
      quota_attainment: 0, // 0 ÷ 30,000
      pipeline_coverage: 0, // 0 ÷ (30,000 − 0)
      days_to_first_win: null,
      trailing_bookings: 0,
      months_since_hire: 9, // 2024-09-01 → 2025-06-01 ≤ 06-15 < 07-01
    })
  })

  it('computes the period KPIs of each rep as kpi --by owner does', () => {
    // Ann: won 30,000 + 10,000 = 40,000 of 50,000 → 0.8; 2 won, 1 lost → 2/3; avg 20,000;
    // cycles 40 and 40 → 40; open 40,000 ÷ remaining 10,000 = 4; created in Q2: 3 (not the March one)
    expect(row('Ann')).toMatchObject({
      won: 2,
      won_amount: money(40000),
      quota_attainment: 0.8,
      win_rate: 2 / 3,
      avg_deal_size: money(20000),
      sales_cycle_days: 40,
      pipeline_coverage: 4,
      open_pipeline: money(40000),
      deals_created: 3,
    })
  })

  it('gives every rep the medians of the team’s active reps, leavers left out', () => {
    // active East reps: Ann, Bo, Cy, Di (Ed left on 2025-05-31)
    // attainment 0.8, 0.5, 0.15, 0 → (0.15 + 0.5) ÷ 2 = 0.325; win rate 2/3, 1/3, 1 (Di null) → 2/3;
    // avg deal 20,000, 20,000, 3,000 → 20,000; cycle 40, 90, 40 → 40;
    // open 40,000, 30,000, 10,000, 0 → 20,000; created 3, 3, 2, 0 → 2.5
    // trailing bookings Ann 40,000, Bo 4,000 + 20,000 = 24,000, Cy 3,000, Di 0 → 13,500 (with Ed's 75,000 it would be 24,000)
    const ann = row('Ann')
    expect(ann.team_reps).toBe(4)
    expect(ann.quota_attainment_team_median).toBeCloseTo(0.325, 12)
    expect(ann.win_rate_team_median).toBe(2 / 3)
    expect(ann.avg_deal_size_team_median).toBe(money(20000))
    expect(ann.sales_cycle_days_team_median).toBe(40)
    expect(ann.open_pipeline_team_median).toBe(money(20000))
    expect(ann.deals_created_team_median).toBe(2.5)
    expect(ann.trailing_bookings_team_median).toBe(money(13500))
    // coverage: Ann 4, Bo 30,000 ÷ (40,000 − 20,000) = 1.5, Cy 10,000 ÷ 17,000 = 0.5882, Di 0
    // → (0.5882 + 1.5) ÷ 2 = 1.0441
    expect(ann.pipeline_coverage_team_median).toBeCloseTo((10 / 17 + 1.5) / 2, 12)
    expect(row('Ed').quota_attainment_team_median).toBe(ann.quota_attainment_team_median)
  })

  it('names the KPI furthest below the team median, or none at or above it everywhere', () => {
    // Ann: 0.8 ≥ 0.325, 2/3 = 2/3, 20,000 = 20,000, 40 = 40, 4 ≥ 1.04, 3 ≥ 2.5 → none
    expect([row('Ann').coach_on, row('Ann').coach_gap]).toEqual([null, null])
    // Bo: win rate 1 − (1/3) ÷ (2/3) = 0.5; cycle 1 − 40 ÷ 90 = 0.5556 → sales_cycle_days
    expect(row('Bo').coach_on).toBe('sales_cycle_days')
    expect(row('Bo').coach_gap).toBeCloseTo(5 / 9, 12)
    // Cy: attainment 1 − 0.15 ÷ 0.325 = 0.5385; avg deal 1 − 3,000 ÷ 20,000 = 0.85;
    // coverage 1 − 0.5882 ÷ 1.0441 = 0.4366; created 1 − 2 ÷ 2.5 = 0.2 → avg_deal_size
    expect(row('Cy').coach_on).toBe('avg_deal_size')
    expect(row('Cy').coach_gap).toBeCloseTo(0.85, 12)
    // Di: attainment, coverage and created all 1 − 0 = 1 → the first in column order
    expect([row('Di').coach_on, row('Di').coach_gap]).toEqual(['quota_attainment', 1])
  })

  it('flags the bottom quartile only where the team has 4 values (the worst of 4)', () => {
    // attainment, coverage, created have 4 values: the worst is Di's 0 each time;
    // win rate, deal size and cycle have 3 values (Di has none): no quartile
    expect(row('Di').bottom_quartile).toEqual(['quota_attainment', 'pipeline_coverage', 'deals_created'])
    expect(row('Cy').bottom_quartile).toEqual([])
  })

  it('shows a leaver as such, not coached and not flagged', () => {
    expect(row('Ed')).toMatchObject({
      ramp_status: 'leaver',
      coach_on: null,
      coach_gap: null,
      bottom_quartile: [],
      won_amount: money(75000),
      quota: null,
      quota_attainment: null,
    })
  })

  it('ramps reps until their trailing-quarter bookings reach the team median, within 12 months', () => {
    // Bo: 8 months, 24,000 ≥ 13,500 → ramped; Cy: 4 months, 3,000 < 13,500 → ramping;
    // Di: 9 months, 0 → ramping; Ann: 41 months → ramped
    expect(['Ann', 'Bo', 'Cy', 'Di'].map((n) => row(n).ramp_status)).toEqual([
      'ramped',
      'ramped',
      'ramping',
      'ramping',
    ])
    // Cy's first win 2025-05-11 − hire 2025-02-10 = 18 + 31 + 30 + 11 = 90 days
    expect(row('Cy').days_to_first_win).toBe(90)
  })

  it('compares a rep without a team with the other reps without a team', () => {
    // Zoe alone: her medians are her own values, so nothing to coach and no quartile; she booked
    // nothing (0 = her own median), and bookings of 0 never make a rep ramped
    expect(row('Zoe')).toMatchObject({
      team: '(none)',
      team_reps: 1,
      coach_on: null,
      deals_created: 0,
      trailing_bookings_team_median: 0,
      ramp_status: 'ramping',
    })
  })

  it('notes the deals it leaves out: unknown owners and managers', () => {
    expect(report.notes).toEqual([
      '1 deal created or closing in 2025-Q2 has an owner that matches no rep (Zed); left out (see check: unknown-owner)',
      '1 deal created or closing in 2025-Q2 belongs to managers (Mia); shown with --include-managers',
    ])
  })

  it('lists managers with includeManagers, in the team population', () => {
    const withMia = repsReport(deals, reps, { ...options, quotas, includeManagers: true })
    expect(withMia.rows.map((r) => r.rep)).toContain('Mia')
    expect(withMia.rows.find((r) => r.rep === 'Ann')?.team_reps).toBe(5)
    expect(withMia.notes).toHaveLength(1)
  })

  it('measures coverage against the full quota with the quota basis', () => {
    // Ann: open 40,000 ÷ quota 50,000 = 0.8
    const r = repsReport(deals, reps, { ...options, quotas, coverageBasis: 'quota' })
    expect(r.rows.find((x) => x.rep === 'Ann')?.pipeline_coverage).toBe(0.8)
  })

  it('leaves quota, attainment and coverage empty without quotas, and coaches on the rest', () => {
    const r = repsReport(deals, reps, options)
    const di = r.rows.find((x) => x.rep === 'Di')
    expect([di?.quota, di?.quota_attainment, di?.pipeline_coverage]).toEqual([null, null, null])
    // Di: only deals_created is comparable: 1 − 0 ÷ 2.5 = 1
    expect([di?.coach_on, di?.coach_gap]).toEqual(['deals_created', 1])
  })

  it('gives an empty report for an empty reps file', () => {
    expect(repsReport(deals, [], options).rows).toEqual([])
  })
})
