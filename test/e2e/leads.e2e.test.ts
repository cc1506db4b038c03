import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED, runCli } from '../support/run-cli.js'

// fixtures/leads/README.md works out every number of the golden files by hand
const LEADS = ['leads', 'leads/leads.csv', '--deals', 'leads/deals.csv', '--format', 'csv']
const TARGET = [...LEADS, '--period', 'quarter', '--as-of', '2026-07-15', '--totals']
const golden = (name: string): string => readFileSync(join(EXPECTED, name), 'utf8')

const NEGATIVE =
  'warning: 1 converted lead has a converted_date before the created date: counted as converted, left out of days_to_convert (first: L-09, leads/leads.csv:10); salesops check lists them'
const UNDATED =
  '2 converted leads lack a created or converted_date: counted as converted, left out of days_to_convert (first: L-10, leads/leads.csv:11)'
const UNKNOWN_DEAL =
  'warning: 1 lead names a deal_id that is not among the deals: outcome unknown, not counted as won or lost (first: L-17 → D-99, leads/leads.csv:18)'

describe('leads on the leads fixture', () => {
  it('prints the metrics by source with a totals row from the records, byte-equal to the golden file', () => {
    const { exitCode, stdout, stderr } = runCli([...LEADS, '--totals'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('leads-by-source.csv'))
    expect(stderr.split('\n')).toEqual([NEGATIVE, UNDATED, UNKNOWN_DEAL, ''])
  })

  it('prints one row per quarter and source, leaving out the lead without a created date', () => {
    const { exitCode, stdout, stderr } = runCli([...LEADS, '--period', 'quarter', '--totals'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('leads-by-quarter.csv'))
    expect(stderr.split('\n')[0]).toBe(
      '1 lead without a created date falls outside every period and is left out (first: L-18, leads/leads.csv:19)',
    )
  })

  it('leaves the deal columns empty without --deals and says why', () => {
    const { exitCode, stdout, stderr } = runCli(['leads', 'leads/leads.csv', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n')[2]).toBe('Inbound,9,4,0.4444,8.5,7,,,,')
    expect(stderr).toContain(
      'no --deals given: won_deals, won_amount, lead_to_won_rate and revenue_per_lead are empty (they need the deals the leads converted into)',
    )
  })

  it('names the group column after the --by field', () => {
    const { exitCode, stdout } = runCli([...LEADS, '--by', 'owner'])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'owner,leads,converted,conversion_rate,days_to_convert,median_days_to_convert,won_deals,won_amount,lead_to_won_rate,revenue_per_lead',
      // Ava Chen: L-01 (D-01 won 10,000), L-03, L-05 (D-03 won 2,500.04), L-08, L-11 (status), L-14, L-17 (D-99)
      // → 7 leads, 4 converted; days 10, 0, 2 → 4 / 2; 12,500.04 ÷ 7 = 1,785.72
      'Ava Chen,7,4,0.5714,4,2,2,12500.04,0.2857,1785.72',
    ])
  })
})

describe('leads --target (reverse funnel)', () => {
  it('prints the leads needed per quarter per source and overall, byte-equal to the golden file', () => {
    const { exitCode, stdout, stderr } = runCli([...TARGET, '--target', '100,000'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('leads-target.csv'))
    expect(stderr.split('\n')[0]).toBe(
      'target per quarter; leads_last_period = leads created in 2026-Q2, the last quarter complete on 2026-07-15',
    )
  })

  it.each(['100000', '1e5', '100000.00', '$100,000'])('reads --target %s as 100,000.00', (amount) => {
    expect(runCli([...TARGET, '--target', amount]).stdout).toBe(golden('leads-target.csv'))
  })

  it('works the Total row out in --explain', () => {
    const { stderr } = runCli([...TARGET, '--target', '100,000', '--explain'])
    expect(stderr).toContain('  required_won_deals = ⌈100000 × 5 ÷ 43500.04⌉ = ⌈11.4942…⌉ = 12\n')
    expect(stderr).toContain('  required_deals     = ⌈12 × 7 ÷ 5⌉ = ⌈16.8⌉ = 17\n')
    expect(stderr).toContain('  required_leads     = ⌈17 × 18 ÷ 10⌉ = ⌈30.6⌉ = 31\n')
  })

  it.each(['abc', '0', '-5', '1,00', ''])('rejects --target %j with exit 2', (amount) => {
    const { exitCode, stdout, stderr } = runCli([...TARGET, '--target', amount])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain("option '--target <amount>' argument")
  })

  it('needs --deals (exit 2)', () => {
    const { exitCode, stdout } = runCli(['leads', 'leads/leads.csv', '--target', '100000'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
  })
})

describe('leads --demo', () => {
  it('runs on the demo company with exit 0, one row per source', () => {
    const { exitCode, stdout } = runCli(['leads', '--demo', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n').map((l) => l.split(',')[0])).toEqual([
      'source',
      'Event',
      'Inbound',
      'Outbound',
      'Partner',
      'Referral',
      '',
    ])
  })

  it('runs the reverse funnel on the demo with exit 0', () => {
    const { exitCode, stdout } = runCli([
      'leads',
      '--demo',
      '--period',
      'quarter',
      '--target',
      '1e6',
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n')[0]).toBe(
      'source,target,avg_won_deal,win_rate,conversion_rate,required_won_deals,required_deals,required_leads,leads_last_period',
    )
  })

  it('refuses files together with --demo (exit 2)', () => {
    expect(runCli(['leads', '--demo', 'leads/leads.csv']).exitCode).toBe(2)
  })
})

describe('leads errors and help', () => {
  it('exits 2 without a leads file', () => {
    expect(runCli(['leads']).exitCode).toBe(2)
  })

  it('exits 3 when the leads file does not exist', () => {
    expect(runCli(['leads', 'leads/missing.csv']).exitCode).toBe(3)
  })

  it('prints its help with an Examples: section, exit 0', () => {
    const { exitCode, stdout, stderr } = runCli(['leads', '--help'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^Usage: salesops leads /)
    expect(stdout).toMatch(/\nExamples:\n( {2}\$ salesops leads .+\n)+/)
  })
})
