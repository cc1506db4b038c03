import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvRowParser, CsvRowStarts, parseCsvText } from './csv-rows.js'
import { SalesOpsError } from '../errors.js'

const cellsOf = (text: string, delimiter = ',') => parseCsvText(text, delimiter).map((r) => r.cells)

describe('CsvRowParser', () => {
  it('splits plain lines and keeps empty cells', () => {
    expect(cellsOf('a,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ])
  })

  it('reads quoted cells with delimiters, doubled quotes and CRLF', () => {
    expect(cellsOf('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ])
  })

  it('reports the physical line of each row, counting newlines inside quoted cells', () => {
    const rows = parseCsvText('h1,h2\n"multi\nline",2\n3,4\n', ',')
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4])
    expect(rows[1]?.cells).toEqual(['multi\nline', '2'])
  })

  it('takes a quote inside an unquoted cell literally', () => {
    expect(cellsOf('5" screen,2\n')).toEqual([['5" screen', '2']])
  })

  it('keeps a trailing empty cell after a quoted one and at the end of the file', () => {
    expect(cellsOf('"1",\n"2",')).toEqual([
      ['1', ''],
      ['2', ''],
    ])
  })

  it('reads a last line without a line end', () => {
    expect(cellsOf('a;b\n1;2', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('fails with CSV_MALFORMED and the line on an unclosed quote', () => {
    const run = () => parseCsvText('a,b\n1,2\n"open,3\n4,5\n', ',', 'deals.csv')
    expect(run).toThrow(SalesOpsError)
    expect(run).toThrow(/deals\.csv:3/)
  })

  it('fails with CSV_MALFORMED on text after a closing quote', () => {
    expect(() => parseCsvText('"a"b,c\n', ',')).toThrow(/after a closing quote/)
  })

  it('gives the same rows however the text is cut into chunks', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'x', '1,5', 'a"b', 'line\nbreak', '"', ' sp '),
      fc.string({ maxLength: 6 }),
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }),
        (table, cuts) => {
          const text = table
            .map((row) =>
              row.map((c) => (/[",\n\r]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c)).join(','),
            )
            .join('\n')
          const whole = parseCsvText(text, ',')
          const parser = new CsvRowParser(',', 'x')
          const pieces = []
          let pos = 0
          for (let k = 0; pos < text.length; k++) {
            const size = cuts[k % cuts.length] ?? 1
            pieces.push(...parser.push(text.slice(pos, pos + size)))
            pos += size
          }
          pieces.push(...parser.end())
          expect(pieces).toEqual(whole)
          expect(whole.map((r) => r.cells)).toEqual(table)
        },
      ),
    )
  })
})

/** Raw CSV-ish text from tokens that make quoted cells, literal quotes, CRLF and blanks after quotes. */
const rawText = fc
  .array(fc.constantFrom('a', 'é', '€', ',', '"', '""', '\n', '\r\n', ' ', '"x"', '"a,\nb"', '5" in'), {
    maxLength: 40,
  })
  .map((tokens) => tokens.join(''))

const parses = (text: string): boolean => {
  try {
    parseCsvText(text, ',')
    return true
  } catch {
    return false
  }
}

describe('CsvRowParser in chunks', () => {
  it('waits for more text after blanks that follow a closing quote', () => {
    const parser = new CsvRowParser(',', 'x')
    expect(parser.push('"a\nb"  ')).toEqual([])
    expect(parser.pending).toBe(true)
    expect(parser.push(',c\n')).toEqual([{ cells: ['a\nb', 'c'], line: 1 }])
    expect(parser.pending).toBe(false)
  })

  it('gives the rows of the whole text however any readable text is cut', () => {
    fc.assert(
      fc.property(
        rawText,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        (text, cuts) => {
          fc.pre(parses(text))
          const whole = parseCsvText(text, ',')
          const parser = new CsvRowParser(',', 'x')
          const rows = []
          let pos = 0
          for (let k = 0; pos < text.length; k++) {
            const size = cuts[k % cuts.length] ?? 1
            rows.push(...parser.push(text.slice(pos, pos + size)))
            pos += size
          }
          rows.push(...parser.end())
          expect(rows).toEqual(whole)
        },
      ),
    )
  })

  it('starts counting lines at firstLine', () => {
    expect(new CsvRowParser(',', 'x', 41).push('a\nb\n').map((r) => r.line)).toEqual([41, 42])
  })
})

describe('CsvRowStarts', () => {
  const encoder = new TextEncoder()

  /** Byte offset and line of every row start the parser finds, and the end of the text. */
  function rowStarts(text: string): { offset: number; line: number }[] {
    const lineStarts = [0]
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
    const starts = parseCsvText(text, ',').map((row) => {
      const at = lineStarts[row.line - 1] ?? 0
      return { offset: encoder.encode(text.slice(0, at)).length, line: row.line }
    })
    starts.push({ offset: encoder.encode(text).length, line: lineStarts.length })
    return starts
  }

  function scan(bytes: Uint8Array, targets: readonly number[], cuts: readonly number[]): CsvRowStarts {
    const scanner = new CsvRowStarts(',', 0, 0, targets)
    let pos = 0
    for (let k = 0; pos < bytes.length && !scanner.done; k++) {
      const size = cuts[k % cuts.length] ?? 1
      scanner.push(bytes.subarray(pos, pos + size))
      pos += size
    }
    scanner.end()
    return scanner
  }

  it('finds the first row start at or after each target, with its line, as the parser reads the rows', () => {
    fc.assert(
      fc.property(
        rawText,
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }),
        (raw, cuts) => {
          const text = `${raw}\n`
          fc.pre(parses(text))
          const bytes = encoder.encode(text)
          const expected = rowStarts(text)
          const targets = Array.from({ length: bytes.length + 1 }, (_, i) => i)
          const scanner = scan(bytes, targets, cuts)
          expect(scanner.starts).toEqual(targets.map((t) => expected.find((s) => s.offset >= t)))
        },
      ),
    )
  })

  it('stops at a quoted cell that is malformed or never closed', () => {
    const bytes = encoder.encode('a,b\n"x"y,1\nc,d\n')
    expect(scan(bytes, [12], [5]).starts).toEqual([])
    expect(scan(encoder.encode('a,b\n"open,1\nc,d\n'), [12], [64]).starts).toEqual([])
  })

  it('starts after a sep= line and counts its line', () => {
    const bytes = encoder.encode('sep=;\nh;i\n1;2\n')
    const scanner = new CsvRowStarts(';', 6, 1, [7])
    scanner.push(bytes.subarray(6))
    expect(scanner.starts).toEqual([{ offset: 10, line: 3 }])
  })
})

describe('CsvRowParser with a cell mask', () => {
  const mask = { keep: Uint8Array.from([1, 0, 1]), width: 3, plain: (first: string) => first !== 'Total' }

  it('leaves unread cells of plain rows empty', () => {
    expect(new CsvRowParser(',', 'x').push('a,b,c\n1,2,3\n', mask).map((r) => r.cells)).toEqual([
      ['a', '', 'c'],
      ['1', '', '3'],
    ])
  })

  it('gives every cell of a row that is not plain: another width, a first cell the loader looks at, quotes', () => {
    expect(
      new CsvRowParser(',', 'x').push('a,b\nTotal,2,3\n"q",r,s\n1,2,3,4\n', mask).map((r) => r.cells),
    ).toEqual([
      ['a', 'b'],
      ['Total', '2', '3'],
      ['q', 'r', 's'],
      ['1', '2', '3', '4'],
    ])
  })
})
