import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvRowParser, parseCsvText } from './csv-rows.js'
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
