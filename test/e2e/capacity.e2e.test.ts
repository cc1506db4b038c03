import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPECTED, runCli } from '../support/run-cli.js'

// fixtures/capacity/README.md works out every number of the golden file by hand
const C = [
  'capacity',
  '--reps',
  'capacity/reps.csv',
  '--deals',
  'capacity/deals.csv',
  '--target',
  '4,000,000',
  '--as-of',
  '2026-11-15',
  '--period',
  '2027',
  '--attrition',
  '40%',
  '--format',
  'csv',
]
const golden = (name: string): string => readFileSync(join(EXPECTED, name), 'utf8')

describe('capacity on the capacity fixture', () => {
  it('plans needed reps, hires, dates, cost and pipeline coverage, byte-equal to the golden file', () => {
    const { exitCode, stdout, stderr } = runCli([
      ...C,
      '--cost-per-rep',
      '100,000',
      '--candidates',
      'capacity/candidates.csv',
      '--totals',
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(golden('capacity-plan.csv'))
    expect(stderr.split('\n')).toEqual([
      'note: 2027-Q1, 2027-Q3: hire_by is before the as-of date: those hires cannot be ramped in time',
      'note: headcount cost counts the plan year only: hires that start before it cost more in the year before',
      'productivity: 960000 a year per ramped rep (21 ramped rep-months, 2025-11-01 to 2026-10-31)',
      'candidate pipeline (stage, reached, open now, conversion to next stage, hire rate from the stage):',
      '  applied        9     1   77.8%   22.2%',
      '  screen         7     1   71.4%   28.6%',
      '  interview      5     1   60.0%   40.0%',
      '  offer          3     1   66.7%   66.7%',
      '  hired          2     0       —  100.0%',
      '  time to hire (median applied → hired): 65 days',
      'cost of sales: 652500 headcount cost ÷ 4000000 target = 16.3%',
      '',
    ])
  })

  it('moves hire_by earlier or later with --time-to-hire', () => {
    const { exitCode, stdout } = runCli([...C, '--time-to-hire', '30d'])
    expect(exitCode).toBe(0)
    // Q1 start_by 2026-07-01 − 30 days = 2026-06-01
    expect(stdout.split('\n')[1]).toBe('2027-Q1,1000000,5,2,1,0.3,2.45,3,2026-07-01,2026-06-01')
  })

  it('exits 2 on a bad attrition, time to hire or cost', () => {
    for (const [flag, value] of [
      ['--attrition', '150%'],
      ['--time-to-hire', 'two months'],
      ['--cost-per-rep', '-5'],
    ]) {
      const { exitCode, stderr } = runCli([...C, flag ?? '', value ?? ''])
      expect(exitCode).toBe(2)
      expect(stderr).toContain(`${flag} <`)
    }
  })

  it('exits 3 on a candidates file without a candidate column', () => {
    const { exitCode, stderr } = runCli([...C, '--candidates', 'capacity/reps.csv'])
    expect(exitCode).toBe(3)
    expect(stderr).toContain('no "candidate" column')
  })
})

describe('capacity --demo', () => {
  it('plans the demo company for a 60,000,000 target', () => {
    const { exitCode, stdout, stderr } = runCli([
      'capacity',
      '--demo',
      '--target',
      '60,000,000',
      '--cost-per-rep',
      '200,000',
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stdout.split('\n')[0]).toBe(
      'period,target,needed_reps,ramped_reps,ramping_reps,expected_attrition,capacity,hires_needed,start_by,hire_by,headcount,headcount_cost',
    )
    expect(stdout.trim().split('\n')).toHaveLength(5)
    expect(stderr).toContain('productivity: 1542030.74 a year per ramped rep (424 ramped rep-months')
  })
})
