/**
 * The streaming CSV reader: text chunks in, rows out, each row with the physical line where it
 * starts, so that every message names a line the user can open in an editor.
 *
 * RFC 4180 with the leniencies of real exports: LF or CRLF line ends, quotes inside unquoted
 * cells taken literally (`5" screen`), blanks after a closing quote ignored. A line without any
 * quote character is split natively (the fast path, most rows of most exports); a line with
 * quotes goes through a small state machine. Measured against the libraries in docs/design.md.
 */
import { InputFileError } from '../errors.js'

export interface CsvRow {
  readonly cells: string[]
  /** 1-based physical line of the row's first character */
  readonly line: number
}

/** A quoted cell larger than this is taken for an unclosed quote rather than buffered forever. */
const MAX_RECORD_CHARS = 32 * 1024 * 1024

export class CsvRowParser {
  readonly #delimiter: string
  readonly #file: string
  #rest = ''
  /** physical line of the first character of #rest */
  #line = 1

  constructor(delimiter: string, file: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`unsupported delimiter ${JSON.stringify(delimiter)}`)
    }
    this.#delimiter = delimiter
    this.#file = file
  }

  /** Parses every complete row in what has been pushed so far. */
  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = []
    this.#parse(this.#rest + chunk, false, rows)
    return rows
  }

  /** Parses what is left; a last row without a line end is complete here. */
  end(): CsvRow[] {
    const rows: CsvRow[] = []
    this.#parse(this.#rest, true, rows)
    this.#rest = ''
    return rows
  }

  #parse(text: string, final: boolean, rows: CsvRow[]): void {
    const delimiter = this.#delimiter
    const length = text.length
    let pos = 0
    let line = this.#line
    let nextQuote = text.indexOf('"')
    if (nextQuote === -1) nextQuote = length
    while (pos < length) {
      let newline = text.indexOf('\n', pos)
      if (newline === -1) {
        if (!final) break
        newline = length
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos)
        if (nextQuote === -1) nextQuote = length
      }
      if (nextQuote > newline) {
        const end = newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
        rows.push({ cells: text.slice(pos, end).split(delimiter), line })
        line++
        pos = newline + 1
        continue
      }
      const parsed = this.#parseQuoted(text, pos, line, final)
      if (parsed === undefined) break
      rows.push({ cells: parsed.cells, line })
      line += parsed.lines
      pos = parsed.next
    }
    this.#rest = pos < length ? text.slice(pos) : ''
    this.#line = line
    if (this.#rest.length > MAX_RECORD_CHARS) {
      throw new InputFileError(
        'CSV_MALFORMED',
        this.#file,
        `${this.#file}:${line}: a quoted cell never ends (unclosed quote?)`,
      )
    }
  }

  /** One record that contains quotes; undefined when it does not end inside `text` yet. */
  #parseQuoted(
    text: string,
    start: number,
    line: number,
    final: boolean,
  ): { cells: string[]; next: number; lines: number } | undefined {
    const delimiter = this.#delimiter.charCodeAt(0)
    const length = text.length
    const cells: string[] = []
    let lines = 1
    let i = start
    for (;;) {
      // at the start of a cell
      if (i < length && text.charCodeAt(i) === 34) {
        let value = ''
        let from = i + 1
        for (;;) {
          const close = text.indexOf('"', from)
          if (close === -1) {
            if (!final) return undefined
            throw new InputFileError(
              'CSV_MALFORMED',
              this.#file,
              `${this.#file}:${line}: a quoted cell is never closed (a missing " before the end of the file)`,
            )
          }
          if (close + 1 < length && text.charCodeAt(close + 1) === 34) {
            value += text.slice(from, close + 1)
            from = close + 2
            continue
          }
          if (close + 1 >= length && !final) return undefined
          value += text.slice(from, close)
          i = close + 1
          break
        }
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) lines++
        while (i < length && text.charCodeAt(i) === 32) i++
        if (i < length && text.charCodeAt(i) === 13) {
          i++
          if (i >= length && !final) return undefined
        }
        cells.push(value)
        if (i >= length) return { cells, next: i, lines }
        const c = text.charCodeAt(i)
        if (c === delimiter) {
          i++
          if (i >= length) {
            if (!final) return undefined
            cells.push('')
            return { cells, next: i, lines }
          }
          continue
        }
        if (c === 10) return { cells, next: i + 1, lines }
        throw new InputFileError(
          'CSV_MALFORMED',
          this.#file,
          `${this.#file}:${line + lines - 1}: unexpected text after a closing quote in cell ${cells.length} (a stray " inside a quoted cell must be doubled: "")`,
        )
      }
      // an unquoted cell: up to the delimiter or the line end; quotes inside are literal
      let j = i
      while (j < length) {
        const c = text.charCodeAt(j)
        if (c === delimiter || c === 10) break
        j++
      }
      if (j >= length && !final) return undefined
      const end =
        j > i && text.charCodeAt(j - 1) === 13 && (j >= length || text.charCodeAt(j) === 10) ? j - 1 : j
      cells.push(text.slice(i, end))
      if (j >= length) return { cells, next: j, lines }
      if (text.charCodeAt(j) === 10) return { cells, next: j + 1, lines }
      i = j + 1
      if (i >= length) {
        if (!final) return undefined
        cells.push('')
        return { cells, next: i, lines }
      }
    }
  }
}

/** Parses a whole text at once (tests, small inputs). */
export function parseCsvText(text: string, delimiter: string, file = '<text>'): CsvRow[] {
  const parser = new CsvRowParser(delimiter, file)
  return [...parser.push(text), ...parser.end()]
}
