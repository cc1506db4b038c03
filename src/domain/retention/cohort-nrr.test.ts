import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import { calendarYear } from '../shared/period.js'
import { contractSpans } from './arr-movements.js'
import { cohortNrr, firstArr } from './cohort-nrr.js'
import type { CohortOptions } from './cohort-nrr.js'
import { retentionGroups } from './retention-groups.js'
import { testBook, testSegments } from './test-factories.js'

const spanOptions = { graceDays: 30, monthly: false }
const options: CohortOptions = {
  grain: 'quarter',
  calendar: calendarYear,
  from: undefined,
  to: undefined,
  asOf: day('2025-12-31'),
}
const company = { groups: [{ key: '', spans: contractSpans(testBook, spanOptions) }] }
const round = (v: number | null) => (v === null ? null : Number(v.toFixed(4)))

describe('cohortNrr', () => {
  const report = cohortNrr(company, false, options)

  it('has a column every 3 months up to the oldest customer’s age: F, from 2024-01-01, is 23 months old', () => {
    expect(report.months).toEqual([3, 6, 9, 12, 15, 18, 21])
  })

  it('puts each customer in the quarter of its first day with ARR, with its ARR that day as base', () => {
    expect(report.rows.map((r) => [r.cohort, r.customers, r.starting_arr / 100])).toEqual([
      ['2024-Q1', 1, 20000], // F
      ['2024-Q2', 1, 8000], // D
      ['2024-Q3', 1, 12000], // A
      ['2024-Q4', 2, 13000], // B 10 + G 3
      ['2025-Q1', 1, 5000], // C
      ['2025-Q2', 1, 4000], // E
    ])
  })

  it('computes NRR at k months from each customer’s own start, empty where nobody is that old', () => {
    expect(report.rows.map((r) => r.nrr.map(round))).toEqual([
      [1, 1, 1, 1, 1, 1, 1], // F renews flat every year
      [1, 1, 1, 1, 0.75, 0.75, null], // D: 8k, renewed at 6k from 2025-04-20 (the 12-month day 04-01 is in grace)
      [1, 1, 1, 1.25, 1.25, null, null], // A: 12k → 15k on 2025-07-01 = start + 12 months
      // m9: B (2025-07-01) churned 0, G (2025-09-01) 3k → 3 ÷ 13; m12: G ended 2025-11-30 → 0
      [1, 1, 0.2308, 0, null, null, null],
      [1, 1.4, 1.4, null, null, null, null], // C: 5k, + Analytics 2k from 2025-08-01 = start + 6 months
      [1, 1, null, null, null, null, null], // E: churns 2025-11-10, after its 6-month day 11-01
    ])
  })

  it('pools every customer in the all row, each cell over the customers old enough', () => {
    expect([report.totals.cohort, report.totals.customers, report.totals.starting_arr / 100]).toEqual([
      'all',
      7,
      62000,
    ])
    expect(report.totals.nrr.map(round)).toEqual([
      1, // 62 ÷ 62
      1.0323, // (F 20 + D 8 + A 12 + B 10 + G 3 + C 7 + E 4) 64 ÷ 62
      0.8621, // E not 9 months old: (20 + 8 + 12 + 0 + 3 + 7) 50 ÷ 58
      0.8113, // F, D, A, B, G: (20 + 8 + 15 + 0 + 0) 43 ÷ 53
      1.025, // F, D, A: (20 + 6 + 15) 41 ÷ 40
      0.9286, // F, D: 26 ÷ 28
      1, // F
    ])
  })

  it('keeps only the cohorts of the --from/--to range', () => {
    const r = cohortNrr(company, false, { ...options, from: day('2025-01-01'), to: day('2025-06-30') })
    expect(r.rows.map((x) => x.cohort)).toEqual(['2025-Q1', '2025-Q2'])
    expect(r.months).toEqual([3, 6, 9]) // C is 10 months old on 2025-12-31
  })

  it('uses month columns for monthly cohorts', () => {
    const r = cohortNrr(company, false, { ...options, grain: 'month', from: day('2025-05-01') })
    expect(r.rows.map((x) => x.cohort)).toEqual(['2025-05']) // E
    expect(r.months).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(r.rows[0]?.nrr).toEqual([1, 1, 1, 1, 1, 1, 0]) // E churned 11-10: 0 on 2025-12-01
  })

  it('splits cohorts by segment, each group with its own rows', () => {
    const r = cohortNrr(
      retentionGroups(testBook, 'segment', { ...spanOptions, accounts: testSegments }),
      true,
      options,
    )
    expect(r.rows.map((x) => [x.group, x.cohort])).toEqual([
      ['Enterprise', '2024-Q1'],
      ['Enterprise', '2024-Q3'],
      ['Enterprise', '2024-Q4'],
      ['SMB', '2024-Q2'],
      ['SMB', '2024-Q4'],
      ['SMB', '2025-Q1'],
      ['SMB', '2025-Q2'],
    ])
    expect(r.totals.group).toBe('total')
  })

  it('has no columns and no rows without customers', () => {
    const r = cohortNrr({ groups: [{ key: '', spans: [] }] }, false, options)
    expect([r.months, r.rows, r.totals.nrr, r.totals.customers]).toEqual([[], [], [], 0])
  })
})

describe('firstArr', () => {
  it('skips a contract that churned on its start day', () => {
    const spans = contractSpans(
      [
        contract({
          account_id: 'A',
          start: day('2025-01-01'),
          end: day('2025-12-31'),
          value: money(5),
          churn_date: day('2025-01-01'),
        }),
        contract({ account_id: 'A', start: day('2025-03-01'), end: day('2025-12-31'), value: money(7) }),
      ],
      spanOptions,
    )
    expect(firstArr(spans)).toEqual({ start: day('2025-03-01'), base: money(7) })
  })
})
