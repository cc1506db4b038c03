import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EXPECTED, FIXTURES, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

// fixtures/territories/README.md works out every number by hand
const golden = (name: string): string => readFileSync(join(EXPECTED, name), 'utf8')
const tmp = makeTempDir('salesops-territories-')
afterAll(() => {
  removeTempDir(tmp)
})

describe('territories report', () => {
  it('prints accounts, potential, deviations, mean distance and pieces per territory, byte-equal to the golden file', () => {
    const { exitCode, stdout, stderr } = runCli([
      'territories',
      'report',
      'territories/accounts.csv',
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('territories-report.csv'))
    expect(stderr).toBe(
      'summary: territories=2 max_min_ratio=2 cv=0.3333 worst_dev=0.3333 contiguous_share=0.5 mean_distance_km=129.73\n',
    )
  })

  it('asks for lat/lon when accounts have only postal codes of a country it cannot resolve (exit 3)', () => {
    const { exitCode, stdout, stderr } = runCli(['territories', 'report', 'territories/no-location.csv'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /account B1 has postal code 10115 \(DE\) but no lat\/lon; salesops resolves postal codes for: US; add lat and lon columns/,
    )
  })

  it('reports the demo company', () => {
    const { exitCode, stdout } = runCli(['territories', 'report', '--demo', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n')[0]).toBe(
      'territory,accounts,potential,workload,potential_dev,workload_dev,mean_distance_km,pieces',
    )
  })
})

describe('territories balance', () => {
  it('moves only the cut-off account, byte-equal to the golden file, and reports the LP bound', () => {
    const summary = join(tmp, 'summary.csv')
    const { exitCode, stdout, stderr } = runCli([
      'territories',
      'balance',
      'territories/accounts.csv',
      '--format',
      'csv',
      '--summary',
      summary,
    ])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toBe(golden('territories-balance.csv'))
    const text = readFileSync(summary, 'utf8')
    expect(text).toContain('N,3,300,30,0,0,74.1301,1\nS,3,300,30,0,0,74.1301,1\n')
    expect(text).toContain(
      'lp_bound,3.2516\nplan_cost,3.2516\ngap_to_bound,0\nmoved_accounts,1\nmoved_potential_share,0.1667\n',
    )
  })

  it('refuses a plan that would have to move accounts when none may move (exit 3)', () => {
    const { exitCode, stderr } = runCli([
      'territories',
      'balance',
      'territories/accounts.csv',
      '--max-moved',
      '0',
    ])
    expect(exitCode).toBe(3)
    expect(stderr).toMatch(/raise --max-moved/)
  })

  it('keeps a --lock account in its territory: A6 stays in N, so A3 moves to S instead', () => {
    const summary = join(tmp, 'locked.csv')
    const { exitCode, stdout } = runCli([
      'territories',
      'balance',
      'territories/accounts.csv',
      '--lock',
      'A6',
      '--format',
      'csv',
      '--summary',
      summary,
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(
      [
        'account_id,territory,previous_territory,moved',
        'A1,N,N,false',
        'A2,N,N,false',
        'A3,S,N,true',
        'A4,S,S,false',
        'A5,S,S,false',
        'A6,N,N,false',
        '',
      ].join('\n'),
    )
    expect(readFileSync(summary, 'utf8')).toContain('moved_accounts,1\n')
  })

  it('keeps accounts whose locked column is set in their territory', () => {
    const file = join(tmp, 'locked-column.csv')
    writeFileSync(
      file,
      readFileSync(join(FIXTURES, 'territories', 'accounts.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((line, i) => `${line},${i === 0 ? 'locked' : i === 6 ? 'x' : ''}`)
        .join('\n'),
    )
    const { exitCode, stdout } = runCli(['territories', 'balance', file, '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('A3,S,N,true\n')
    expect(stdout).toContain('A6,N,N,false\n')
  })

  it('refuses a plan that would move more potential than --max-moved-potential allows (exit 3)', () => {
    // the band needs 85 of the 600 of potential to move (14.2%): 10% is not enough
    const { exitCode, stderr } = runCli([
      'territories',
      'balance',
      'territories/accounts.csv',
      '--max-moved-potential',
      '10%',
    ])
    expect(exitCode).toBe(3)
    expect(stderr).toMatch(/raise --max-moved or --max-moved-potential/)
  })

  it('rejects --territories together with --reps (exit 2)', () => {
    const { exitCode } = runCli([
      'territories',
      'balance',
      'territories/accounts.csv',
      '--territories',
      '2',
      '--reps',
      'territories/accounts.csv',
    ])
    expect(exitCode).toBe(2)
  })

  it('balances the demo company within ±5% potential, the same for the same seed', () => {
    const args = ['territories', 'balance', '--demo', '--format', 'csv', '--seed', '3']
    const first = runCli(args)
    expect(first.exitCode).toBe(0)
    const worst = /worst_dev=([0-9.]+)/.exec(first.stderr)?.[1]
    expect(Number(worst)).toBeLessThanOrEqual(0.05)
    expect(first.stderr).toMatch(/outside_band=0/)
    expect(runCli(args).stdout).toBe(first.stdout)
  }, 60_000)
})
