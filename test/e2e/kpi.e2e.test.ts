import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8')
const base = [
  'kpi',
  'kpi/deals.csv',
  '--quotas',
  'kpi/quotas.csv',
  '--as-of',
  '2025-06-30',
  '--format',
  'csv',
]

describe('salesops kpi', () => {
  it('computes the worked example by quarter with a totals row (fixtures/kpi/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli([...base, '--from', '2025-01-01', '--totals'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('kpi-quarters.csv'))
  })

  it('groups by owner, keeping the owner column name, without totals in csv', () => {
    const { exitCode, stdout } = runCli([...base, '--from', '2025-04-01', '--by', 'owner'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('kpi-by-owner.csv'))
  })

  it('switches the win rate to the created basis: 1 of the 4 created in Q2 was won (B)', () => {
    const { stdout } = runCli([
      ...base,
      '--from',
      '2025-04-01',
      '--win-rate-basis',
      'created',
      '--format',
      'json',
    ])
    const rows = JSON.parse(stdout) as { period: string; win_rate: number }[]
    expect(rows.map((r) => [r.period, r.win_rate])).toEqual([['2025-Q2', 0.25]])
  })

  it('prints the definitions in force with --explain, on stderr only', () => {
    const { exitCode, stdout, stderr } = runCli([
      ...base,
      '--from',
      '2025-04-01',
      '--explain',
      '--cycle-basis',
      'closed',
    ])
    expect(exitCode).toBe(0)
    expect(stderr).toContain(
      'sales_cycle_days   mean(close_date − created) over deals won or lost in P   [--cycle-basis closed]',
    )
    expect(stdout).not.toContain('definitions')
  })

  it('computes logo churn, revenue churn and CLV from contracts (fixtures/kpi/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli([
      'kpi',
      'kpi/deals.csv',
      '--contracts',
      'kpi/contracts.csv',
      '--gross-margin',
      '80%',
      '--from',
      '2025-10-01',
      '--to',
      '2025-12-31',
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const rows = JSON.parse(stdout) as {
      period: string
      logo_churn_rate: number
      revenue_churn_rate: number
      clv: number
    }[]
    expect(rows.map((r) => [r.period, r.logo_churn_rate, r.revenue_churn_rate, r.clv])).toEqual([
      ['2025-Q4', 0.5, 0.5286, 352.88],
    ])
  })

  it('rejects an unknown grouping field with exit 2', () => {
    const { exitCode, stderr } = runCli([...base, '--by', 'planet'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('cannot group by "planet"')
  })

  it('asks for stage history when --weights history is given without it (exit 2)', () => {
    const { exitCode, stderr } = runCli([...base, '--weights', 'history'])
    expect(exitCode).toBe(2)
    expect(stderr).toBe('error: --weights history needs --history FILE (stage history)\n')
  })

  it('runs on the demo company with every input and shows a table with money in its currency', () => {
    const { exitCode, stdout, stderr } = runCli([
      'kpi',
      '--demo',
      '--from',
      '2026-07-01',
      '--format',
      'table',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toContain('2026-Q3')
    expect(stdout).toMatch(/\$[\d,]+\.\d\d/)
  })
})
