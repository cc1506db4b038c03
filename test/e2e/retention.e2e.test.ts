import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8')
const base = ['retention', 'retention/contracts.csv', '--as-of', '2025-12-31']

interface Row {
  period: string
  [key: string]: string | number | null
}
const num = (r: Row, key: string) => Number(r[key] ?? 0)
const json = (args: readonly string[]) => {
  const { exitCode, stdout, stderr } = runCli([...args, '--format', 'json'])
  expect(stderr).toBe('')
  expect(exitCode).toBe(0)
  return JSON.parse(stdout) as Row[]
}
const cents = (r: Row, key: string) => Math.round(num(r, key) * 100)
/** start + new + expansion − contraction − churned − end, in cents (0 when the bridge holds) */
const gap = (r: Row) =>
  cents(r, 'starting_arr') +
  cents(r, 'new_arr') +
  cents(r, 'expansion_arr') -
  cents(r, 'contraction_arr') -
  cents(r, 'churned_arr') -
  cents(r, 'ending_arr')

describe('salesops retention', () => {
  it('bridges every quarter of 2025, with the whole year as totals (fixtures/retention/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli([
      ...base,
      '--from',
      '2025-01-01',
      '--totals',
      '--format',
      'csv',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('retention-quarters.csv'))
  })

  it.each([
    [[]],
    [['--period', 'month']],
    [['--by', 'owner']],
    [['--by', 'product']],
    [['--period', 'year', '--mrr']],
  ])('holds starting + new + expansion − contraction − churned = ending in every row (%j)', (args) => {
    const rows = json([...base, ...args, '--totals'])
    expect(rows.length).toBeGreaterThan(1)
    for (const r of rows) expect([r.period, gap(r)]).toEqual([r.period, 0])
  })

  it('splits by segment through --accounts', () => {
    const { exitCode, stdout, stderr } = runCli([
      ...base,
      '--from',
      '2025-01-01',
      '--by',
      'segment',
      '--accounts',
      'retention/accounts.csv',
      '--totals',
      '--format',
      'csv',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('retention-by-segment.csv'))
  })

  it('shows NRR by start cohort × months since start with --cohorts', () => {
    const { exitCode, stdout, stderr } = runCli([...base, '--cohorts', '--totals', '--format', 'csv'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('retention-cohorts.csv'))
  })

  it('runs on the demo company: every period bridges, segments and owners add up to the company', () => {
    const args = ['retention', '--demo', '--from', '2026-01-01']
    const company = json(args)
    expect(company.map((r) => r.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(company.at(-1)?.['period_end']).toBe('2026-11-27') // running quarter: up to the snapshot date
    for (const by of ['segment', 'owner']) {
      const groups = json([...args, '--by', by])
      for (const c of company) {
        const parts = groups.filter((g) => g.period === c.period)
        for (const key of ['starting_arr', 'ending_arr', 'churned_arr', 'new_arr', 'customers_start']) {
          const sum = parts.reduce((s, p) => s + cents(p, key), 0)
          expect([by, c.period, key, sum]).toEqual([by, c.period, key, cents(c, key)])
        }
        for (const p of parts) expect(gap(p)).toBe(0)
      }
    }
  })

  it('agrees with kpi --contracts on logo churn (one implementation)', () => {
    const kpi = JSON.parse(
      runCli([
        'kpi',
        'kpi/deals.csv',
        '--contracts',
        'retention/contracts.csv',
        '--from',
        '2025-01-01',
        '--as-of',
        '2025-12-31',
        '--format',
        'json',
      ]).stdout,
    ) as Row[]
    const retention = json([...base, '--from', '2025-01-01'])
    expect(kpi.map((r) => [r.period, r['logo_churn_rate']])).toEqual(
      retention.map((r) => [r.period, r['logo_churn_rate']]),
    )
  })

  it('shows a table with the bridge and a totals row on the demo company', () => {
    const { exitCode, stdout, stderr } = runCli([
      'retention',
      '--demo',
      '--from',
      '2026-01-01',
      '--format',
      'table',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Starting ARR')
    expect(stdout).toMatch(/│ total\s+│/)
  })

  it('prints the definitions with --explain on stderr', () => {
    const { exitCode, stderr } = runCli([...base, '--explain', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stderr).toContain('identity           starting + new + expansion − contraction − churned = ending')
  })

  it('has a help text with examples', () => {
    const { exitCode, stdout } = runCli(['retention', '--help'])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/\nExamples:\n( {2}\$ salesops retention .+\n)+/)
  })

  it('asks for --accounts with --by segment (exit 2)', () => {
    const { exitCode, stderr } = runCli([...base, '--by', 'segment'])
    expect(exitCode).toBe(2)
    expect(stderr).toBe('error: --by segment needs --accounts FILE (account id → segment)\n')
  })

  it.each([
    ['--from after --as-of', ['--from', '2026-01-01']],
    ['a period it does not know', ['--period', 'week']],
    ['no contracts file', []],
  ])('rejects %s with exit 2', (_what, args) => {
    const cmd = args.length === 0 ? ['retention'] : [...base, ...args]
    expect(runCli(cmd).exitCode).toBe(2)
  })

  it('says on stderr that periods after --as-of are left out', () => {
    const { exitCode, stderr } = runCli([
      ...base,
      '--from',
      '2025-10-01',
      '--to',
      '2026-03-31',
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stderr).toBe(
      'note: periods after --as-of 2025-12-31 are left out: nothing has happened in them yet\n',
    )
  })
})
