import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8')
const base = ['renewals', 'renewals/contracts.csv', '--as-of', '2026-06-15']

interface Row {
  contract_id: string
  days_left: number
  status: string
  renewed_by: string | null
}
const statuses = (args: readonly string[]) =>
  (JSON.parse(runCli([...base, ...args, '--format', 'json']).stdout) as Row[]).map((r) => [
    r.contract_id,
    r.days_left,
    r.status,
  ])

describe('salesops renewals', () => {
  it('lists the calendar by end date with days left and status (fixtures/renewals/README.md)', () => {
    const { exitCode, stdout, stderr } = runCli([...base, '--format', 'csv'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('renewals-calendar.csv'))
  })

  it('gives the status on the boundary dates: ends today, ended yesterday, 30 and 31 days ago, 90 and 91 days ahead', () => {
    const byId = new Map(statuses([]).map((r) => [r[0], r]))
    expect(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].map((id) => byId.get(id))).toEqual([
      ['R1', 0, 'due'],
      ['R2', -1, 'overdue'],
      ['R3', -30, 'overdue'],
      ['R4', -31, 'expired'],
      ['R5', 90, 'due'],
      ['R6', 91, 'upcoming'],
    ])
  })

  it('narrows the grace window with --grace 0: late or early renewals no longer chain, nothing is overdue', () => {
    const rows = new Map(statuses(['--grace', '0d']).map((r) => [r[0], r[2]]))
    // R2/R3 ended 1 and 30 days ago; R9's renewal started 24 days late; R17's 20 days early
    expect(['R2', 'R3', 'R9', 'R17'].map((id) => rows.get(id))).toEqual([
      'expired',
      'expired',
      'expired',
      'due',
    ])
  })

  it('moves statuses with --as-of and --within', () => {
    const rows = new Map(statuses(['--as-of', '2026-06-16', '--within', '30']).map((r) => [r[0], r[2]]))
    // R1 ended yesterday now; R14 (46 days) and R5 (89 days) are beyond 30 days
    expect(['R1', 'R14', 'R5', 'R15'].map((id) => rows.get(id))).toEqual([
      'overdue',
      'upcoming',
      'upcoming',
      'due',
    ])
  })

  it('shows only the asked statuses with --status', () => {
    expect(statuses(['--status', 'due,overdue']).map((r) => r[0])).toEqual([
      'R3',
      'R2',
      'R1',
      'R15',
      'R14',
      'R5',
    ])
  })

  it('sums the renewal book per owner with --by owner, totals from the records', () => {
    const { exitCode, stdout, stderr } = runCli([...base, '--by', 'owner', '--totals', '--format', 'csv'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(expected('renewals-by-owner.csv'))
  })

  it('colours overdue red and due yellow in a terminal table, and nothing in csv', () => {
    const env = { NO_COLOR: '', FORCE_COLOR: '1' }
    const table = runCli([...base, '--format', 'table'], { env }).stdout
    expect(table).toContain('\u001b[31moverdue\u001b[39m')
    expect(table).toContain('\u001b[33mdue\u001b[39m')
    expect(table).not.toContain('\u001b[31mexpired')
    expect(runCli([...base, '--format', 'csv'], { env }).stdout).not.toContain('\u001b[')
  })

  it('runs on the demo company as of its snapshot date', () => {
    const { exitCode, stdout, stderr } = runCli([
      'renewals',
      '--demo',
      '--status',
      'due,overdue',
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const rows = JSON.parse(stdout) as Row[]
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) {
      expect(
        r.status === 'due' ? r.days_left >= 0 && r.days_left <= 90 : r.days_left >= -30 && r.days_left <= -1,
      ).toBe(true)
    }
  })

  it('prints the definitions with --explain on stderr', () => {
    const { exitCode, stderr } = runCli([...base, '--explain', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stderr).toContain('overdue            −30 ≤ days_left ≤ −1')
  })

  it('has a help text with examples', () => {
    const { exitCode, stdout } = runCli(['renewals', '--help'])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/\nExamples:\n( {2}\$ salesops renewals .+\n)+/)
  })

  it.each([
    ['an unknown status', ['--status', 'late']],
    ['a negative grace', ['--grace', '-1']],
    ['an unknown grouping', ['--by', 'region']],
  ])('rejects %s with exit 2', (_what, args) => {
    expect(runCli([...base, ...args]).exitCode).toBe(2)
  })

  it('asks for a contracts file (exit 2) and reports a missing one (exit 3)', () => {
    expect(runCli(['renewals']).exitCode).toBe(2)
    expect(runCli(['renewals', 'renewals/nope.csv']).exitCode).toBe(3)
  })
})
