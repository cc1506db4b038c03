import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Columns } from '../model/columns.js'
import { stringify } from 'csv-stringify/sync'
import { parseCsvText } from './csv-rows.js'
import { csvLine, guardCell, stringifyRows, toCsv } from './to-csv.js'

describe('our CSV writers and reader', () => {
  const table = fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), {
    minLength: 1,
    maxLength: 10,
  })

  it('read back any table of strings that stringifyRows wrote', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsvText(stringifyRows(rows), ',').map((r) => r.cells)).toEqual(rows)
      }),
    )
  })

  it.each([',', '\t'] as const)('writes the bytes csv-stringify writes (delimiter %j)', (delimiter) => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme-composite' }),
      fc.constantFrom(
        '',
        ' ',
        'a b',
        ' a',
        'a ',
        '\u00a0x',
        'x\u2028',
        '\u3000x',
        'x\ufeff',
        '\u000bx',
        'x\u000c',
        '\u0085x',
        '\u1680',
        '"',
        'a"b',
        '\r',
        '\n',
        '\t',
        'a,b',
        'a\tb',
        '=1',
      ),
    )
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        expect(stringifyRows(rows, { delimiter })).toBe(
          stringify(rows, { delimiter, record_delimiter: '\n', quoted_match: /^\s|\s$/ }),
        )
      }),
    )
  })

  it('read back any table of strings that csvLine wrote', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsvText(rows.map(csvLine).join(''), ',').map((r) => r.cells)).toEqual(rows)
      }),
    )
  })
})

describe('toCsv', () => {
  interface Row {
    owner: string
    won_amount: number | null
    win_rate: number | null
    close: number
  }
  const columns: Columns<Row> = [
    { key: 'owner', header: 'Owner', kind: 'text' },
    { key: 'won_amount', header: 'Won', kind: 'money' },
    { key: 'win_rate', header: 'Win rate', kind: 'ratio' },
    { key: 'close', header: 'Close', kind: 'date' },
  ]

  it('writes money in units with at most two decimals, ratios as fractions, ISO dates, empty for null', () => {
    // 105450 cents = 1054.5; 2/3 = 0.6667 at 4 decimals; day 20178 = 2025-03-31
    const text = toCsv(
      [
        { owner: 'Ann', won_amount: 105450, win_rate: 2 / 3, close: 20178 },
        { owner: 'Bo', won_amount: null, win_rate: null, close: 20178 },
      ],
      columns,
    )
    expect(text.split('\n')).toEqual([
      'owner,won_amount,win_rate,close',
      'Ann,1054.5,0.6667,2025-03-31',
      'Bo,,,2025-03-31',
      '',
    ])
  })

  it('neutralises formulas in text cells but never touches numbers', () => {
    const text = toCsv([{ owner: '=HYPERLINK("x")', won_amount: -500, win_rate: 0, close: 0 }], columns)
    expect(text.split('\n')[1]).toBe(`"'=HYPERLINK(""x"")",-5,0,1970-01-01`)
    expect(
      toCsv([{ owner: '@SUM(1)', won_amount: 1, win_rate: 1, close: 0 }], columns, { guard: false }).split(
        '\n',
      )[1],
    ).toBe('@SUM(1),0.01,1,1970-01-01')
  })

  it.each(['=1+1', '+1', '-1', '@x', '\tx', '\rx'])('guards %j', (cell) => {
    expect(guardCell(cell)).toBe(`'${cell}`)
  })
})

describe('toCsv with repeated values', () => {
  it('writes each row as if it were alone', () => {
    interface Row {
      readonly a: string | null
      readonly n: number | null
    }
    const columns: Columns<Row> = [
      { key: 'a', header: 'A', kind: 'text' },
      { key: 'n', header: 'N', kind: 'int' },
    ]
    const value = fc.record({
      a: fc.option(fc.constantFrom('x', '=1', 'a,b', ' y', 'same'), { nil: null }),
      n: fc.option(fc.constantFrom(1, 2, -3), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (rows) => {
        const alone = rows.map((row) => toCsv([row], columns, { header: false })).join('')
        expect(toCsv(rows, columns, { header: false })).toBe(alone)
      }),
    )
  })
})
