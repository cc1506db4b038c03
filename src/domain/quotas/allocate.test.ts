import { describe, expect, it } from 'vitest'
import { day, deal, money, rep } from '../../../test/support/factories.js'
import type { Account } from '../../model/account.js'
import { periodOf } from '../shared/period.js'
import { allocateQuotas, rollUp } from './allocate.js'
import type { AllocateOptions } from './allocate.js'

// the fixtures/quotas company (README.md there works out the same numbers)
const REPS = [
  rep({
    id: 'R1',
    name: 'Ann Lee',
    team: 'East',
    region: 'NA',
    role: 'Manager',
    hire_date: day('2018-01-01'),
  }),
  rep({ id: 'R2', name: 'Bo Chan', team: 'East', region: 'NA', hire_date: day('2020-03-01') }),
  rep({ id: 'R3', name: 'Cy Diaz', team: 'East', region: 'NA', hire_date: day('2021-06-15') }),
  rep({ id: 'R4', name: 'Di Egan', team: 'West', region: 'EMEA', hire_date: day('2022-01-10') }),
  rep({ id: 'R5', name: 'Ed Fox', team: 'West', region: 'EMEA', hire_date: day('2027-02-20') }),
  rep({
    id: 'R6',
    name: 'Flo Gray',
    team: 'West',
    region: 'EMEA',
    hire_date: day('2019-05-01'),
    end_date: day('2026-09-30'),
  }),
]
const won = (owner: string, units: number, close: string) =>
  deal({ owner, status: 'won', amount: money(units), close_date: day(close) })
const DEALS = [
  won('Bo Chan', 300_000, '2026-02-10'),
  won('Bo Chan', 100_000, '2026-08-20'),
  won('Cy Diaz', 200_000, '2026-05-05'),
  won('Di Egan', 200_000, '2026-11-01'),
  won('Flo Gray', 100_000, '2026-03-01'), // leaver: seasonality only
  won('Bo Chan', 100_000, '2025-10-01'), // before the history window: seasonality only
  deal({ owner: 'Cy Diaz', status: 'lost', amount: money(50_000), close_date: day('2026-04-01') }),
  deal({ owner: 'Di Egan', status: 'open', amount: money(80_000), close_date: day('2026-12-15') }),
  won('Bo Chan', 500_000, '2024-06-01'), // outside both windows
]
const account = (id: string, owner: string | undefined, units: number): Account => ({
  id,
  owner,
  potential: money(units),
  source_file: 'accounts.csv',
  source_line: 2,
})
const ACCOUNTS = [
  account('A1', 'Bo Chan', 500_000),
  account('A2', 'Cy Diaz', 300_000),
  account('A3', 'Cy Diaz', 100_000),
  account('A4', 'Di Egan', 100_000),
  account('A5', undefined, 50_000),
  account('A6', 'Ann Lee', 70_000), // a manager: not a carrier
]
const BASE: AllocateOptions = {
  target: money(1_000_000),
  period: periodOf(day('2027-01-01'), 'year'),
  basis: { kind: 'even' },
  ramp: [0.25, 0.5, 0.75],
  seasonality: false,
  calendar: { fiscalYearStart: 1 },
  asOf: day('2026-11-15'),
  deals: DEALS,
  accounts: ACCOUNTS,
}
const quotas = (options: Partial<AllocateOptions>) =>
  allocateQuotas(REPS, { ...BASE, ...options }).rows.map((r) => [r.rep, r.period, r.quota])
const total = (options: Partial<AllocateOptions>) =>
  allocateQuotas(REPS, { ...BASE, ...options }).rows.reduce((a, r) => a + r.quota, 0)

describe('allocateQuotas', () => {
  it('splits evenly over the carriers, spreading the new hire’s ramp gap and the leftover cents', () => {
    // carriers Bo, Cy, Di (ramp 1) and Ed (Jan 0, Feb .25, Mar .5, Apr .75, May–Dec 1 → 9.5/12 = 19/24);
    // weights ¼ × (1, 1, 1, 19/24) = 24, 24, 24, 19 (/96) → Σ 91/96
    // Bo, Cy, Di 1e8 × 24/91 = 26,373,626.37 cents; Ed 1e8 × 19/91 = 20,879,120.88
    // floors Σ 99,999,998 → 2 cents: Ed (.88), then the .37 tie to the smallest id, R2 Bo
    expect(quotas({})).toEqual([
      ['Bo Chan', '2027', money(263_736.27)],
      ['Cy Diaz', '2027', money(263_736.26)],
      ['Di Egan', '2027', money(263_736.26)],
      ['Ed Fox', '2027', money(208_791.21)],
    ])
  })

  it('weights by trailing bookings and gives the new seat the mean of the others', () => {
    // window 2025-11-16 .. 2026-11-15: Bo 400,000, Cy 200,000, Di 200,000; Ed (hired later) the mean 266,666.67
    // shares .375, .1875, .1875, .25; weights × ramp 36, 18, 18, 19 (/96) → Σ 91/96
    // Bo 1e8 × 36/91 = 39,560,439.56; Cy, Di 19,780,219.78; Ed 20,879,120.88 → floors Σ 99,999,997;
    // 3 cents to .88 (Ed), .78 (Cy, R3), .78 (Di, R4)
    const plan = allocateQuotas(REPS, { ...BASE, basis: { kind: 'history' } })
    expect(plan.rows.map((r) => [r.rep, r.quota, r.basis_share])).toEqual([
      ['Bo Chan', money(395_604.39), 0.375],
      ['Cy Diaz', money(197_802.2), 0.1875],
      ['Di Egan', money(197_802.2), 0.1875],
      ['Ed Fox', money(208_791.21), 0.25],
    ])
    expect(plan.notes).toEqual([
      '1 rep hired after the history window started gets the mean bookings of the other reps as basis',
    ])
  })

  it('weights by owned account potential, leaving a rep without accounts at 0', () => {
    // Bo 500,000, Cy 400,000, Di 100,000, Ed 0 (the manager's and the unowned account do not count)
    const plan = allocateQuotas(REPS, { ...BASE, basis: { kind: 'potential' } })
    expect(plan.rows.map((r) => [r.rep, r.quota])).toEqual([
      ['Bo Chan', money(500_000)],
      ['Cy Diaz', money(400_000)],
      ['Di Egan', money(100_000)],
      ['Ed Fox', 0],
    ])
    expect(plan.notes).toEqual(['1 rep owns no account potential: basis 0 from potential'])
  })

  it('blends history and potential shares and still adds up to the target', () => {
    // blend:0.5 → Bo .5 × .375 + .5 × .5 = .4375, Cy .29375, Di .14375, Ed .125
    const plan = allocateQuotas(REPS, { ...BASE, basis: { kind: 'blend', historyWeight: 0.5 } })
    expect(plan.rows.map((r) => r.basis_share)).toEqual([0.4375, 0.29375, 0.14375, 0.125])
    expect(plan.rows.reduce((a, r) => a + r.quota, 0)).toBe(money(1_000_000))
  })

  it('splits each quota over quarters by the last 24 months of bookings times the rep’s ramp', () => {
    // won 2024-11-16 .. 2026-11-15 by fiscal month (thousands): Feb 300, Mar 100, May 200, Aug 100, Oct 100, Nov 200
    // → quarters 400 / 200 / 100 / 300. Bo 39,560,439 × .4 / .2 / .1 / .3 = 15,824,175.6 / 7,912,087.8 /
    // 3,956,043.9 / 11,868,131.7 → floors Σ 39,560,436, 3 cents to .9 (Q3), .8 (Q2), .7 (Q4)
    // Ed: Q1 300 × .25 + 100 × .5 = 125, Q2 200 × 1 = 200 (April has no bookings), Q3 100, Q4 300 (Σ 725)
    // 20,879,121 × 125/725 = 3,599,848.45, × 200/725 = 5,759,757.52, × 100/725 = 2,879,878.76,
    // × 300/725 = 8,639,636.28 → floors Σ 20,879,119, 2 cents to .76 (Q3), .52 (Q2)
    const rows = quotas({ basis: { kind: 'history' }, split: 'quarter', seasonality: true })
    expect(rows.filter(([rep]) => rep === 'Bo Chan')).toEqual([
      ['Bo Chan', '2027-Q1', money(158_241.75)],
      ['Bo Chan', '2027-Q2', money(79_120.88)],
      ['Bo Chan', '2027-Q3', money(39_560.44)],
      ['Bo Chan', '2027-Q4', money(118_681.32)],
    ])
    expect(rows.filter(([rep]) => rep === 'Ed Fox')).toEqual([
      ['Ed Fox', '2027-Q1', money(35_998.48)],
      ['Ed Fox', '2027-Q2', money(57_597.58)],
      ['Ed Fox', '2027-Q3', money(28_798.79)],
      ['Ed Fox', '2027-Q4', money(86_396.36)],
    ])
    expect(total({ basis: { kind: 'history' }, split: 'quarter', seasonality: true })).toBe(money(1_000_000))
  })

  it('splits by months only without seasonality and gives every month row the month factor', () => {
    const plan = allocateQuotas(REPS, { ...BASE, split: 'month', seasonality: false })
    const ed = plan.rows.filter((r) => r.rep === 'Ed Fox')
    expect(ed.map((r) => r.ramp_factor)).toEqual([0, 0.25, 0.5, 0.75, 1, 1, 1, 1, 1, 1, 1, 1])
    // January is before the hire: factor 0, quota 0
    expect(ed[0]?.quota).toBe(0)
    expect(plan.rows.reduce((a, r) => a + r.quota, 0)).toBe(money(1_000_000))
  })

  it('rolls rep rows up to teams whose quotas add up to the target', () => {
    // East: Bo 395,604.39 + Cy 197,802.20 = 593,406.59; West: Di 197,802.20 + Ed 208,791.21 = 406,593.41
    const plan = allocateQuotas(REPS, { ...BASE, basis: { kind: 'history' } })
    expect(rollUp(plan.rows, 'team').map((r) => [r.group, r.reps, r.quota])).toEqual([
      ['East', 2, money(593_406.59)],
      ['West', 2, money(406_593.41)],
    ])
  })

  it('reports a failure instead of rows when every basis weight is 0', () => {
    const plan = allocateQuotas(REPS, { ...BASE, basis: { kind: 'potential' }, accounts: [] })
    expect(plan.rows).toEqual([])
    expect(plan.failure).toBe('every quota carrier has a potential basis of 0: nothing to allocate by')
  })

  it('adds up to the target to the cent for an awkward target and many reps', () => {
    const many = Array.from({ length: 37 }, (_, i) =>
      rep({ id: `X${i}`, name: `Rep ${i}`, hire_date: day('2020-01-01') }),
    )
    const plan = allocateQuotas(many, { ...BASE, target: 1_234_567_89 })
    expect(plan.rows.reduce((a, r) => a + r.quota, 0)).toBe(1_234_567_89)
  })
})
