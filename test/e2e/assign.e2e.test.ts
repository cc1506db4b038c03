import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixture, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8')
const accounts = [
  'assign',
  'accounts',
  'assign/accounts.csv',
  '--reps',
  'assign/reps.csv',
  '--as-of',
  '2026-11-27',
  '--format',
  'csv',
]
const leads = [
  'assign',
  'leads',
  'assign/leads.csv',
  '--reps',
  'assign/reps.csv',
  '--as-of',
  '2026-11-27',
  '--format',
  'csv',
]

let dir = ''
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => {
  removeTempDir(dir)
})

describe('salesops assign accounts', () => {
  it('finds the hand-checked optimum of fixtures/assign (total 271.43) with the summary in a file', () => {
    const summary = join(dir, 'summary.csv')
    const { exitCode, stdout, stderr } = runCli([...accounts, '-q', '--summary', summary])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('assign-accounts.csv'))
    expect(readFileSync(summary, 'utf8')).toBe(expected('assign-accounts-summary.csv'))
  })

  it('prints the per-rep summary and the total cost on stderr by default', () => {
    const { exitCode, stderr } = runCli(accounts)
    expect(exitCode).toBe(0)
    expect(stderr).toContain('Bob,3,300000,30,3,1,,,2,0')
    expect(stderr).toContain('min-cost flow: total cost 271.43')
  })

  it('holds a ±30% potential band with HiGHS: A2 moves to Bob (hand-checked optimum 835.72)', () => {
    const { exitCode, stdout, stderr } = runCli([...accounts, '-q', '--balance-quota', '30%'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('assign-accounts-band.csv'))
  })

  it('assigns the demo company', () => {
    const { exitCode, stdout } = runCli(['assign', 'accounts', '--demo', '-q', '--format', 'csv'])
    expect(exitCode).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toBe('account_id,owner,previous_owner,changed,fit,cost')
    expect(lines).toHaveLength(3126)
  })

  it('keeps a --lock account with its owner: A4 stays with Ann, so A1 moves to Bob (total 871.43)', () => {
    const { exitCode, stdout, stderr } = runCli([...accounts, '--lock', 'A4'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('A1,Bob,Ann,true,0.3333,421.43\n')
    expect(stdout).toContain('A4,Ann,Ann,false,0.3333,300\n')
    expect(stderr).toContain('min-cost flow: total cost 871.43')
    expect(stderr).toContain('1 locked accounts kept their owner')
  })

  it('keeps an account whose locked column is set with its owner', () => {
    const file = join(dir, 'locked.csv')
    const lines = readFileSync(fixture('assign', 'accounts.csv'), 'utf8').trim().split('\n')
    writeFileSync(file, lines.map((l, i) => `${l},${i === 0 ? 'locked' : i === 4 ? 'yes' : ''}`).join('\n'))
    const { exitCode, stderr } = runCli([...accounts.slice(0, 2), file, ...accounts.slice(3)])
    expect(exitCode).toBe(0)
    expect(stderr).toContain('min-cost flow: total cost 871.43')
  })

  it('rejects a bad band as a usage error (exit 2)', () => {
    expect(runCli([...accounts, '--balance-quota', '150%']).exitCode).toBe(2)
  })

  it('reports a missing accounts file as an input error (exit 3)', () => {
    expect(runCli(['assign', 'accounts', 'assign/nope.csv', '--reps', 'assign/reps.csv']).exitCode).toBe(3)
  })
})

describe('salesops assign leads', () => {
  it('routes by territory with duplicates and a fallback (fixtures/assign/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli([...leads, '--method', 'territory'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('assign-leads-territory.csv'))
  })

  it('keeps the rotation in --state between runs', () => {
    const state = join(dir, 'routing.json')
    expect(runCli([...leads, '--state', state]).exitCode).toBe(0)
    expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual({
      version: 1,
      counts: { R1: 2, R2: 2 },
      last: 'R2',
    })
    const second = runCli([...leads, '--state', state, '--max-per-rep', '1'])
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toBe(
      'lead_id,owner,rule\nL1,Ann,round-robin\nL2,Bob,round-robin\nL3,Ann,duplicate\nL4,,unassigned\nL5,,unassigned\n',
    )
    expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual({
      version: 1,
      counts: { R1: 3, R2: 3 },
      last: 'R2',
    })
  })

  it('refuses a malformed state file (exit 3) and leaves it untouched', () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"version":9}')
    expect(runCli([...leads, '--state', bad]).exitCode).toBe(3)
    expect(readFileSync(bad, 'utf8')).toBe('{"version":9}')
  })

  it('routes the demo leads', () => {
    const { exitCode, stdout } = runCli(['assign', 'leads', '--demo', '--reroute', '--format', 'csv', '-q'])
    expect(exitCode).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(10070)
  })
})
