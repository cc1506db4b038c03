import { describe, expect, it } from 'vitest'
import { contract, day, deal, money, quota, rep } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { churnLookup } from './credit.js'
import { runCommissions } from './run-commissions.js'
import { plan, planSet } from './test-factories.js'

const q3 = periodOf(day('2026-07-01'), 'quarter')
const q4 = periodOf(day('2026-10-01'), 'quarter')
const q1 = periodOf(day('2027-01-01'), 'quarter')
const ann = rep({ name: 'Ann', id: 'R1', role: 'AE', manager: 'Mia' })
const mia = rep({ name: 'Mia', id: 'M1', role: 'Manager' })
const won = (id: string, close: string, units: number, extra = {}) =>
  deal({ id, status: 'won', owner: 'Ann', close_date: day(close), amount: money(units), ...extra })

describe('runCommissions', () => {
  it('charges back a paid deal whose account churns within the window, in the churn period', () => {
    // Q3: X 40,000 × 10% = 4,000.00 paid. The account churns 2026-11-10, 51 days after the
    // 2026-09-20 close (≤ 90): Q4 clawback −4,000.00. Q4 also earns Y 10,000 × 10% = 1,000.00,
    // so Q4 payout = 1,000 − 4,000 = −3,000.00.
    const deals = [
      won('X', '2026-09-20', 40_000, { account_id: 'ACC-X' }),
      won('Y', '2026-10-05', 10_000, { account_id: 'ACC-Y' }),
    ]
    const churn = churnLookup([
      contract({
        account_id: 'ACC-X',
        start: day('2026-09-20'),
        end: day('2027-09-19'),
        value: money(40_000),
        churn_date: day('2026-11-10'),
      }),
    ])
    const set = planSet([plan({ clawbackDays: 90 })])
    const run = runCommissions(set, { deals, reps: [ann], quotas: [], periods: [q3, q4], churnDate: churn })
    expect(run.rows.map((r) => [r.period, r.earned, r.clawback, r.payout])).toEqual([
      ['2026-Q3', money(4_000), 0, money(4_000)],
      ['2026-Q4', money(1_000), money(-4_000), money(-3_000)],
    ])
    expect(run.statements[0]?.lines.at(-1)).toMatchObject({
      kind: 'clawback',
      deal: 'X',
      date: day('2026-11-10'),
    })
  })

  it('does not claw back a churn after the window', () => {
    // close 2026-07-10, churn 2026-12-01: 144 days > 90
    const deals = [won('X', '2026-07-10', 40_000, { account_id: 'ACC-X' })]
    const churn = churnLookup([
      contract({
        account_id: 'ACC-X',
        start: day('2026-07-10'),
        end: day('2027-07-09'),
        value: money(1),
        churn_date: day('2026-12-01'),
      }),
    ])
    const run = runCommissions(planSet([plan({ clawbackDays: 90 })]), {
      deals,
      reps: [ann],
      quotas: [],
      periods: [q3, q4],
      churnDate: churn,
    })
    expect(run.rows.map((r) => r.clawback)).toEqual([0, 0])
  })

  it('recovers a recoverable draw over two later periods', () => {
    // draw 3,000.00, flat 10%
    // Q3: earned 1,000 → draw +2,000 (balance 2,000), payout 3,000
    // Q4: earned 4,000 → recover min(2,000, 4,000 − 3,000) = 1,000 (balance 1,000), payout 3,000
    // Q1: earned 6,000 → recover min(1,000, 3,000) = 1,000 (balance 0), payout 5,000
    const deals = [
      won('A', '2026-08-15', 10_000),
      won('B', '2026-10-20', 40_000),
      won('C', '2027-02-01', 60_000),
    ]
    const set = planSet([plan({ draw: { amount: money(3_000), recoverable: true } })])
    const run = runCommissions(set, { deals, reps: [ann], quotas: [], periods: [q3, q4, q1] })
    expect(run.rows.map((r) => [r.earned, r.draw, r.payout])).toEqual([
      [money(1_000), money(2_000), money(3_000)],
      [money(4_000), money(-1_000), money(3_000)],
      [money(6_000), money(-1_000), money(5_000)],
    ])
  })

  it('tops up a non-recoverable draw without recovering it later', () => {
    // Q3 earned 1,000 → +2,000 (payout 3,000); Q4 earned 4,000 → nothing recovered (payout 4,000)
    const deals = [won('A', '2026-08-15', 10_000), won('B', '2026-10-20', 40_000)]
    const set = planSet([plan({ draw: { amount: money(3_000), recoverable: false } })])
    const run = runCommissions(set, { deals, reps: [ann], quotas: [], periods: [q3, q4] })
    expect(run.rows.map((r) => [r.draw, r.payout])).toEqual([
      [money(2_000), money(3_000)],
      [0, money(4_000)],
    ])
  })

  it('rolls the reports’ credit up to a manager plan with roll_up, and prorates quotas', () => {
    // Ann A 10,000 (AE plan 10% = 1,000); Mia: roll-up 10,000 × 1% = 100.00
    const set = planSet([
      plan({ id: 'ae', roles: ['AE'] }),
      plan({ id: 'mgr', roles: ['Manager'], tiers: [{ from: 0, rate: 0.01 }], rollUp: true }),
    ])
    const run = runCommissions(set, {
      deals: [won('A', '2026-08-15', 10_000)],
      reps: [ann, mia],
      quotas: [
        quota({ owner: 'Ann', start: day('2026-07-01'), end: day('2026-12-31'), amount: money(92_000) }),
      ],
      periods: [q3],
    })
    // Ann's quota: 92,000 over 184 days, 92 of them in Q3 → 46,000.00
    expect(run.rows.map((r) => [r.rep, r.plan, r.credited_amount, r.quota, r.payout])).toEqual([
      ['Ann', 'ae', money(10_000), money(46_000), money(1_000)],
      ['Mia', 'mgr', money(10_000), null, money(100)],
    ])
    expect(run.statements[1]?.lines[0]?.rule).toContain('roll-up from Ann')
  })

  it('reconciles every payout with the sum of its statement lines, to the cent', () => {
    const deals = [
      won('A', '2026-07-10', 33_333.33),
      won('B', '2026-08-01', 66_666.67, { type: 'renewal', product: 'Analytics' }),
      won('C', '2026-10-03', 12_345.67),
    ]
    const set = planSet([
      plan({
        tiers: [
          { from: 0, rate: 0.07 },
          { from: 0.5, rate: 0.113 },
          { from: 1, rate: 0.157 },
        ],
        tiered: true,
        rates: [{ type: 'renewal', multiplier: 0.5 }],
        cap: money(8_000),
        spifs: [{ name: 's', amount: money(99.99), product: 'Analytics' }],
        draw: { amount: money(5_000), recoverable: true },
      }),
    ])
    const quotas = [
      quota({ owner: 'Ann', start: day('2026-07-01'), end: day('2027-03-31'), amount: money(180_000) }),
    ]
    const run = runCommissions(set, { deals, reps: [ann], quotas, periods: [q3, q4, q1] })
    for (const row of run.rows) {
      const lines = run.statements[0]?.lines.filter((l) => l.period === row.period) ?? []
      expect(lines.reduce((s, l) => s + l.commission, 0)).toBe(row.payout)
      expect(row.earned + row.spif + row.draw + row.clawback + row.adjustments).toBe(row.payout)
    }
  })

  it('skips reps without a plan (with a note when they have credit) and reps not employed', () => {
    const set = planSet([plan({ roles: ['AE'] })])
    const run = runCommissions(set, {
      deals: [won('A', '2026-08-15', 10_000, { owner: 'Mia' })],
      reps: [ann, mia, rep({ name: 'Gone', role: 'AE', end_date: day('2026-06-30') })],
      quotas: [],
      periods: [q3],
    })
    expect(run.rows.map((r) => r.rep)).toEqual(['Ann'])
    expect(run.notes[0]).toContain('no plan in force')
  })
})
