import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED, runCli } from '../support/run-cli.js'

// fixtures/funnel/README.md derives every number of the golden files by hand
const DEALS = ['funnel', 'funnel/deals.csv', '--as-of', '2025-06-30']
const WITH_HISTORY = [...DEALS, '--history', 'funnel/stage_history.csv']
const golden = (name: string): string => readFileSync(join(EXPECTED, name), 'utf8')

describe('funnel with stage history', () => {
  it('prints the ordered funnel byte-equal to the reviewed golden file, exit 0', () => {
    const { exitCode, stdout, stderr } = runCli([...WITH_HISTORY, '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('funnel-history.csv'))
    expect(stderr).toBe(
      '1 deal of 8 without stage history: inferred from the final stage\n' +
        'ignored 1 stage change of 1 deal not in the deals file\n',
    )
  })

  it('prints one funnel per owner in any mode, byte-equal to the golden file', () => {
    const { exitCode, stdout } = runCli([
      ...WITH_HISTORY,
      '--by',
      'owner',
      '--funnel-mode',
      'any',
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('funnel-by-owner-any.csv'))
  })

  it('divides by the deals in the funnel with --conversion cumulative', () => {
    const { stdout } = runCli([...WITH_HISTORY, '--conversion', 'cumulative', '--format', 'json'])
    const rows = JSON.parse(stdout) as { conversion_to_next: number | null }[]
    // advanced 6, 6, 5, 4, 3 of the 8 deals
    expect(rows.map((r) => r.conversion_to_next)).toEqual([0.75, 0.75, 0.625, 0.5, 0.375, null])
  })

  it('keeps only the deals created from --from to --to, both days included', () => {
    const { stdout } = runCli([
      ...WITH_HISTORY,
      '--from',
      '2025-04-01',
      '--to',
      '2025-05-05',
      '--format',
      'json',
    ])
    const rows = JSON.parse(stdout) as { stage: string; entered: number }[]
    // F-5 (created 04-01, won), F-6 (05-05, open in Prospecting), F-8 (05-01, won)
    expect(rows.map((r) => r.entered)).toEqual([3, 2, 2, 2, 2, 2])
  })

  it('draws a bar per stage in table mode and states the switches on stderr', () => {
    const { exitCode, stdout, stderr } = runCli([...WITH_HISTORY, '--format', 'table'])
    expect(exitCode).toBe(0)
    // Prospecting 8 of 8 = 24 cells; Closed Won 3 of 8 = 9 cells
    expect(stdout).toContain(`│ ${'█'.repeat(24)} │`)
    expect(stdout).toContain(`│ ${'█'.repeat(9)}${' '.repeat(15)} │`)
    expect(stderr).toContain(
      'ordered funnel, next-step conversion, stage history; cohort of 8: all deals (--period all)\n',
    )
  })

  it('prints the formulas used with --explain', () => {
    const { stderr } = runCli([...WITH_HISTORY, '--format', 'csv', '--explain'])
    expect(stderr).toContain(
      'funnel — stage conversion (--funnel-mode ordered, --conversion next, with stage history):',
    )
    expect(stderr).toContain('  conversion_to_next = advanced ÷ entered (null when entered = 0)')
  })
})

describe('funnel without stage history', () => {
  it('infers the funnel from final stages, byte-equal to the golden file, and says so on stderr', () => {
    const { exitCode, stdout, stderr } = runCli([...DEALS, '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('funnel-no-history.csv'))
    expect(stderr).toBe(
      "no stage history (--history): 'entered' is inferred from each deal's final stage (every stage up to it; won deals: every stage); days in stage need the history\n" +
        '2 lost deals do not show the stage lost in: counted as entering only "Prospecting" and lost there\n',
    )
  })

  it('reads the stage history from the "Date entered" columns of a HubSpot deals export', () => {
    const { exitCode, stdout, stderr } = runCli(['funnel', 'exports/hubspot-deals.csv', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stderr).not.toContain('no stage history')
    // Globex entered Appointment Scheduled 2024-11-02 and was won 2025-02-27 (117 days); Umbrella
    // entered it 2024-10-05 and was lost on its close date 2025-01-31 (118 days): mean 117.5
    expect(stdout.split('\n')[1]).toBe('Appointment Scheduled,awareness,4,2,0.5,0.25,1,117.5,117.5')
  })
})

describe('funnel --demo', () => {
  it('runs on the demo company with its stage history, exit 0', () => {
    const { exitCode, stdout, stderr } = runCli(['funnel', '--demo', '--format', 'json'])
    expect(exitCode).toBe(0)
    expect(stderr).not.toContain('no stage history')
    const rows = JSON.parse(stdout) as { stage: string; entered: number; conversion_to_next: number | null }[]
    expect(rows.map((r) => r.stage)).toEqual([
      'Prospecting',
      'Qualification',
      'Discovery',
      'Proposal',
      'Negotiation',
      'Closed Won',
    ])
    // ordered mode: every row at most the one before it, and thousands of deals at the top
    expect(rows[0]?.entered).toBeGreaterThan(1000)
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]?.entered).toBeLessThanOrEqual(rows[i - 1]?.entered ?? 0)
    for (const r of rows.slice(0, -1)) expect(r.conversion_to_next).toBeGreaterThan(0)
  })
})

describe('funnel usage', () => {
  it('has help with an Examples: section, exit 0', () => {
    const { exitCode, stdout } = runCli(['funnel', '--help'])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/\nExamples:\n( {2}\$ salesops funnel .+\n)+/)
  })

  it.each([
    [['funnel']],
    [[...DEALS, '--period', 'quarter', '--from', '2025-01-01']],
    [[...DEALS, '--from', '2025-06-01', '--to', '2025-01-01']],
    [[...DEALS, '--phases', 'Prospecting']],
    [[...DEALS, '--funnel-mode', 'strict']],
    [['funnel', '--demo', 'funnel/deals.csv']],
  ])('exits 2 on %j', (args) => {
    expect(runCli(args).exitCode).toBe(2)
  })
})
