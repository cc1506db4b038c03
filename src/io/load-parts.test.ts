import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RowIssue } from '../errors.js'
import type { Deal } from '../model/deal.js'
import {
  CsvSplitError,
  finishCsvParts,
  partLineShifts,
  planCsvSplit,
  shiftPartResult,
  streamCsvPart,
  streamRecords,
} from './load.js'
import type { CsvPartResult, FileReport, LoadOptions } from './load.js'

const dir = mkdtempSync(join(tmpdir(), 'salesops-parts-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A small seeded generator, so that every run writes the same files. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

interface Variant {
  readonly name: string
  readonly rows: number
  readonly crlf?: boolean
  readonly bom?: boolean
  readonly sep?: boolean
  readonly latin1?: boolean
  /** one in n rows: a quoted cell with commas, quotes and line breaks */
  readonly quoted?: number
  /** rows that show mojibake */
  readonly mojibake?: readonly number[]
  /** rows that are invalid (a bad amount), blank, or one-cell footer-like lines */
  readonly bad?: number
  readonly blank?: number
  readonly footerLike?: number
}

/** A deals export; the text and, for Windows-1252, its bytes. */
function exportOf(v: Variant): Uint8Array {
  const next = random(v.rows * 7919 + v.name.length)
  const nl = v.crlf === true ? '\r\n' : '\n'
  const lines = [
    'id,name,account_id,account,owner,stage,amount,currency,probability,created,close_date,region',
  ]
  for (let i = 0; i < v.rows; i++) {
    if (v.blank !== undefined && i % v.blank === 7) lines.push('')
    if (v.footerLike !== undefined && i % v.footerLike === 11) lines.push('Total')
    const n = Math.floor(next() * 400)
    let name = `Deal ${n % 97}`
    if (v.quoted !== undefined && i % v.quoted === 3) name = `"Big, ""quoted""${nl}deal ${n}"`
    if (v.mojibake?.includes(i) === true) name = 'GrÃ¼n deal'
    if (v.latin1 === true && i % 13 === 5) name = `Müller ${n % 5}`
    const stage = ['Prospecting', 'Closed Won', 'Closed Lost', 'Negotiation'][n % 4] ?? 'Prospecting'
    const amount = v.bad !== undefined && i % v.bad === 5 ? '12,3x' : (n * 37.5).toFixed(2)
    const day = String(1 + (n % 28)).padStart(2, '0')
    lines.push(
      [
        `D-${i % 2500}`,
        name,
        `A-${n % 50}`,
        `Acct ${n % 50}`,
        `Rep ${n % 7}`,
        stage,
        amount,
        'USD',
        String(n % 101),
        `2025-01-${day}`,
        `2025-03-${day}`,
        `R${n % 3}`,
      ].join(','),
    )
  }
  const text = (v.sep === true ? `sep=,${nl}` : '') + lines.join(nl) + nl
  if (v.latin1 === true) return Uint8Array.from(text, (c) => c.charCodeAt(0))
  const bytes = new TextEncoder().encode(text)
  return v.bom === true ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes
}

interface Outcome {
  records: Deal[]
  issues: RowIssue[]
  warnings: string[]
  summary: unknown
}

const base = (fields?: ReadonlySet<string>): LoadOptions & { entity: 'deal' } => ({
  entity: 'deal',
  collectOnly: true,
  ...(fields === undefined ? {} : { fields }),
})

async function whole(path: string, fields?: ReadonlySet<string>): Promise<Outcome> {
  const out: Outcome = { records: [], issues: [], warnings: [], summary: undefined }
  const summary = await streamRecords(
    [path],
    { ...base(fields), onIssue: (i) => out.issues.push(i), onWarning: (w) => out.warnings.push(w) },
    (r) => out.records.push(r),
  )
  out.summary = counts(summary.files[0], summary)
  return out
}

async function inParts(
  path: string,
  count: number,
  share: number | undefined,
  fields?: ReadonlySet<string>,
): Promise<Outcome | undefined> {
  const split = await planCsvSplit(path, { entity: 'deal' }, count, share)
  if (split === undefined) return undefined
  const out: Outcome = { records: [], issues: [], warnings: [], summary: undefined }
  const results: CsvPartResult[] = []
  const records: Deal[][] = []
  const issues: RowIssue[][] = []
  let first: FileReport | undefined
  try {
    for (let index = 0; index < split.parts.length; index++) {
      const partRecords: Deal[] = []
      const partIssues: RowIssue[] = []
      const { result, report } = await streamCsvPart(
        split,
        index,
        { ...base(fields), onIssue: (i) => partIssues.push(i), onWarning: (w) => out.warnings.push(w) },
        (r) => partRecords.push(r),
      )
      first ??= report
      results.push(result)
      records.push(partRecords)
      issues.push(partIssues)
    }
  } catch (error) {
    // a part that cannot be read on its own: the caller reads the file whole
    if (error instanceof CsvSplitError) return undefined
    throw error
  }
  if (first === undefined) return undefined
  // parts that counted lines from their own start, moved to the file's lines
  const shifts = partLineShifts(split, results)
  shifts.forEach((shift, i) => {
    for (const r of records[i] ?? []) out.records.push({ ...r, source_line: r.source_line + shift })
    for (const issue of issues[i] ?? []) out.issues.push({ ...issue, line: issue.line + shift })
  })
  const shifted = results.map((result, i) => shiftPartResult(result, shifts[i] ?? 0))
  const summary = finishCsvParts(first, shifted, {
    ...base(fields),
    onIssue: (i) => out.issues.push(i),
    onWarning: (w) => out.warnings.push(w),
  })
  out.summary = counts(summary.files[0], summary)
  return out
}

function counts(
  report: FileReport | undefined,
  summary: { rows: number; accepted: number; rejected: number; issueCount: number },
) {
  return {
    rows: summary.rows,
    accepted: summary.accepted,
    rejected: summary.rejected,
    issueCount: summary.issueCount,
    footerRows: report?.footerRows,
    blankRows: report?.blankRows,
    mojibake: report?.mojibake,
    encoding: report?.encoding,
    currencies: [...(report?.currencies ?? [])],
  }
}

const variants: Variant[] = [
  { name: 'plain', rows: 12000 },
  { name: 'quoted-crlf', rows: 12000, crlf: true, quoted: 17 },
  { name: 'bom-sep-blank', rows: 12000, bom: true, sep: true, blank: 97, quoted: 41 },
  { name: 'bad-footers', rows: 12000, bad: 101, footerLike: 389 },
  { name: 'mojibake-late', rows: 12000, mojibake: [6100, 6101, 11990] },
  { name: 'mojibake-early', rows: 12000, mojibake: [4500, 8400] },
  { name: 'latin1', rows: 12000, latin1: true, quoted: 29 },
]

describe('reading a CSV file in parts (planCsvSplit, streamCsvPart, finishCsvParts)', () => {
  for (const v of variants) {
    it(`gives what reading ${v.name} whole gives: records, issues, warnings and counts`, async () => {
      const path = join(dir, `${v.name}.csv`)
      writeFileSync(path, exportOf(v))
      const expected = await whole(path)
      let split = 0
      for (const count of [2, 3]) {
        for (const share of [undefined, 0.6]) {
          const got = await inParts(path, count, share)
          if (got === undefined) continue
          split++
          expect(got).toEqual(expected)
        }
      }
      expect(split).toBeGreaterThan(0)
    })
  }

  it('reads the same with a field list, leaving only unread text fields out', async () => {
    const path = join(dir, 'fields.csv')
    writeFileSync(path, exportOf({ name: 'fields', rows: 12000, quoted: 23, bad: 211, mojibake: [8000] }))
    const fields = new Set(['id', 'name', 'owner', 'status', 'amount', 'created', 'close_date'])
    const all = await whole(path)
    const some = await whole(path, fields)
    expect(some.issues).toEqual(all.issues)
    expect(some.warnings).toEqual(all.warnings)
    expect(some.summary).toEqual(all.summary)
    expect(some.records.map((r) => ({ ...r, region: undefined, account: undefined }))).toEqual(
      all.records.map((r) => ({ ...r, region: undefined, account: undefined })),
    )
    expect(some.records.every((r) => r.region === undefined)).toBe(true)
    expect(await inParts(path, 3, undefined, fields)).toEqual(some)
  })

  it('cuts a deals file without an id column where parts know their lines (ids are file:line)', async () => {
    const lines = ['name,account,owner,stage,amount,close_date']
    for (let i = 0; i < 12000; i++)
      lines.push(`Deal ${i % 97},Acct ${i % 50},Rep ${i % 7},Closed Won,${i}.50,2025-03-04`)
    const path = join(dir, 'no-id.csv')
    writeFileSync(path, `${lines.join('\n')}\n`)
    const split = await planCsvSplit(path, { entity: 'deal' }, 3)
    expect(split?.parts.map((p) => p.line)).toEqual([1, expect.any(Number), expect.any(Number)])
    const expected = await whole(path)
    expect(expected.records[5]?.id).toBe(`${path}:7`)
    expect(await inParts(path, 3, undefined)).toEqual(expected)
  })

  it('gives the file up to a whole read when a cut taken near its target falls inside a quoted cell', async () => {
    // the first rows have no quotes; further on, a name of many lines without quotes inside
    const row = (i: number, name: string): string =>
      `D-${i},${name},A-1,Acct 1,Rep 1,Prospecting,100.00,USD,10,2025-01-02,2025-03-04,R1`
    const lines = [
      'id,name,account_id,account,owner,stage,amount,currency,probability,created,close_date,region',
    ]
    for (let i = 0; i < 3000; i++) lines.push(row(i, `Deal ${i}`))
    const before = `${lines.join('\n')}\n`.length
    const note = Array.from({ length: 400 }, (_, k) => `note line ${k}`).join('\n')
    lines.push(row(3000, `"Renewal\n${note}"`))
    for (let i = 3001; i < 6000; i++) lines.push(row(i, `Deal ${i}`))
    const text = `${lines.join('\n')}\n`
    const path = join(dir, 'late-line-breaks.csv')
    writeFileSync(path, text)
    // a target in the middle of the note
    const split = await planCsvSplit(path, { entity: 'deal' }, 2, (before + note.length / 2) / text.length)
    expect(split?.parts[1]?.line).toBeUndefined()
    if (split === undefined) return
    await expect(streamCsvPart(split, 0, base(), () => undefined)).rejects.toThrow(CsvSplitError)
    const expected = await whole(path)
    expect(expected.records).toHaveLength(6000)
    expect(expected.records[3000]?.name).toBe(`Renewal\n${note}`)
  })

  it('does not cut a file whose formats are not decided before the cut, nor stdin or gzip', async () => {
    const path = join(dir, 'short.csv')
    writeFileSync(path, exportOf({ name: 'short', rows: 1500 }))
    const split = await planCsvSplit(path, { entity: 'deal' }, 2)
    if (split === undefined) throw new Error('the short file should be cut')
    await expect(streamCsvPart(split, 1, base(), () => undefined)).rejects.toThrow(/formats/)
    expect(await planCsvSplit('-', { entity: 'deal' }, 2)).toBeUndefined()
    const gz = join(dir, 'x.csv.gz')
    writeFileSync(gz, new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))
    expect(await planCsvSplit(gz, { entity: 'deal' }, 2)).toBeUndefined()
  })
})
