import { describe, expect, it } from 'vitest'
import { day, deal, money, rep } from '../../../test/support/factories.js'
import { formatIsoDate } from '../../model/calendar-date.js'
import { periodOf } from '../shared/period.js'
import { capacityPlan, capacityWindow, productivity, rampFactor } from './plan.js'
import type { CapacityOptions } from './plan.js'

// the fixtures/capacity company (README.md there works out the same numbers)
const REPS = [
  rep({ id: 'M1', name: 'Mo Hart', role: 'Manager', hire_date: day('2015-01-01') }),
  rep({ id: 'A1', name: 'Al Ames', hire_date: day('2020-01-01') }),
  rep({ id: 'B1', name: 'Bea Bond', hire_date: day('2020-01-01'), end_date: day('2026-04-30') }),
  rep({ id: 'C1', name: 'Cal Cole', hire_date: day('2026-02-10') }),
  rep({ id: 'D1', name: 'Dee Dunn', hire_date: day('2026-10-01') }),
]
const won = (owner: string, units: number, close: string) =>
  deal({ owner, status: 'won', amount: money(units), close_date: day(close) })
const DEALS = [
  won('Al Ames', 300_000, '2025-11-20'),
  won('Al Ames', 300_000, '2026-02-14'),
  won('Al Ames', 300_000, '2026-06-30'),
  won('Al Ames', 300_000, '2026-10-31'),
  won('Bea Bond', 330_000, '2026-03-15'),
  won('Cal Cole', 100_000, '2026-03-20'), // Cal's tenure month 1: ramping, not counted
  won('Cal Cole', 150_000, '2026-09-10'),
  won('Al Ames', 999_000, '2025-10-31'), // before the window
  won('Al Ames', 888_000, '2026-11-01'), // after the window
  deal({ owner: 'Al Ames', status: 'lost', amount: money(200_000), close_date: day('2026-05-01') }),
  won('Mo Hart', 777_000, '2026-05-01'), // a manager
]
const OPTIONS: CapacityOptions = {
  target: money(4_000_000),
  period: periodOf(day('2027-01-01'), 'year'),
  rampMonths: 6,
  attrition: 0.4,
  timeToHireDays: 60,
  calendar: { fiscalYearStart: 1 },
  asOf: day('2026-11-15'),
}

describe('capacityWindow', () => {
  it('is the 12 whole months before the as-of month when the plan starts later', () => {
    const w = capacityWindow(OPTIONS.period, OPTIONS.asOf)
    expect([formatIsoDate(w.start), formatIsoDate(w.end)]).toEqual(['2025-11-01', '2026-11-01'])
  })
})

describe('rampFactor', () => {
  it('ramps linearly over the ramp months, half a month’s worth in the middle of each', () => {
    const dee = rep({ name: 'Dee', hire_date: day('2026-10-01') })
    // tenure 3, 4, 5 in Jan, Feb, Mar 2027 → 3.5/6, 4.5/6, 5.5/6; April is month 6: ramped
    expect(rampFactor(dee, day('2027-01-01'), 6)).toBeCloseTo(3.5 / 6, 12)
    expect(rampFactor(dee, day('2027-03-01'), 6)).toBeCloseTo(5.5 / 6, 12)
    expect(rampFactor(dee, day('2027-04-01'), 6)).toBe(1)
    expect(rampFactor(dee, day('2026-09-01'), 6)).toBe(0)
  })
})

describe('productivity', () => {
  it('divides the bookings of ramped rep-months by their number and annualises', () => {
    // Al 12 months 1,200,000; Bea Nov–Apr 6 months 330,000; Cal Aug–Oct 3 months 150,000; Dee none
    // → 1,680,000 ÷ 21 × 12 = 960,000
    const carriers = REPS.slice(1)
    const p = productivity(carriers, DEALS, capacityWindow(OPTIONS.period, OPTIONS.asOf), 6)
    expect(p).toEqual({ perYear: money(960_000), repMonths: 21 })
  })
})

describe('capacityPlan', () => {
  it('plans hires per quarter against attrition and the ramp', () => {
    // per quarter 1,000,000 ÷ 240,000 = 4.17 → 5 reps needed
    // Q1: Al, Cal ramped, Dee ramping (Bea gone); attrition 3 × .1 = .3; capacity 1 + 1 + .75 − .3 = 2.45 → 3 hires
    //     start_by 2027-01-01 − 6 months = 2026-07-01, hire_by − 60 days = 2026-05-02
    // Q2: Dee ramped; attrition (3 + 3) × .1 = .6, cumulative .9; capacity 3 + 3 − .9 = 5.1 → 0
    // Q3: attrition .6, cumulative 1.5; capacity 6 − 1.5 = 4.5 → 1 hire, start 2027-01-01, hire_by 2026-11-02
    // Q4: attrition (3 + 4) × .1 = .7, cumulative 2.2; capacity 7 − 2.2 = 4.8 → 1 hire, 2027-04-01 / 2027-01-31
    const plan = capacityPlan(REPS, DEALS, OPTIONS)
    expect(
      plan.rows.map((r) => [
        r.period,
        r.needed_reps,
        r.ramped_reps,
        r.ramping_reps,
        Number(r.expected_attrition.toFixed(6)),
        Number(r.capacity.toFixed(6)),
        r.hires_needed,
        r.start_by === null ? null : formatIsoDate(r.start_by),
        r.hire_by === null ? null : formatIsoDate(r.hire_by),
      ]),
    ).toEqual([
      ['2027-Q1', 5, 2, 1, 0.3, 2.45, 3, '2026-07-01', '2026-05-02'],
      ['2027-Q2', 5, 3, 0, 0.6, 5.1, 0, null, null],
      ['2027-Q3', 5, 3, 0, 0.6, 4.5, 1, '2027-01-01', '2026-11-02'],
      ['2027-Q4', 5, 3, 0, 0.7, 4.8, 1, '2027-04-01', '2027-01-31'],
    ])
    expect(plan.notes).toEqual([
      '2027-Q1, 2027-Q3: hire_by is before the as-of date: those hires cannot be ramped in time',
    ])
  })

  it('costs the headcount on board each quarter, including hires that are still ramping', () => {
    // Q1: 3 on board + hires starting before Apr 1 (Q1's 3, Q3's 1) − .3 = 6.7 → 100,000 × 6.7 ÷ 4 = 167,500
    // Q2: 3 + 5 − .9 = 7.1 → 177,500; Q3: 8 − 1.5 = 6.5 → 162,500; Q4: 8 − 2.2 = 5.8 → 145,000
    // Σ 652,500 ÷ 4,000,000 = 16.3125 %
    const plan = capacityPlan(REPS, DEALS, { ...OPTIONS, costPerRep: money(100_000) })
    expect(plan.rows.map((r) => r.headcount_cost)).toEqual([
      money(167_500),
      money(177_500),
      money(162_500),
      money(145_000),
    ])
    expect(plan.totalCost).toBe(money(652_500))
    expect(plan.costOfSales).toBeCloseTo(0.163125, 12)
  })

  it('fails without bookings by ramped reps', () => {
    const plan = capacityPlan(REPS, [], OPTIONS)
    expect(plan.failure).toBe(
      'no bookings by ramped reps in the history window: productivity per rep is unknown',
    )
  })
})
