import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED, fixture, runCli } from '../support/run-cli.js'

const HYGIENE = [
  'check',
  '--deals',
  'hygiene/deals.csv',
  '--reps',
  'hygiene/reps.csv',
  '--accounts',
  'hygiene/accounts.csv',
  '--as-of',
  '2025-06-30',
]
const golden = (): string => readFileSync(join(EXPECTED, 'check-hygiene.csv'), 'utf8')

describe('check on the hygiene fixture', () => {
  it('lists every finding, byte-equal to the reviewed golden file, with exit 0', () => {
    const { exitCode, stdout } = runCli([...HYGIENE, '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden())
  })

  it('summarises the findings per rule on stderr', () => {
    const { stderr } = runCli([...HYGIENE, '--format', 'csv'])
    expect(stderr.split('\n').slice(1)).toEqual([
      '  error   duplicate-id                     2',
      '  error   probability-out-of-range         1',
      '  warning likely-duplicate-deal            1',
      '  warning open-deal-past-close-date        1',
      '  warning postal-code-lost-leading-zero    1',
      '  warning unknown-account                  1',
      '  warning unknown-owner                    2',
      '',
    ])
  })

  it('counts the records checked per kind, in plural, on the first stderr line', () => {
    const { stderr } = runCli([...HYGIENE, '--format', 'csv'])
    expect(stderr.split('\n')[0]).toBe('checked 3 reps, 5 accounts, 9 deals: 3 errors, 6 warnings, 0 notes')
  })

  it('exits 1 with --fail-on error when an error finding exists, still printing every finding', () => {
    const { exitCode, stdout } = runCli([...HYGIENE, '--format', 'csv', '--fail-on', 'error'])
    expect(exitCode).toBe(1)
    expect(stdout).toBe(golden())
  })

  it('exits 1 with --fail-on warning when warnings exist', () => {
    expect(runCli([...HYGIENE, '--format', 'csv', '--fail-on', 'warning']).exitCode).toBe(1)
  })

  it('matches owners against rep names ignoring case, and skips owner checks without --reps', () => {
    const withReps = runCli([...HYGIENE, '--format', 'csv'])
    expect(withReps.stdout).not.toContain('ben ortiz')
    const withoutReps = runCli([
      'check',
      '--deals',
      'hygiene/deals.csv',
      '--as-of',
      '2025-06-30',
      '--format',
      'csv',
    ])
    expect(withoutReps.exitCode).toBe(0)
    expect(withoutReps.stdout).not.toContain('unknown-owner')
    expect(withoutReps.stdout).not.toContain('unknown-account')
  })

  it('sorts positional files by their header into reps, accounts and deals', () => {
    const { exitCode, stdout } = runCli([
      'check',
      'hygiene/deals.csv',
      'hygiene/reps.csv',
      'hygiene/accounts.csv',
      '--as-of',
      '2025-06-30',
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden())
  })
})

describe('check --fail-on with warnings only', () => {
  const WARNINGS_ONLY = ['check', 'german/deals-de.csv', '--as-of', '2026-01-15', '--format', 'csv']

  it('exits 0 with --fail-on error when there are only warnings', () => {
    const { exitCode, stdout } = runCli([...WARNINGS_ONLY, '--fail-on', 'error'])
    expect(exitCode).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(3)
  })

  it('exits 1 with --fail-on warning when there are warnings', () => {
    const { exitCode, stdout } = runCli([...WARNINGS_ONLY, '--fail-on', 'warning'])
    expect(exitCode).toBe(1)
    expect(stdout.trimEnd().split('\n')).toHaveLength(3)
  })

  it('exits 0 with --fail-on warning on a clean file', () => {
    const { exitCode, stdout } = runCli([
      'check',
      'exports/salesforce-api.csv',
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
      '--fail-on',
      'warning',
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toBe('severity,rule,file,line,entity,record_id,message\n')
  })
})

describe('check input', () => {
  it('reads deals from standard input with --deals -', () => {
    const input = readFileSync(fixture('german', 'deals-de.csv'))
    const { exitCode, stdout } = runCli(
      ['check', '--deals', '-', '--as-of', '2026-01-15', '--format', 'csv'],
      { input },
    )
    expect(exitCode).toBe(0)
    expect(stdout).toContain('<stdin>,2,deal,DE-1,')
  })

  it('reads a positional - from standard input', () => {
    const input = readFileSync(fixture('german', 'deals-de.csv'))
    const { exitCode, stdout, stderr } = runCli(['check', '-', '--as-of', '2026-01-15', '--format', 'csv'], {
      input,
    })
    expect(stderr).not.toContain('error:')
    expect(exitCode).toBe(0)
    expect(stdout).toContain('<stdin>,2,deal,DE-1,')
  })
})
