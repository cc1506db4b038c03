/**
 * `salesops report` end to end: the demo report in the terminal and markdown versions against
 * golden files (as of the demo's snapshot date, reviewed by hand), skipped sections, alerts and
 * --fail-on-alert, config files and their relative paths, and the usage errors.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXPECTED, FIXTURES, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

const golden = (name: string) => readFileSync(join(EXPECTED, name), 'utf8')
const demo = (name: string) => join(FIXTURES, 'demo', name)

describe('report --demo', () => {
  it('prints the terminal report as in the golden file, within 100 columns, one alert', () => {
    const run = runCli(['report', '--demo'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(golden('report-demo.txt'))
    for (const line of run.stdout.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(100)
    expect(run.stderr).toBe('1 alert fired\n')
  })

  it('writes the markdown report as in the golden file', () => {
    const run = runCli(['report', '--demo', '--format', 'markdown'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(golden('report-demo.md'))
  })

  it('exits 1 with --fail-on-alert when an alert fires, and names it first', () => {
    const run = runCli(['report', '--demo', '--fail-on-alert', '--format', 'markdown'])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('## Alerts\n\n- ⚠️ 23 renewals overdue ($635,043 ARR)')
    expect(run.stderr).toContain('--fail-on-alert: exit 1')
  })

  it('breaks the headline down by team, adding up to the company figures', () => {
    const run = runCli(['report', '--demo', '--sections', 'kpis', '--by', 'team', '--format', 'markdown'])
    expect(run.exitCode).toBe(0)
    // 2,295,493 + 1,646,895 + 1,333,545 + 1,187,556 + 944,786 = 7,408,275, the company's bookings;
    // quotas 4,160,000 + 3,882,000 + 2,817,000 + 2,237,000 + 3,955,000 = 17,051,000, the forecast's quota
    expect(run.stdout).toContain(
      '| APAC | 72 | **$2,295,493** | 27.6% | $6,324,084 | $4,160,000 | 55.2% | 3.4× |',
    )
    expect(run.stdout).toContain('| EMEA | 99 | **$1,646,895** |')
    expect(run.stdout).toContain('| NA East | 110 | **$1,333,545** |')
    expect(run.stdout).toContain('| NA West | 73 | **$1,187,556** |')
    expect(run.stdout).toContain('| Enterprise | 8 | **$944,786** |')
  })

  it('does not colour the terminal report when piped, and does with FORCE_COLOR', () => {
    expect(runCli(['report', '--demo', '--sections', 'kpis']).stdout).not.toContain('\u001b[')
    expect(
      runCli(['report', '--demo', '--sections', 'kpis'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout,
    ).toContain('\u001b[')
  })
})

describe('report with a config', () => {
  let dir: string
  beforeEach(() => {
    dir = makeTempDir()
  })
  afterEach(() => {
    removeTempDir(dir)
  })

  it('reads files relative to the config, skips the sections without inputs, and honours the thresholds', () => {
    const config = join(dir, 'salesops.config.yaml')
    writeFileSync(
      config,
      [
        `files:`,
        // relative to the config's folder, not to the working directory
        `  deals: ${relative(dir, demo('deals.csv'))}`,
        `  quotas: [${relative(dir, demo('quotas.csv'))}]`,
        `report:`,
        `  title: ACME weekly`,
        `  sections: [kpis, pipeline, reps, renewals, quality]`,
        `  alerts:`,
        `    pipeline_coverage_below: 4`,
        `    forecast_below_quota: false`,
      ].join('\n'),
    )
    const run = runCli([
      'report',
      '--config',
      config,
      '--as-of',
      '2026-11-27',
      '--format',
      'markdown',
      '--fail-on-alert',
    ])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^# ACME weekly\n/)
    // coverage 3.3× (see the golden file) is below the configured 4×
    expect(run.stdout).toContain('- ⚠️ Pipeline coverage 3.3× for 2026-Q4 is below 4.0×')
    expect(run.stdout).toContain('## Pipeline changes\n\n_Skipped: no previous export to compare with')
    expect(run.stdout).toContain('## Rep scorecard\n\n_Skipped: no reps file')
    expect(run.stdout).toContain('## Renewals and retention\n\n_Skipped: no contracts file')
    expect(run.stdout).not.toContain('## Forecast')
  })

  it('goes from raw exports to a report in two commands: init, then report', () => {
    for (const name of ['deals.csv', 'reps.csv', 'quotas.csv', 'contracts.csv'])
      copyFileSync(demo(name), join(dir, name))
    const init = runCli(['init', 'deals.csv', 'reps.csv', 'quotas.csv', 'contracts.csv'], { cwd: dir })
    expect(init.exitCode).toBe(0)
    // the report finds ./salesops.config.yaml by itself
    const run = runCli(['report', '--as-of', '2026-11-27', '--format', 'markdown'], { cwd: dir })
    expect(run.exitCode).toBe(0)
    // the same headline figures as the golden demo report
    expect(run.stdout).toContain('| Bookings (closed won) | **$7,408,275** | −3.7% | +21.0% |')
    expect(run.stdout).toContain('## Rep scorecard\n\n3 of 39 reps with a quota at or above it')
    expect(run.stdout).toContain('## Territory balance\n\n_Skipped: no accounts file')
  })

  it('writes a self-contained HTML file atomically with -o', () => {
    const out = join(dir, 'weekly.html')
    const run = runCli(['report', '--demo', '--sections', 'kpis,forecast', '-o', out])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe('')
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/)
    expect(html.match(/<svg /g)?.length).toBe(2)
  })

  it('turns invalid rows into data-quality findings instead of stopping', () => {
    const deals = join(dir, 'deals.csv')
    writeFileSync(
      deals,
      'id,name,stage,amount,close_date,created\nD1,A,Closed Won,1000,2026-10-05,2026-09-01\nD2,B,Closed Won,lots,2026-10-06,2026-09-02\n',
    )
    const run = runCli([
      'report',
      '--deals',
      deals,
      '--as-of',
      '2026-11-27',
      '--format',
      'markdown',
      '--sections',
      'kpis,quality',
    ])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('- ⚠️ 1 data-quality error in the inputs')
    expect(run.stdout).toMatch(/\| error \| deals\.csv:3 \|/)
    // the valid row is counted: bookings 1,000 (no currency column: plain numbers)
    expect(run.stdout).toContain('| Bookings (closed won) | **1,000** |')
  })
})

describe('report --explain', () => {
  it('prints the definitions of the sections shown and the thresholds in force, to stderr', () => {
    const run = runCli([
      'report',
      '--demo',
      '--explain',
      '--sections',
      'kpis,quality',
      '--format',
      'markdown',
    ])
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain('  kpis: kpi metrics over the first d days of the period')
    expect(run.stderr).not.toContain('  forecast:')
    expect(run.stderr).toContain('  pipeline_coverage_below: 3×\n')
    expect(run.stderr).toContain('  win_rate_below: off\n')
    expect(run.stdout).toMatch(/^# Weekly sales report\n/)
  })
})

describe('report usage errors', () => {
  it('needs inputs', () => {
    const run = runCli(['report'], { cwd: makeTempDir() })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('report needs input files')
  })

  it('writes terminal, html or markdown only', () => {
    const run = runCli(['report', '--demo', '--format', 'csv'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('report writes --format terminal, html or markdown')
  })

  it('rejects an unknown section', () => {
    const run = runCli(['report', '--demo', '--sections', 'kpis,weather'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--sections: expected some of kpis')
  })

  it('is the only command writing html', () => {
    const run = runCli(['kpi', '--demo', '--format', 'html'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--format html is for `salesops report`')
  })
})
