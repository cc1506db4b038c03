import { describe, expect, it } from 'vitest'
import { money } from '../../../test/support/factories.js'
import type { CommissionRow } from './run-commissions.js'
import { whatIfRows } from './what-if.js'

function row(rep: string, plan: string, payout: number): CommissionRow {
  const zero = money(0)
  return {
    rep,
    rep_id: rep,
    plan,
    period: '2026-Q3',
    credited_amount: zero,
    quota: null,
    attainment: null,
    earned: money(payout),
    spif: zero,
    draw: zero,
    clawback: zero,
    adjustments: zero,
    payout: money(payout),
  }
}

describe('whatIfRows', () => {
  it('puts both payouts side by side with the difference, keeping reps of one side only', () => {
    // Ann 5,000 → 6,250 (+1,250); Bo only now (4,000 → −4,000); Cy only in the what-if (+700)
    const rows = whatIfRows(
      [row('Bo', 'a', 4_000), row('Ann', 'a', 5_000)],
      [row('Ann', 'b', 6_250), row('Cy', 'b', 700)],
      ['2026-Q3'],
    )
    expect(rows.map((r) => [r.rep, r.payout, r.what_if_payout, r.difference])).toEqual([
      ['Ann', money(5_000), money(6_250), money(1_250)],
      ['Bo', money(4_000), null, money(-4_000)],
      ['Cy', null, money(700), money(700)],
    ])
  })
})
