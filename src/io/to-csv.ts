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

/** What makes csv-stringify quote a cell (besides the delimiter), with quoted_match /^\s|\s$/. */
const QUOTE_WHEN = /["\n\r]|^\s|\s$/

/**
 * Any table of strings as CSV text (also used for rejects files): the bytes csv-stringify writes
 * with these options (a cell is quoted when it holds the delimiter, a quote, CR or LF, or starts or
 * ends with white space; quotes are doubled; every record ends with `\n`), written directly, about
 * ten times faster (a test compares the two). A cell that is not a string goes to csv-stringify.
 */
export function stringifyRows(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ','
  const lines: string[] = []
  for (const row of rows) {
    let line = ''
    for (let i = 0; i < row.length; i++) {
      const cell: unknown = row[i]
      if (i > 0) line += delimiter
      if (typeof cell !== 'string') {
        if (cell === undefined || cell === null) continue
        return stringify(rows as string[][], { delimiter, record_delimiter: '\n', quoted_match: /^\s|\s$/ })
      }
      line += csvCell(cell, delimiter)
    }
    lines.push(line)
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

export function toCsv<Row>(rows: readonly Row[], columns: Columns<Row>, options: CsvOptions = {}): string {
  const guard = options.guard ?? true
  const delimiter = options.delimiter ?? ','
  const lines: string[] = []
  if (options.header ?? true)
    lines.push(
      csvRecord(
        columns.map((c) => c.key),
        delimiter,
      ),
    )
  const cells: string[] = new Array<string>(columns.length)
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]
      if (c === undefined) continue
      const v = machineValue(c.kind, row[c.key] as never)
      cells[i] =
        v === null ? '' : typeof v === 'string' ? (guard && c.kind === 'text' ? guardCell(v) : v) : String(v)
    }
    lines.push(csvRecord(cells, delimiter))
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

/** One record of strings, as stringifyRows writes it (without the line end). */
function csvRecord(cells: readonly string[], delimiter: string): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter
    line += csvCell(cells[i] ?? '', delimiter)
  }
  return line
}

/** One cell as csv-stringify writes it with these options. */
function csvCell(cell: string, delimiter: string): string {
  return cell !== '' && (cell.includes(delimiter) || QUOTE_WHEN.test(cell))
    ? `"${cell.replaceAll('"', '""')}"`
    : cell
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
