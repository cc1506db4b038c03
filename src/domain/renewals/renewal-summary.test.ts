import { describe, expect, it } from 'vitest'
import { day, money } from '../../../test/support/factories.js'
import type { RenewalRow } from './renewal-rows.js'
import type { RenewalStatus } from './renewal-status.js'
import { renewalSummary } from './renewal-summary.js'

const row = (owner: string | undefined, status: RenewalStatus, value: number): RenewalRow => ({
  contract_id: 'X',
  account: 'A',
  owner,
  product: undefined,
  end: day('2026-06-30'),
  days_left: 15,
  value: money(value),
  auto_renew: undefined,
  status,
  renewed_by: undefined,
  churn_date: undefined,
})

describe('renewalSummary', () => {
  const rows = [
    row('Ann', 'renewed', 9000),
    row('Ann', 'renewed', 10000),
    row('Ann', 'churned', 3000),
    row('Ann', 'due', 12000),
    row('Bo', 'expired', 4000),
    row(undefined, 'upcoming', 500),
  ]
  const summary = renewalSummary(rows, 'owner')

  it('counts contracts and value per status and group, blank owners as (none) last', () => {
    expect(
      summary.rows.map((r) => [r.group, r.contracts, r.value / 100, r.renewed, r.renewed_value / 100]),
    ).toEqual([
      ['Ann', 4, 34000, 2, 19000],
      ['Bo', 1, 4000, 0, 0],
      ['(none)', 1, 500, 0, 0],
    ])
  })

  it('rates renewals by value over the decided ones: Ann 19,000 ÷ (19,000 + 3,000)', () => {
    expect(summary.rows[0]?.renewal_rate).toBeCloseTo(19000 / 22000, 12)
    expect(summary.rows[1]?.renewal_rate).toBe(0) // 0 ÷ 4,000 expired
    expect(summary.rows[2]?.renewal_rate).toBeNull() // nothing decided yet
  })

  it('computes the totals row from every row: 19,000 ÷ (19,000 + 3,000 + 4,000)', () => {
    expect([summary.totals.group, summary.totals.contracts, summary.totals.value / 100]).toEqual([
      'total',
      6,
      38500,
    ])
    expect(summary.totals.renewal_rate).toBeCloseTo(19000 / 26000, 12)
  })
})
