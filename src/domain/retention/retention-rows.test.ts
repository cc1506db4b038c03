import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import { calendarYear } from '../shared/period.js'
import { retentionReport } from './retention-rows.js'
import type { RetentionReportOptions, RetentionRow } from './retention-rows.js'
import { testBook, testSegments } from './test-factories.js'

const options: RetentionReportOptions = {
  grain: 'quarter',
  calendar: calendarYear,
  from: day('2025-01-01'),
  to: undefined,
  asOf: day('2025-12-31'),
  by: undefined,
  graceDays: 30,
  monthly: false,
}

/** [period, starting, new, expansion, contraction, churned, ending] in whole units */
const bridgeOf = (r: RetentionRow) => [
  r.period,
  ...[r.starting_arr, r.new_arr, r.expansion_arr, r.contraction_arr, r.churned_arr, r.ending_arr].map(
    (c) => c / 100,
  ),
]

describe('retentionReport', () => {
  const report = retentionReport(testBook, options)

  it('bridges every quarter of 2025 (fixtures/retention/README.md)', () => {
    expect(report.rows.map(bridgeOf)).toEqual([
      // 01-01: A 12 + B 10 + D 8 + F 20 + G 3 = 53k; 04-01: + C new 5k (D still 8k: renewed late, within grace)
      ['2025-Q1', 53000, 5000, 0, 0, 0, 58000],
      // A renews 12k → 15k on 07-01 (expansion 3k); B churned 10k; D renewed 8k → 6k; E new 4k
      // 58 + 4 + 3 − 2 − 10 = 53k
      ['2025-Q2', 58000, 4000, 3000, 2000, 10000, 53000],
      // C adds Analytics 2k on 08-01: 53 + 2 = 55k
      ['2025-Q3', 53000, 0, 2000, 0, 0, 55000],
      // E churned 4k, G not renewed 3k, F renews 20k → 22k on 2026-01-01: 55 + 2 − 7 = 50k
      ['2025-Q4', 55000, 0, 2000, 0, 7000, 50000],
    ])
  })

  it('holds starting + new + expansion − contraction − churned = ending in every row', () => {
    for (const r of [...report.rows, report.totals]) {
      expect(r.starting_arr + r.new_arr + r.expansion_arr - r.contraction_arr - r.churned_arr).toBe(
        r.ending_arr,
      )
    }
  })

  it('counts customers, logo churn, GRR and NRR of Q2: 6 at start, B lost', () => {
    const q2 = report.rows[1]
    expect([q2?.customers_start, q2?.customers_lost]).toEqual([6, 1])
    expect(q2?.logo_churn_rate).toBeCloseTo(1 / 6, 12)
    expect(q2?.grr).toBeCloseTo((58000 - 10000 - 2000) / 58000, 12) // 0.7931
    expect(q2?.nrr).toBeCloseTo((58000 - 10000 - 2000 + 3000) / 58000, 12) // 0.8448
  })

  it('bridges the whole range in the totals row: E, new and lost within the year, shows in neither', () => {
    // A 12→15 (+3), B 10→0, C 0→7 (new), D 8→6 (−2), E 0→0, F 20→22 (+2), G 3→0
    expect(bridgeOf(report.totals)).toEqual(['total', 53000, 7000, 5000, 2000, 13000, 50000])
    expect([report.totals.customers_start, report.totals.customers_lost]).toEqual([5, 2])
    expect(report.totals.grr).toBeCloseTo(38 / 53, 12)
    expect(report.totals.nrr).toBeCloseTo(43 / 53, 12)
  })

  it('measures a running period up to the day after --as-of and labels its last day as --as-of', () => {
    const running = retentionReport(testBook, {
      ...options,
      from: day('2025-10-01'),
      asOf: day('2025-11-15'),
    })
    // on 2025-11-16: E churned on 11-10 (4k); G ended 11-30, still active: 55 − 4 = 51k
    expect(running.rows.map(bridgeOf)).toEqual([['2025-Q4', 55000, 0, 0, 0, 4000, 51000]])
    expect(running.rows[0]?.period_end).toBe(day('2025-11-15'))
  })

  it('leaves out periods after --as-of and says so', () => {
    const r = retentionReport(testBook, { ...options, from: day('2025-07-01'), to: day('2026-06-30') })
    expect(r.rows.map((row) => row.period)).toEqual(['2025-Q3', '2025-Q4'])
    expect(r.notes).toEqual([
      'periods after --as-of 2025-12-31 are left out: nothing has happened in them yet',
    ])
  })

  it('starts at the first contract start without --from; a contract starting on a period boundary counts there', () => {
    const r = retentionReport(testBook, { ...options, from: undefined })
    // F starts 2024-01-01, the first day of 2024-Q1: already starting ARR. D starts 2024-04-01, the
    // day Q1's ending ARR is measured on: new in Q1, not in Q2.
    expect(r.rows[0] === undefined ? undefined : bridgeOf(r.rows[0])).toEqual([
      '2024-Q1',
      20000,
      8000,
      0,
      0,
      0,
      28000,
    ])
    expect(r.rows).toHaveLength(8) // 2024-Q1 … 2025-Q4
  })

  it('reads monthly values × 12 with --mrr', () => {
    const r = retentionReport(testBook, { ...options, monthly: true })
    expect(r.rows[0]?.starting_arr).toBe(money(53000 * 12))
  })

  it('gives one company row of zeros and null rates for a period without contracts', () => {
    const r = retentionReport([], { ...options, from: day('2025-10-01') })
    expect(r.rows.map(bridgeOf)).toEqual([['2025-Q4', 0, 0, 0, 0, 0, 0]])
    expect([r.rows[0]?.logo_churn_rate, r.rows[0]?.grr, r.rows[0]?.nrr]).toEqual([null, null, null])
  })
})

describe('retentionReport --by', () => {
  it('splits by segment; the segments add up to the company in every period', () => {
    const r = retentionReport(testBook, { ...options, by: 'segment', accounts: testSegments })
    expect(
      r.rows.filter((row) => row.period === '2025-Q4').map((row) => [row.group, ...bridgeOf(row)]),
    ).toEqual([
      // Enterprise A 15 + F 20 → F renews at 22: +2
      ['Enterprise', '2025-Q4', 35000, 0, 2000, 0, 0, 37000],
      // SMB C 7 + D 6 + E 4 + G 3 = 20 → E and G lost: 13
      ['SMB', '2025-Q4', 20000, 0, 0, 0, 7000, 13000],
    ])
    const company = retentionReport(testBook, options).rows
    for (const c of company) {
      const parts = r.rows.filter((row) => row.period === c.period)
      expect(parts.reduce((s, p) => s + p.starting_arr, 0)).toBe(c.starting_arr)
      expect(parts.reduce((s, p) => s + p.ending_arr, 0)).toBe(c.ending_arr)
      expect(parts.reduce((s, p) => s + p.customers_lost, 0)).toBe(c.customers_lost)
    }
  })

  it('puts accounts without a segment, or missing from the accounts file, under (none)', () => {
    const r = retentionReport(testBook, {
      ...options,
      from: day('2025-10-01'),
      by: 'segment',
      accounts: testSegments.filter((a) => a.id !== 'G'),
    })
    expect(r.rows.map((row) => [row.group, row.starting_arr / 100])).toEqual([
      ['Enterprise', 35000],
      ['SMB', 17000], // C 7 + D 6 + E 4
      ['(none)', 3000], // G
    ])
  })

  it('counts a customer per product: C adding Analytics is new there, not expansion', () => {
    const r = retentionReport(testBook, { ...options, from: day('2025-07-01'), by: 'product' })
    const q3 = r.rows.filter((row) => row.period === '2025-Q3').map((row) => [row.group, ...bridgeOf(row)])
    expect(q3).toEqual([
      ['Analytics', '2025-Q3', 4000, 2000, 0, 0, 0, 6000], // E 4k; C new 2k
      ['Platform', '2025-Q3', 49000, 0, 0, 0, 0, 49000], // A 15 + C 5 + D 6 + F 20 + G 3
    ])
  })

  it('attributes an account to the owner of its ARR on the first day of the period: a handover is no churn', () => {
    const r = retentionReport(testBook, { ...options, by: 'owner' })
    const of = (period: string, owner: string) => {
      const row = r.rows.find((x) => x.period === period && x.group === owner)
      return row === undefined ? undefined : bridgeOf(row)
    }
    // Q2: Ann owns A (C1) and D on 04-01; A renews under Bo on 07-01 and still counts for Ann in Q2
    expect(of('2025-Q2', 'Ann')).toEqual(['2025-Q2', 20000, 0, 3000, 2000, 0, 21000])
    // Q3: on 07-01 A's ARR is C2 (Bo): Ann keeps D only, Bo has A 15 + E 4
    expect(of('2025-Q3', 'Ann')).toEqual(['2025-Q3', 6000, 0, 0, 0, 0, 6000])
    expect(of('2025-Q3', 'Bo')).toEqual(['2025-Q3', 19000, 0, 0, 0, 0, 19000])
    const lostByAnn = r.rows.filter((x) => x.group === 'Ann').reduce((s, x) => s + x.churned_arr, 0)
    expect(lostByAnn).toBe(0)
  })

  it('attributes a new account to the owner of its ARR on the measuring day', () => {
    const r = retentionReport(testBook, { ...options, by: 'owner' })
    // C (Cy) starts 2025-02-01: no ARR on 01-01, so the owner on 04-01 counts
    expect(r.rows.find((x) => x.period === '2025-Q1' && x.group === 'Cy')?.new_arr).toBe(money(5000))
  })

  it('leaves out group rows without ARR on either day', () => {
    const r = retentionReport(
      [
        contract({
          account_id: 'X',
          product: 'P',
          start: day('2025-11-01'),
          end: day('2026-10-31'),
          value: money(1),
        }),
      ],
      { ...options, by: 'product' },
    )
    expect(r.rows.map((row) => row.period)).toEqual(['2025-Q4'])
  })
})
