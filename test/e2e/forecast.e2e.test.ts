import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8')
const worked = [
  'forecast/deals.csv',
  '--history',
  'forecast/stage_history.csv',
  '--as-of',
  '2025-07-01',
  '--simulations',
  '1000',
  '--seed',
  '1',
  '--format',
  'csv',
]

interface Summary {
  method: string
  periods: number
  wape: number
  bias: number
  p10_p90_coverage: number | null
  improvement_vs_weighted: number | null
}

describe('salesops forecast', () => {
  it('computes every method on the worked example (fixtures/forecast/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli([
      'forecast',
      ...worked,
      '--quotas',
      'forecast/quotas.csv',
      '--method',
      'all',
      '--horizon',
      '1',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('forecast-worked.csv'))
  })

  it('replays the worked example at the start of 2025-Q2 without peeking', () => {
    const { exitCode, stdout, stderr } = runCli(['forecast', 'backtest', ...worked, '--periods', '1'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('forecast-backtest-worked.csv'))
  })

  it('says so when there is no stage history', () => {
    const { exitCode, stdout, stderr } = runCli([
      'forecast',
      'forecast/deals.csv',
      '--as-of',
      '2025-07-01',
      '--format',
      'json',
    ])
    expect(exitCode).toBe(0)
    expect(stderr).toContain('no stage history')
    const rows = JSON.parse(stdout) as { method: string }[]
    expect(rows[0]?.method).toBe('ensemble (age buckets)')
  })

  it('rejects week offsets for months (usage error)', () => {
    const { exitCode } = runCli(['forecast', 'backtest', ...worked, '--period', 'month', '--at', 'week6'])
    expect(exitCode).toBe(2)
  })
})

describe('salesops forecast on the demo company (issue 4 acceptance)', () => {
  it('beats weighted by at least 30% at quarter start, with small bias and honest P10–P90 coverage', () => {
    const { exitCode, stdout } = runCli(['forecast', 'backtest', '--demo', '--summary', '--format', 'json'])
    expect(exitCode).toBe(0)
    const summary = new Map((JSON.parse(stdout) as Summary[]).map((s) => [s.method, s]))
    const weighted = summary.get('weighted')
    const ensemble = summary.get('ensemble')
    const montecarlo = summary.get('montecarlo')
    expect(weighted?.periods).toBe(8)
    const best = [ensemble, montecarlo].find((s) => (s?.wape ?? 1) <= 0.7 * (weighted?.wape ?? 0))
    expect(best).toBeDefined()
    expect(Math.abs(best?.bias ?? 1)).toBeLessThanOrEqual(0.1)
    expect(montecarlo?.p10_p90_coverage).toBeGreaterThanOrEqual(0.65)
    expect(montecarlo?.p10_p90_coverage).toBeLessThanOrEqual(0.95)
  })

  it('gives byte-identical output for the same seed, and a P10/P90 that barely moves with another', () => {
    const args = ['forecast', '--demo', '--method', 'all', '--format', 'csv']
    const first = runCli(args)
    const second = runCli(args)
    expect(first.exitCode).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    const other = runCli([...args, '--seed', '99'])
    const parse = (csv: string): Record<string, string>[] => {
      const [head, ...lines] = csv.trim().split('\n')
      const keys = (head ?? '').split(',')
      return lines.map((l): Record<string, string> =>
        Object.fromEntries(l.split(',').map((v, i) => [keys[i] ?? '', v])),
      )
    }
    const a = parse(first.stdout)
    const b = parse(other.stdout)
    for (const [i, row] of a.entries()) {
      for (const key of ['mc_p10', 'mc_p90']) {
        const x = Number(row[key])
        const y = Number(b[i]?.[key])
        expect(Math.abs(x - y) / x).toBeLessThan(0.02)
      }
    }
  })

  it('forecasts the demo per region with a total row, quota and a range bar in table mode', () => {
    const { exitCode, stdout, stderr } = runCli(['forecast', '--demo', '--by', 'region', '--format', 'table'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toContain('P10–P90')
    expect(stdout).toContain('●')
    expect(stdout).toMatch(/│ all /)
  })
})
