import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixture, listDir, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'
import { formats, mapping, onlyInspection } from '../support/inspect-json.js'

let tmp: string
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => {
  removeTempDir(tmp)
})

describe('ambiguous dates', () => {
  it('stops with exit 3 naming the column and suggesting --date-format when every date fits M/D and D/M', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', 'dates/ambiguous.csv', '--format', 'json'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'error: dates/ambiguous.csv: column "close_date": every date fits both month/day and day/month (e.g. "03/04/2025"); pass --date-format mdy (US) or --date-format dmy\n',
    )
  })

  it.each([
    ['mdy', 'M/D/YYYY (US)'],
    ['dmy', 'D/M/YYYY'],
  ])('reads the ambiguous dates with --date-format %s', (dateFormat, label) => {
    const { exitCode, stdout, stderr } = runCli([
      'inspect',
      'dates/ambiguous.csv',
      '--date-format',
      dateFormat,
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const inspection = onlyInspection(stdout)
    expect(inspection.valid_rows).toBe(4)
    expect(formats(inspection)['close_date']).toBe(label)
  })

  it('reads the ambiguous dates day-first with --locale en-GB', () => {
    const { exitCode, stdout } = runCli([
      'inspect',
      'dates/ambiguous.csv',
      '--locale',
      'en-GB',
      '--format',
      'json',
    ])
    expect(exitCode).toBe(0)
    expect(formats(onlyInspection(stdout))['close_date']).toBe('D/M/YYYY')
  })

  it('stops check with the same exit 3', () => {
    const { exitCode, stdout, stderr } = runCli(['check', 'dates/ambiguous.csv', '--format', 'csv'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toContain('column "close_date": every date fits both month/day and day/month')
  })
})

describe('mixed currencies', () => {
  it('lists each currency with its row count', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', 'broken-currency/mixed.csv', '--format', 'json'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(onlyInspection(stdout).currencies).toEqual([
      { currency: 'USD', rows: 3 },
      { currency: 'EUR', rows: 2 },
    ])
  })

  it('loads every row with --fx and --currency, still describing the currencies the file holds', () => {
    const { exitCode, stdout, stderr } = runCli([
      'inspect',
      'broken-currency/mixed.csv',
      '--fx',
      'broken-currency/fx.csv',
      '--currency',
      'USD',
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const inspection = onlyInspection(stdout)
    expect(inspection).toMatchObject({ rows: 5, valid_rows: 5, invalid_rows: 0 })
    expect(inspection.currencies).toEqual([
      { currency: 'USD', rows: 3 },
      { currency: 'EUR', rows: 2 },
    ])
  })

  it('rejects --fx without --currency with exit 2', () => {
    const { exitCode, stdout, stderr } = runCli([
      'inspect',
      'broken-currency/mixed.csv',
      '--fx',
      'broken-currency/fx.csv',
    ])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('error: --fx needs --currency CODE: the currency to convert into\n')
  })

  it('turns a row in a currency missing from the --fx file into an invalid row', () => {
    const { exitCode, stdout } = runCli([
      'inspect',
      'broken-currency/mixed.csv',
      '--fx',
      'broken-currency/fx.csv',
      '--currency',
      'GBP',
      '--format',
      'json',
    ])
    expect(exitCode).toBe(0)
    const inspection = onlyInspection(stdout)
    expect(inspection.invalid_rows).toBe(3)
    expect(inspection.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [2, 'NO_FX_RATE', 'no exchange rate for USD in the --fx file'],
      [4, 'NO_FX_RATE', 'no exchange rate for USD in the --fx file'],
      [6, 'NO_FX_RATE', 'no exchange rate for USD in the --fx file'],
    ])
  })

  it('stops convert with exit 3 listing USD (3 rows) and EUR (2 rows) without --fx', () => {
    const { exitCode, stdout, stderr } = runCli(['convert', 'broken-currency/mixed.csv', '--format', 'csv'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      [
        'error: the deals mix currencies: USD (3 rows), EUR (2 rows); amounts in different currencies cannot be added without exchange rates',
        '  pass --fx FILE (columns currency,rate: units of --currency per one unit) and --currency CODE',
        '',
      ].join('\n'),
    )
  })

  it('converts EUR amounts into USD with --fx, rounding to the cent', () => {
    const { exitCode, stdout, stderr } = runCli([
      'convert',
      'broken-currency/mixed.csv',
      '--fx',
      'broken-currency/fx.csv',
      '--currency',
      'USD',
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const rows = JSON.parse(stdout) as { id: string; amount: number; currency: string }[]
    // EUR rate 1.08: 8500 × 1.08 = 9180; 4000 × 1.08 = 4320; USD rows unchanged
    expect(rows.map((r) => [r.id, r.amount, r.currency])).toEqual([
      ['M-1', 12000, 'USD'],
      ['M-2', 9180, 'USD'],
      ['M-3', 25000, 'USD'],
      ['M-4', 4320, 'USD'],
      ['M-5', 1000, 'USD'],
    ])
  })
})

describe('convert: the strict loader', () => {
  const BAD = 'broken-rows/deals-3-bad.csv'

  it('stops with exit 3 on the 3 bad rows, listing each with file, line and column', () => {
    const { exitCode, stdout, stderr } = runCli(['convert', BAD, '--format', 'csv'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr.split('\n')).toEqual([
      'error: 3 invalid rows (3 issues); fix them, or pass --skip-invalid --rejects FILE to go on without them',
      `  ${BAD}:4: column "amount": "12,3x" is not an amount (expected e.g. 1234.50 or 1,234.50)`,
      `  ${BAD}:7: column "close_date": a won deal needs a close date`,
      `  ${BAD}:9: column "close_date": "2024-02-30" is not a date (this column is read as YYYY-MM-DD (a time part is ignored))`,
      '',
    ])
  })

  it('goes on with --skip-invalid: 9 rows out, 3 rejected, 12 in', () => {
    const rejects = join(tmp, 'rejects.csv')
    const { exitCode, stdout, stderr } = runCli([
      'convert',
      BAD,
      '--skip-invalid',
      '--rejects',
      rejects,
      '--format',
      'csv',
    ])
    expect(exitCode).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1 + 9)
    expect(readFileSync(rejects, 'utf8').trimEnd().split('\n')).toHaveLength(1 + 3)
    expect(stderr).toContain('warning: skipped 3 invalid rows of 12')
  })

  it('writes canonical records that read back with the canonical profile', () => {
    const out = join(tmp, 'deals.csv')
    expect(runCli(['convert', 'exports/salesforce-report.csv', '-o', out]).exitCode).toBe(0)
    const { stdout } = runCli(['inspect', out, '--format', 'json'])
    const inspection = onlyInspection(stdout)
    expect([inspection.profile, inspection.entity, inspection.invalid_rows]).toEqual(['canonical', 'deal', 0])
  })
})

describe('invalid rows', () => {
  const BAD = 'broken-rows/deals-3-bad.csv'
  const findings = [
    `error,invalid-row,${BAD},4,deal,,"column ""amount"": ""12,3x"" is not an amount (expected e.g. 1234.50 or 1,234.50)"`,
    `error,invalid-row,${BAD},7,deal,,"column ""close_date"": a won deal needs a close date"`,
    `error,invalid-row,${BAD},9,deal,,"column ""close_date"": ""2024-02-30"" is not a date (this column is read as YYYY-MM-DD (a time part is ignored))"`,
  ]

  it('inspect counts 12 rows: 9 valid and 3 invalid, with the issues at lines 4, 7 and 9', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', BAD, '--format', 'json'])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const inspection = onlyInspection(stdout)
    expect(inspection).toMatchObject({ rows: 12, valid_rows: 9, invalid_rows: 3 })
    expect(inspection.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [4, 'amount', 'BAD_VALUE'],
      [7, 'close_date', 'MISSING_VALUE'],
      [9, 'close_date', 'BAD_VALUE'],
    ])
  })

  it('check reports each invalid row as an error finding with file, line and column, exit 0', () => {
    const { exitCode, stdout } = runCli(['check', BAD, '--as-of', '2025-01-01', '--format', 'csv'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(`severity,rule,file,line,entity,record_id,message\n${findings.join('\n')}\n`)
  })

  it('check exits 1 on the invalid rows with --fail-on error', () => {
    const { exitCode, stdout } = runCli([
      'check',
      BAD,
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
      '--fail-on',
      'error',
    ])
    expect(exitCode).toBe(1)
    expect(stdout.split('\n').filter((l) => l.includes('invalid-row'))).toEqual(findings)
  })

  it('writes exactly the 3 invalid rows verbatim plus _error to --rejects with --skip-invalid', () => {
    const rejects = join(tmp, 'rejects.csv')
    const { exitCode, stdout } = runCli([
      'check',
      BAD,
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
      '--skip-invalid',
      '--rejects',
      rejects,
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('invalid-row')
    expect(readFileSync(rejects, 'utf8')).toBe(
      [
        'id,name,owner,stage,amount,close_date,created,_error',
        `B-03,Initech - Expansion,Ben Ortiz,Negotiation,"12,3x",2025-04-15,2025-01-20,"${BAD}:4: column ""amount"": ""12,3x"" is not an amount (expected e.g. 1234.50 or 1,234.50)"`,
        `B-06,Stark - Rollout,Cara Diaz,Closed Won,30000,,2024-12-01,"${BAD}:7: column ""close_date"": a won deal needs a close date"`,
        `B-08,Wonka - Upsell,Ben Ortiz,Proposal,9100,2024-02-30,2024-01-05,"${BAD}:9: column ""close_date"": ""2024-02-30"" is not a date (this column is read as YYYY-MM-DD (a time part is ignored))"`,
        '',
      ].join('\n'),
    )
    expect(listDir(tmp)).toEqual(['rejects.csv'])
  })

  it('accepted plus rejected rows add up to the input rows', () => {
    const rejects = join(tmp, 'rejects.csv')
    const { exitCode, stderr } = runCli([
      'check',
      BAD,
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
      '--skip-invalid',
      '--rejects',
      rejects,
    ])
    expect(exitCode).toBe(0)
    const accepted = Number(/checked (\d+) deal/.exec(stderr)?.[1])
    const rejected = readFileSync(rejects, 'utf8').trimEnd().split('\n').length - 1
    const input = readFileSync(fixture(BAD), 'utf8').trimEnd().split('\n').length - 1
    expect([accepted, rejected, input]).toEqual([9, 3, 12])
    expect(accepted + rejected).toBe(input)
  })

  it('rejects --rejects without --skip-invalid with exit 2', () => {
    const { exitCode, stdout, stderr } = runCli(['check', BAD, '--rejects', join(tmp, 'r.csv')])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('error: --rejects goes with --skip-invalid (without it, invalid rows stop the run)\n')
    expect(listDir(tmp)).toEqual([])
  })

  it('check treats an invalid rep row as a finding too, not as a stop', () => {
    const { exitCode, stdout, stderr } = runCli([
      'check',
      '--reps',
      'broken-rows/reps-1-bad.csv',
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
    ])
    expect(stderr).not.toContain('error:')
    expect(exitCode).toBe(0)
    expect(stdout).toContain(
      'error,invalid-row,broken-rows/reps-1-bad.csv,3,rep,,"column ""hire_date"": ""2022-02-30"" is not a date (this column is read as YYYY-MM-DD (a time part is ignored))"',
    )
  })
})

describe('malformed CSV', () => {
  it('stops with exit 3 at the line where an unclosed quote starts', () => {
    for (const command of ['inspect', 'check']) {
      const { exitCode, stdout, stderr } = runCli([
        command,
        'broken-csv/unclosed-quote.csv',
        '--format',
        'csv',
      ])
      expect(exitCode).toBe(3)
      expect(stdout).toBe('')
      expect(stderr).toBe(
        'error: broken-csv/unclosed-quote.csv:3: a quoted cell is never closed (a missing " before the end of the file)\n',
      )
    }
  })

  it('reports ragged rows with their lines (too many cells, too few cells)', () => {
    const { exitCode, stdout } = runCli(['inspect', 'broken-csv/ragged.csv', '--format', 'json'])
    expect(exitCode).toBe(0)
    const inspection = onlyInspection(stdout)
    expect(inspection).toMatchObject({ rows: 4, valid_rows: 2, invalid_rows: 2 })
    expect(inspection.issues.map((i) => [i.file, i.line, i.code, i.message])).toEqual([
      [
        'broken-csv/ragged.csv',
        3,
        'RAGGED_ROW',
        'the row has 7 cells but the header has 6 (an unquoted delimiter inside a value?)',
      ],
      ['broken-csv/ragged.csv', 4, 'RAGGED_ROW', 'the row has 5 cells but the header has 6'],
    ])
  })

  it('check fails on ragged rows with --fail-on error, pointing at file and line', () => {
    const { exitCode, stdout } = runCli([
      'check',
      'broken-csv/ragged.csv',
      '--as-of',
      '2025-01-01',
      '--format',
      'csv',
      '--fail-on',
      'error',
    ])
    expect(exitCode).toBe(1)
    expect(stdout.split('\n').filter((l) => l.startsWith('error,'))).toEqual([
      'error,invalid-row,broken-csv/ragged.csv,3,deal,,the row has 7 cells but the header has 6 (an unquoted delimiter inside a value?)',
      'error,invalid-row,broken-csv/ragged.csv,4,deal,,the row has 5 cells but the header has 6',
    ])
  })
})

describe('missing columns and --map', () => {
  it('stops with exit 3 listing the headers it found', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', 'unknown/custom-export.csv'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /^error: unknown\/custom-export\.csv: this deals file has no column for stage or status or is_won/,
    )
    expect(stderr).toContain('  found headers: "Deal Title", "Total Value", "Signed On", "Phase"\n')
    expect(stderr).toContain('--map FIELD=HEADER')
  })

  it('loads the same file with --map stage=Phase --map amount="Total Value" --map close_date="Signed On"', () => {
    const { exitCode, stdout, stderr } = runCli([
      'inspect',
      'unknown/custom-export.csv',
      '--map',
      'stage=Phase',
      '--map',
      'amount=Total Value',
      '--map',
      'close_date=Signed On',
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const inspection = onlyInspection(stdout)
    expect(inspection).toMatchObject({ entity: 'deal', rows: 4, valid_rows: 4, invalid_rows: 0 })
    expect(mapping(inspection)).toMatchObject({
      Phase: 'stage',
      'Total Value': 'amount',
      'Signed On': 'close_date',
    })
  })

  it('rejects a --map without "=" with exit 2', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', 'unknown/custom-export.csv', '--map', 'Phase'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('expected FIELD=Header')
  })
})

describe('files, options and profiles', () => {
  it('fails with exit 3 on a missing file', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', 'no-such-file.csv'])
    expect(exitCode).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toBe('error: no-such-file.csv: no such file\n')
  })

  it('fails with exit 3 on a missing --deals file of check', () => {
    const { exitCode, stderr } = runCli(['check', '--deals', 'no-such-file.csv'])
    expect(exitCode).toBe(3)
    expect(stderr).toBe('error: no-such-file.csv: no such file\n')
  })

  it('fails with exit 3 on a folder given as a file', () => {
    const { exitCode, stderr } = runCli(['inspect', 'exports'])
    expect(exitCode).toBe(3)
    expect(stderr).toBe('error: exports: is a folder, not a file\n')
  })

  it('fails with exit 2 on an unknown option', () => {
    const { exitCode, stdout, stderr } = runCli(['inspect', 'exports/zoho-deals.csv', '--bogus'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain("error: unknown option '--bogus'")
  })

  it('fails with exit 2 on an unknown profile', () => {
    const { exitCode, stdout, stderr } = runCli([
      'inspect',
      'exports/zoho-deals.csv',
      '--profile',
      'salesforse',
    ])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('error: unknown profile "salesforse"\n')
  })

  it('reads a file with a forced --profile', () => {
    const { exitCode, stdout } = runCli([
      'inspect',
      'exports/zoho-deals.csv',
      '--profile',
      'zoho',
      '--format',
      'json',
    ])
    expect(exitCode).toBe(0)
    expect(onlyInspection(stdout).profile).toBe('zoho')
  })

  it.each([
    [['inspect', 'exports/zoho-deals.csv', '--format', 'xml']],
    [['inspect', 'exports/zoho-deals.csv', '--as-of', '2025-02-30']],
    [['inspect', 'exports/zoho-deals.csv', '--encoding', 'ebcdic']],
    [['inspect', 'exports/zoho-deals.csv', '--date-format', 'yyyy/dd']],
    [['check', 'exports/zoho-deals.csv', '--fail-on', 'info']],
    [['inspect']],
    [['demo']],
  ])('fails with exit 2 on a usage error: %j', (args) => {
    const { exitCode, stdout, stderr } = runCli(args)
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^error: /)
  })

  it.each([
    [['inspect', 'no-such-file.csv']],
    [['inspect', 'broken-csv/unclosed-quote.csv']],
    [['inspect', 'unknown/custom-export.csv']],
    [['inspect', 'dates/ambiguous.csv']],
    [['inspect', 'exports/zoho-deals.csv', '--profile', 'nope']],
    [['inspect', 'exports/zoho-deals.csv', '--bogus']],
    [['check', 'xlsx/deals.xlsx', '--sheet', 'Nope']],
  ])('never prints a stack trace or "internal error" for a user error: %j', (args) => {
    const { exitCode, stderr } = runCli(args)
    expect([2, 3]).toContain(exitCode)
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(stderr).not.toContain('internal error')
  })
})

describe('stage history from a HubSpot deals export', () => {
  it('turns each filled "Date entered" column into a stage change, in date order', () => {
    const { exitCode, stdout, stderr } = runCli([
      'convert',
      '--as',
      'stage_change',
      'exports/hubspot-deals.csv',
      '--format',
      'csv',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    // deal 9876543211 entered Appointment Scheduled on 2024-11-02 and Closed Won on 2025-02-27
    expect(stdout.split('\n').filter((l) => l.startsWith('9876543211,'))).toEqual([
      '9876543211,2024-11-02,,Appointment Scheduled,,,,',
      '9876543211,2025-02-27,Appointment Scheduled,Closed Won,,,,',
    ])
  })
})

describe('rows marked deleted', () => {
  it('drops OpportunityHistory rows with IsDeleted = true and counts them', () => {
    const inspected = runCli(['inspect', 'exports/opportunity-history-deleted.csv', '--format', 'json'])
    expect(inspected.exitCode).toBe(0)
    const it0 = onlyInspection(inspected.stdout) as unknown as {
      rows: number
      valid_rows: number
      deleted_rows: number
    }
    expect([it0.rows, it0.valid_rows, it0.deleted_rows]).toEqual([2, 2, 1])
    const converted = runCli([
      'convert',
      '--as',
      'stage_change',
      'exports/opportunity-history-deleted.csv',
      '--format',
      'csv',
    ])
    expect(converted.exitCode).toBe(0)
    expect(
      converted.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(',')[3]),
    ).toEqual(['to_stage', 'Prospecting', 'Closed Won'])
  })
})
