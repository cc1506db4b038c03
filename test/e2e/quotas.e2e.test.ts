import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED, runCli } from '../support/run-cli.js'

// fixtures/quotas/README.md works out every number of the golden files by hand
const Q = [
  'quotas',
  'allocate',
  '--reps',
  'quotas/reps.csv',
  '--deals',
  'quotas/deals.csv',
  '--accounts',
  'quotas/accounts.csv',
  '--target',
  '1,000,000',
  '--as-of',
  '2026-11-15',
  '--period',
  '2027',
  '--ramp',
  '25,50,75',
  '--format',
  'csv',
]
const golden = (name: string): string => readFileSync(join(EXPECTED, name), 'utf8')
const NEW_SEAT =
  'note: 1 rep hired after the history window started gets the mean bookings of the other reps as basis'

/** Σ of the quota column (cents) of a CSV output without a totals row. */
function quotaSum(csv: string): number {
  const [header, ...lines] = csv.trim().split('\n')
  const col = (header ?? '').split(',').indexOf('quota')
  return lines.reduce((a, l) => a + Math.round(Number(l.split(',')[col]) * 100), 0)
}

describe('quotas allocate on the quotas fixture', () => {
  it('allocates by trailing bookings with the new hire ramped, byte-equal to the golden file', () => {
    const { exitCode, stdout, stderr } = runCli([...Q, '--basis', 'history'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('quotas-history.csv'))
    expect(stderr).toBe(`${NEW_SEAT}\n`)
  })

  it('splits the quotas into quarters by seasonality, adding up to the target', () => {
    const { exitCode, stdout } = runCli([...Q, '--basis', 'history', '--seasonality', 'history', '--totals'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('quotas-seasonality.csv'))
  })

  it('rolls the quotas up per region', () => {
    const { exitCode, stdout } = runCli([...Q, '--basis', 'history', '--by', 'region', '--totals'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('quotas-by-region.csv'))
  })

  it('breaks the even split’s leftover-cent tie to the smallest rep id', () => {
    const { exitCode, stdout } = runCli(Q)
    expect(exitCode).toBe(0)
    // Bo, Cy, Di 26,373,626.37 cents, Ed 20,879,120.88: Ed and R2 Bo get the 2 leftover cents
    expect(stdout.split('\n').slice(1, 5)).toEqual([
      'Bo Chan,East,NA,2027,263736.27,0.25,1',
      'Cy Diaz,East,NA,2027,263736.26,0.25,1',
      'Di Egan,West,EMEA,2027,263736.26,0.25,1',
      'Ed Fox,West,EMEA,2027,208791.21,0.25,0.7917',
    ])
  })

  it('adds up to the target to the cent for every basis and split', () => {
    for (const extra of [
      ['--basis', 'potential'],
      ['--basis', 'blend:0.3', '--split', 'month'],
      ['--basis', 'blend', '--seasonality', 'history', '--split', 'month', '--target', '987,654.31'],
    ]) {
      const { exitCode, stdout } = runCli([...Q, ...extra])
      expect(exitCode).toBe(0)
      expect(quotaSum(stdout)).toBe(extra.includes('987,654.31') ? 98_765_431 : 100_000_000)
    }
  })

  it('exits 2 on a bad target, basis or ramp', () => {
    for (const [flag, value] of [
      ['--target', '12 million'],
      ['--basis', 'blend:1.5'],
      ['--ramp', '25,150'],
    ]) {
      const { exitCode, stderr } = runCli([...Q, flag ?? '', value ?? ''])
      expect(exitCode).toBe(2)
      expect(stderr).toContain(`${flag} <`)
    }
  })

  it('exits 2 when --basis history has no deals to read', () => {
    const { exitCode, stderr } = runCli([
      'quotas',
      'allocate',
      '--reps',
      'quotas/reps.csv',
      '--target',
      '1000',
      '--basis',
      'history',
    ])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('need --deals FILE')
  })
})

describe('quotas allocate --demo', () => {
  it('allocates a 40,000,000 target to the demo reps and their teams to the cent', () => {
    const args = ['quotas', 'allocate', '--demo', '--target', '40,000,000', '--basis', 'blend:0.5']
    const reps = runCli([...args, '--ramp', '25,50,75', '--seasonality', 'history', '--format', 'csv'])
    expect(reps.exitCode).toBe(0)
    expect(quotaSum(reps.stdout)).toBe(4_000_000_000)
    // 46 reps − 5 managers − 3 who left before 2027 = 38 carriers, 4 quarter rows each
    expect(reps.stdout.trim().split('\n')).toHaveLength(1 + 38 * 4)
    const teams = runCli([...args, '--by', 'team', '--format', 'csv'])
    expect(teams.exitCode).toBe(0)
    expect(quotaSum(teams.stdout)).toBe(4_000_000_000)
  })
})
