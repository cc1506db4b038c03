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

/**
 * Which cells of a plain row the reader may leave empty because nobody reads them (`check` with
 * rules that read a few fields). A row that is not plain (another number of cells than `width`,
 * or a first cell that fails `plain`) gets all its cells, so that blank, footer and ragged rows are
 * told exactly as without a mask.
 */
export interface CellMask {
  /** 1 for a column whose cell is read (column 0 always is) */
  readonly keep: Uint8Array
  readonly width: number
  readonly plain: (first: string) => boolean
}

/** A quoted cell larger than this is taken for an unclosed quote rather than buffered forever. */
const MAX_RECORD_CHARS = 32 * 1024 * 1024

export class CsvRowParser {
  readonly #delimiter: string
  readonly #file: string
  #rest = ''
  /** physical line of the first character of #rest */
  #line = 1
  /** cells of the last row without quotes: the length to make the next one's array */
  #width = 1

  /** `firstLine`: the physical line of the first character pushed (a part of a file starts later). */
  constructor(delimiter: string, file: string, firstLine = 1) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`unsupported delimiter ${JSON.stringify(delimiter)}`)
    }
    this.#delimiter = delimiter
    this.#file = file
    this.#line = firstLine
  }

  /** The physical line of the next row (of the first character not read into a row yet). */
  get line(): number {
    return this.#line
  }

  /** True when text of an unfinished row is held (what has been pushed does not end at a row's end). */
  get pending(): boolean {
    return this.#rest !== ''
  }

  /** Parses every complete row in what has been pushed so far; `mask`: cells that may be left empty. */
  push(chunk: string, mask?: CellMask): CsvRow[] {
    const rows: CsvRow[] = []
    const rest = this.#rest
    if (rest !== '') {
      // the row held from the last chunk, when it has no quote and ends at the chunk's first line
      // end, is parsed on its own: the chunk is then read as it is, not copied into a joined text
      const newline = chunk.indexOf('\n')
      if (newline !== -1 && !rest.includes('"')) {
        const head = chunk.slice(0, newline + 1)
        if (!head.includes('"')) {
          this.#rest = ''
          this.#parse(rest + head, false, rows, mask)
          this.#parse(chunk.slice(newline + 1), false, rows, mask)
          return rows
        }
      }
    }
    this.#parse(rest + chunk, false, rows, mask)
    return rows
  }

  /** Parses what is left; a last row without a line end is complete here. */
  end(): CsvRow[] {
    const rows: CsvRow[] = []
    this.#parse(this.#rest, true, rows)
    this.#rest = ''
    return rows
  }

  #parse(text: string, final: boolean, rows: CsvRow[], mask?: CellMask): void {
    const delimiter = this.#delimiter
    const length = text.length
    let pos = 0
    let line = this.#line
    let nextQuote = text.indexOf('"')
    if (nextQuote === -1) nextQuote = length
    let nextDelimiter = -1
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
        // the cells, cut with indexOf; the next delimiter is remembered across rows, so that a
        // text is searched once; with a mask, a cell nobody reads is not cut out (left '')
        // (the array is made as long as the last row: growing it cell by cell would copy it twice)
        const keep = mask?.keep
        let cells = new Array<string>(this.#width)
        let n = 0
        let start = pos
        for (;;) {
          if (nextDelimiter < start) {
            nextDelimiter = text.indexOf(delimiter, start)
            if (nextDelimiter === -1) nextDelimiter = length
          }
          if (nextDelimiter >= end) break
          cells[n] = keep === undefined || keep[n] === 1 ? text.slice(start, nextDelimiter) : ''
          n++
          start = nextDelimiter + 1
        }
        cells[n] = keep === undefined || keep[n] === 1 ? text.slice(start, end) : ''
        n++
        if (n !== cells.length) cells.length = n
        this.#width = n
        if (mask !== undefined && (n !== mask.width || !mask.plain(cells[0] ?? '')))
          cells = text.slice(pos, end).split(delimiter)
        rows.push({ cells, line })
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
        // blanks up to the end of the text so far: what follows decides (the row may go on)
        if (i >= length && !final) return undefined
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

/** A row (an unclosed quoted cell) longer than this stops the search: the file is read in one piece. */
const MAX_SCAN_ROW_BYTES = 16 * 1024 * 1024
const NEED_MORE = -1
const MALFORMED = -2

/**
 * Where rows start in the bytes of a CSV file in an encoding where the delimiter, `"`, CR and LF
 * are single bytes that never occur inside a multi-byte character (UTF-8, Windows-1252): the row
 * boundaries of CsvRowParser, found without building cells by jumping from quote to quote (a line
 * without a `"` is a row of its own). For cutting a file into parts that each start at a row:
 * `starts[i]` becomes the first row start at or after `targets[i]`, with its physical line.
 * A malformed or endless quoted cell, or the end of the bytes, leaves the targets after it unset.
 */
export class CsvRowStarts {
  readonly #delimiter: number
  readonly #targets: readonly number[]
  /** per target: the row start at or after it, and that row's physical line */
  readonly starts: { offset: number; line: number }[] = []
  #failed = false
  /** unconsumed bytes from the current row start on, and their offset in the file */
  #carry: Uint8Array = new Uint8Array(0)
  /** whether the held bytes are a line without a quote (rather than a row with quotes) */
  #carryPlain = false
  #base: number
  /** line ends before #base */
  #lines: number

  /**
   * `from`: the offset of the first row (after a BOM and a `sep=` line); `linesBefore`: line ends
   * before it; `targets`: ascending offsets.
   */
  constructor(delimiter: string, from: number, linesBefore: number, targets: readonly number[]) {
    const code = delimiter.charCodeAt(0)
    if (delimiter.length !== 1 || code >= 0x80 || code === 34 || code === 10 || code === 13) {
      throw new RangeError(`unsupported delimiter ${JSON.stringify(delimiter)}`)
    }
    this.#delimiter = code
    this.#targets = targets
    this.#base = from
    this.#lines = linesBefore
  }

  /** True when every target has its row start, or the search has stopped. */
  get done(): boolean {
    return this.#complete()
  }

  #complete(): boolean {
    return this.#failed || this.starts.length === this.#targets.length
  }

  /** The next bytes of the file (consecutive, from `from` on). */
  push(block: Uint8Array): void {
    if (this.done) return
    const held = this.#carry.length
    if (held > 0 && this.#carryPlain) {
      // the held line has no quote: if it ends in this block before any quote, it is a row
      const newline = block.indexOf(10)
      const quote = block.indexOf(34)
      if (newline !== -1 && (quote === -1 || quote > newline)) {
        this.#carry = new Uint8Array(0)
        this.#scan(block, this.#base + held, newline + 1, this.#lines + 1)
        return
      }
    }
    let buf = block
    if (held > 0) {
      buf = new Uint8Array(held + block.length)
      buf.set(this.#carry)
      buf.set(block, held)
    }
    this.#scan(buf, this.#base, 0, this.#lines)
  }

  /** Scans `buf` (bytes from `base` on) from the row start `pos`, after `lines` line ends. */
  #scan(buf: Uint8Array, base: number, from: number, linesBefore: number): void {
    const len = buf.length
    let pos = from
    let lines = linesBefore
    let plain = false
    const record = (at: number, before: number): void => {
      this.starts.push({ offset: base + at, line: before + 1 })
    }
    for (;;) {
      // targets at or before this row start
      while (
        this.starts.length < this.#targets.length &&
        (this.#targets[this.starts.length] ?? 0) <= base + pos
      )
        record(pos, lines)
      if (this.done) return
      const quote = buf.indexOf(34, pos)
      const q = quote === -1 ? len : quote
      // the lines before the one with the quote have no quote: each is a row
      // (a negative start would count from the end)
      const lastEnd = q > pos ? buf.lastIndexOf(10, q - 1) : -1
      const r = lastEnd < pos ? pos : lastEnd + 1
      while (
        this.starts.length < this.#targets.length &&
        (this.#targets[this.starts.length] ?? 0) <= base + r
      ) {
        const target = (this.#targets[this.starts.length] ?? 0) - base
        const start = buf.indexOf(10, target - 1) + 1
        record(start, lines + countLineEnds(buf, pos, start))
      }
      lines += countLineEnds(buf, pos, r)
      pos = r
      if (this.#complete()) return
      if (quote === -1) {
        plain = true
        break
      }
      const end = this.#scanRow(buf, pos, len)
      if (end === MALFORMED) {
        this.#failed = true
        return
      }
      if (end === NEED_MORE) break
      lines += countLineEnds(buf, pos, end)
      pos = end
    }
    // a copy (a Buffer's slice would be a view of a block that is read into again)
    this.#carry = new Uint8Array(buf.subarray(pos))
    this.#carryPlain = plain
    this.#base = base + pos
    this.#lines = lines
    if (this.#carry.length > MAX_SCAN_ROW_BYTES) this.#failed = true
  }

  /** The end of the bytes: a target past the last complete row stays unset. */
  end(): void {
    this.#failed = this.#failed || !this.done
  }

  /**
   * From a row start, the offset after the row's line end, as CsvRowParser reads a row with quotes;
   * NEED_MORE when the row does not end within `len`, MALFORMED where the parser would stop.
   */
  #scanRow(buf: Uint8Array, start: number, len: number): number {
    const delimiter = this.#delimiter
    let i = start
    for (;;) {
      if (i < len && buf[i] === 34) {
        let from = i + 1
        for (;;) {
          const close = buf.indexOf(34, from)
          if (close === -1 || close + 1 >= len) return NEED_MORE
          if (buf[close + 1] === 34) {
            from = close + 2
            continue
          }
          i = close + 1
          break
        }
        while (i < len && buf[i] === 32) i++
        if (i >= len) return NEED_MORE
        if (buf[i] === 13) {
          i++
          if (i >= len) return NEED_MORE
        }
        const c = buf[i]
        if (c === delimiter) {
          i++
          if (i >= len) return NEED_MORE
          continue
        }
        if (c === 10) return i + 1
        return MALFORMED
      }
      // an unquoted cell: up to the delimiter or the line end; quotes inside are literal
      let j = i
      while (j < len) {
        const c = buf[j]
        if (c === delimiter || c === 10) break
        j++
      }
      if (j >= len) return NEED_MORE
      if (buf[j] === 10) return j + 1
      i = j + 1
      if (i >= len) return NEED_MORE
    }
  }
}

/** Line ends (LF) in buf[from, to). */
function countLineEnds(buf: Uint8Array, from: number, to: number): number {
  let n = 0
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++
  return n
}
