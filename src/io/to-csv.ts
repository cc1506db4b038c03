/**
 * CSV/TSV for machines, through csv-stringify: plain numbers, ISO dates, empty cells for null, `\n`
 * line ends. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) get a leading apostrophe unless the guard is off; numbers are never altered.
 */
import { stringify } from 'csv-stringify/sync'
import { machineValue } from '../model/columns.js'
import type { Columns } from '../model/columns.js'

const FORMULA_START = /^[=+\-@\t\r]/

/** Neutralises a text cell against spreadsheet formula injection (OWASP: prefix with '). */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export interface CsvOptions {
  readonly delimiter?: ',' | '\t'
  /** default true */
  readonly guard?: boolean
  /** write the header line (default true) */
  readonly header?: boolean
}

/** Any table of strings as CSV text (also used for rejects files). */
export function stringifyRows(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  return stringify(rows as string[][], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: '\n',
    quoted_match: /^\s|\s$/,
  })
}

export function toCsv<Row>(rows: readonly Row[], columns: Columns<Row>, options: CsvOptions = {}): string {
  const guard = options.guard ?? true
  const table: string[][] = []
  if (options.header ?? true) table.push(columns.map((c) => c.key))
  for (const row of rows) {
    table.push(
      columns.map((c) => {
        const v = machineValue(c.kind, row[c.key] as never)
        if (v === null) return ''
        if (typeof v === 'string') return guard && c.kind === 'text' ? guardCell(v) : v
        return String(v)
      }),
    )
  }
  return stringifyRows(table, options)
}

const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/

/** One CSV line (with `\n`), quoting only where needed: the fast writer for generated data. */
export function csvLine(cells: readonly string[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? ''
    if (i > 0) line += ','
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
  }
  return `${line}\n`
}
