import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listDir, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8')
const base = [
  'commissions',
  'commissions/deals.csv',
  '--plan',
  'commissions/plans.yaml',
  '--reps',
  'commissions/reps.csv',
  '--quotas',
  'commissions/quotas.csv',
  '--contracts',
  'commissions/contracts.csv',
  '--format',
  'csv',
]
/** The cells of one CSV line (quoted cells may hold commas). */
function cells(line: string): string[] {
  const out: string[] = []
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g
  for (let m = re.exec(line); m !== null && m.index < line.length; m = re.exec(line)) {
    out.push((m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'))
    if (m[2] === '') break
  }
  return out
}
const run3 = [...base, '--from', '2026-07-01', '--to', '2027-03-31']

describe('salesops commissions', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir !== undefined) removeTempDir(dir)
    dir = undefined
  })

  it('pays the worked example over three quarters (fixtures/commissions/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli(run3)
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('commissions-run.csv'))
  })

  it('pays one quarter with --period', () => {
    const { exitCode, stdout } = runCli([...base, '--period', '2026-Q3'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(
      expected('commissions-run.csv')
        .split('\n')
        .filter((l, i) => i === 0 || l.includes(',2026-Q3,'))
        .join('\n') + '\n',
    )
  })

  it('writes one statement per rep whose lines add up to each payout', () => {
    dir = makeTempDir()
    const { exitCode, stdout } = runCli([...run3, '--statements', dir])
    expect(exitCode).toBe(0)
    expect(listDir(dir)).toEqual(['M1.csv', 'R1.csv', 'R2.csv', 'R3.csv', 'R4.csv'])
    expect(readFileSync(join(dir, 'R1.csv'), 'utf8')).toBe(expected('commissions-statement-R1.csv'))
    const payouts = stdout.trim().split('\n').slice(1).map(cells)
    const ids: Record<string, string> = {
      'Mia Boss': 'M1',
      'Ann Lee': 'R1',
      'Bo Chen': 'R2',
      'Cy Diaz': 'R3',
      'Dee Ray': 'R4',
    }
    for (const [rep = '', , period = '', , , , , , , , , payout = ''] of payouts) {
      const lines = readFileSync(join(dir, `${ids[rep] ?? ''}.csv`), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
      const sumCents = lines
        .map(cells)
        .filter((c) => c[1] === period)
        .reduce((s, c) => s + Math.round(Number(c[10]) * 100), 0)
      expect(sumCents, `${rep} ${period}`).toBe(Math.round(Number(payout) * 100))
    }
  })

  it('compares a what-if plan side by side (retroactive tiers)', () => {
    const { exitCode, stdout, stderr } = runCli([...run3, '--what-if', 'commissions/plans-retro.yaml'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('commissions-what-if.csv'))
  })

  it('takes splits from a splits file, and rejects shares that do not sum to 100% (exit 3)', () => {
    const same = runCli([...run3, '--splits', 'commissions/splits.csv'])
    expect(same.exitCode).toBe(0)
    expect(same.stdout).toBe(expected('commissions-run.csv'))
    const bad = runCli([...run3, '--splits', 'commissions/splits-bad.csv'])
    expect(bad.exitCode).toBe(3)
    expect(bad.stderr).toContain('commissions/splits-bad.csv:2: deal S1: shares sum to 90%, not 100%')
  })

  it('names the key path of an invalid plan (exit 2)', () => {
    const { exitCode, stdout, stderr } = runCli([
      ...base.filter((a) => a !== 'commissions/plans.yaml' && a !== '--plan'),
      '--plan',
      'commissions/plan-bad-rate.yaml',
    ])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('error: commissions/plan-bad-rate.yaml: plans[0].tiers[2].rate: expected a number\n')
  })

  it('refuses a --period of another grain than the plan file (exit 2)', () => {
    const { exitCode, stderr } = runCli([...base, '--period', '2026-07'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('the plan file pays by quarter; 2026-07 is a month')
  })

  // hand-checked in fixtures/commissions/README.md ("Example plans on the fixture")
  it.each([
    ['flat.yaml', 'Ann Lee,ae-flat,2026-Q3,145000.01,100000,1.45,11600,0,0,0,0,11600'],
    ['tiered.yaml', 'Ann Lee,ae-tiered,2026-Q3,145000.01,100000,1.45,12125,0,0,0,0,12125'],
    ['sdr.yaml', 'Dee Ray,sdr,2026-Q3,8000,,,240,250,1010,0,0,1500'],
  ])('runs the example plan docs/plans/%s', (file, row) => {
    const { exitCode, stdout, stderr } = runCli([
      ...base,
      '--plan',
      join('..', 'docs', 'plans', file),
      '--period',
      '2026-Q3',
    ])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n')).toContain(row)
    for (const line of stderr
      .trim()
      .split('\n')
      .filter((l) => l !== ''))
      expect(line).toMatch(/^note: /)
  })

  it('runs on the demo company with the example plans, what-if flat', () => {
    const { exitCode, stdout, stderr } = runCli([
      'commissions',
      '--demo',
      '--period',
      '2026-Q3',
      '--what-if',
      '../docs/plans/flat.yaml',
      '--format',
      'csv',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const rows = stdout.trim().split('\n')
    expect(rows[0]).toBe('rep,period,plan,payout,what_if_plan,what_if_payout,difference')
    expect(rows.some((r) => r.includes(',ae-tiered,') && r.includes(',ae-flat,'))).toBe(true)
    expect(rows.some((r) => r.includes(',manager-override,'))).toBe(true)
  })
})
