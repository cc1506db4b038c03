import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED, runCli } from '../support/run-cli.js'

// fixtures/pipeline/README.md explains every row of the golden files by hand
const DIFF = ['pipeline', 'diff', 'pipeline/old.csv', 'pipeline/new.csv', '--as-of', '2026-11-27']
const golden = (name: string): string => readFileSync(join(EXPECTED, name), 'utf8')
const WINDOW =
  'pipeline diff 2026-Q4: open deals closing 2026-10-01 to 2026-12-31, pipeline/old.csv → pipeline/new.csv\n'

describe('pipeline diff on the pipeline fixture (2026-Q4)', () => {
  it('bridges the quarter’s open pipeline, byte-equal to the golden file, and prints the window used', () => {
    const { exitCode, stdout, stderr } = runCli([...DIFF, '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('pipeline-waterfall.csv'))
    expect(stderr).toBe(WINDOW)
  })

  it('balances: start plus every movement equals end, in deals and in amount', () => {
    const rows = runCli([...DIFF, '--format', 'csv', '-q'])
      .stdout.trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
    const cents = (cell: string | undefined): number => Math.round(Number(cell) * 100)
    const end = rows.at(-1)
    let deals = 0
    let amount = 0
    for (const r of rows.slice(0, -1)) {
      deals += Number(r[1])
      amount += cents(r[2])
    }
    expect([deals, amount]).toEqual([Number(end?.[1]), cents(end?.[2])])
  })

  it('names the same quarter with --in 2026-Q4, whatever the as-of date', () => {
    const { stdout } = runCli([
      'pipeline',
      'diff',
      'pipeline/old.csv',
      'pipeline/new.csv',
      '--in',
      '2026-Q4',
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
    ])
    expect(stdout).toBe(golden('pipeline-waterfall.csv'))
  })

  it('gives each owner a balanced waterfall with --by owner, moving the re-owned deal between owners', () => {
    const { exitCode, stdout } = runCli([...DIFF, '--by', 'owner', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('pipeline-by-owner.csv'))
  })

  it('counts stage and forecast-category moves with --moves', () => {
    const { exitCode, stdout } = runCli([...DIFF, '--moves', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('pipeline-moves.csv'))
  })

  it('lists every change of every deal with --details', () => {
    const { exitCode, stdout } = runCli([...DIFF, '--details', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('pipeline-details.csv'))
  })

  it('draws waterfall bars in table mode only', () => {
    const table = runCli([...DIFF, '--format', 'table'])
    expect(table.stdout).toContain('Waterfall')
    expect(table.stdout).toMatch(/│ start +│ +9 │.*│ █+ +│/)
    expect(runCli([...DIFF, '--format', 'json']).stdout).not.toContain('bar')
  })
})

describe('pipeline diff failures', () => {
  it('exits 3 naming the file, line and id when a snapshot repeats a deal id', () => {
    const { exitCode, stdout, stderr } = runCli([
      'pipeline',
      'diff',
      'pipeline/old.csv',
      'pipeline/duplicate-id.csv',
    ])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      'error: pipeline/duplicate-id.csv:4: deal id "P-01" appears again (first on line 2)',
    )
  })

  it.each([
    ['--moves with --details', ['--moves', '--details']],
    ['--in with --period', ['--in', '2026-Q4', '--period', 'month']],
    ['a period label that names no period', ['--in', '2026-Q5']],
    ['an unknown --by field', ['--by', 'colour']],
  ])('exits 2 on %s', (_, extra) => {
    const { exitCode, stdout } = runCli([...DIFF, ...extra])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
  })
})

describe('pipeline help', () => {
  it.each([['pipeline'], ['pipeline', 'diff']])(
    'prints the help of %s with an Examples: section',
    (...command) => {
      const { exitCode, stdout } = runCli([...command, '--help'])
      expect(exitCode).toBe(0)
      expect(stdout).toMatch(/\nExamples:\n( {2}\$ salesops pipeline diff .+\n)+/)
    },
  )
})

describe('pipeline diff --demo', () => {
  it("bridges last week's open pipeline of the demo to today's for 2026-Q4", () => {
    const { exitCode, stdout, stderr } = runCli(['pipeline', 'diff', '--demo', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stderr).toContain('pipeline diff 2026-Q4: open deals closing 2026-10-01 to 2026-12-31')
    const rows = stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
    const total = (category: string) => Number(rows.find((r) => r[0] === category)?.[1])
    // start + Σ movements = end, in deals
    const movements = rows
      .filter((r) => r[0] !== 'start' && r[0] !== 'end')
      .reduce((s, r) => s + Number(r[1]), 0)
    expect(total('start') + movements).toBe(total('end'))
    expect(total('start')).toBeGreaterThan(100)
  })
})
