import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendarDate, formatIsoDate } from '../model/calendar-date.js'
import {
  decimalEvidence,
  parseCurrency,
  isScientificId,
  parseAmount,
  parseBool,
  parseDateAs,
  parseDecimal,
  parseList,
  parseProbability,
} from './values.js'

describe('parseAmount', () => {
  it.each([
    ['1234', 'dot', 123400],
    ['1234.5', 'dot', 123450],
    ['-12.34', 'dot', -1234],
    ['11015.0', 'dot', 1101500],
    ['1,234.56', 'dot', 123456],
    ['1,234,567', 'dot', 123456700],
    ['$1,234.50', 'dot', 123450],
    ['USD 10,000.00', 'dot', 1000000],
    ['(1,234.00)', 'dot', -123400],
    ['1.234,56', 'comma', 123456],
    ['1 234,56', 'comma', 123456],
    ['1\u00a0234,56', 'comma', 123456],
    ['1.234,56 €', 'comma', 123456],
    ['12,5', 'comma', 1250],
    ["1'234.56", 'dot', 123456],
    ['1.2E+5', 'dot', 12000000],
    // 0.125 → 12.5 cents → 13 (half away from zero); -0.125 → -13
    ['0.125', 'dot', 13],
    ['-0.125', 'dot', -13],
  ] as const)('reads %s (%s decimals) as %i cents', (text, style, cents) => {
    expect(parseAmount(text, style)?.cents).toBe(cents)
  })

  it('keeps the currency written in the cell', () => {
    expect(parseAmount('USD 10,000.00', 'dot')?.currency).toBe('USD')
    expect(parseAmount('1.234,56 €', 'comma')?.currency).toBe('EUR')
    expect(parseAmount('1234', 'dot')?.currency).toBeUndefined()
  })

  it.each(['', 'N/A', '12,3x', '1,23,4', 'abc', '1.2.3', '--5', '$'])('rejects %j', (text) => {
    expect(parseAmount(text, 'dot')).toBeUndefined()
  })

  it('reads 1.234 as one thousand two hundred thirty-four in comma style, and as 1.234 in dot style', () => {
    expect(parseAmount('1.234', 'comma')?.cents).toBe(123400)
    // 1.234 units = 123.4 cents → 123 cents
    expect(parseAmount('1.234', 'dot')?.cents).toBe(123)
  })

  it('agrees with exact decimal arithmetic on any amount written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
        const abs = Math.abs(cents)
        const text = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
        expect(parseAmount(text, 'dot')?.cents).toBe(cents)
        const grouped = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100).toLocaleString('de-DE')},${String(abs % 100).padStart(2, '0')}`
        expect(parseAmount(grouped, 'comma')?.cents).toBe(cents)
      }),
    )
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('dot' as const, 'comma' as const), (text, style) => {
        const result = parseAmount(text, style)
        expect(result === undefined || Number.isSafeInteger(result.cents)).toBe(true)
      }),
    )
  })
})

describe('decimalEvidence', () => {
  it.each([
    ['1,234.56', 'dot'],
    ['1.234,56', 'comma'],
    ['12,5', 'comma'],
    ['12.5', 'dot'],
    ['1,234', 'either'],
    ['1.234', 'either'],
    ['1234', 'either'],
    ['1.234.567', 'comma'],
    ['1,234,567', 'dot'],
  ] as const)('%s says %s', (text, style) => {
    expect(decimalEvidence(text)).toBe(style)
  })
})

describe('parseDecimal', () => {
  it('reads digits, with or without one decimal separator, as Number does', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(digits, fc.option(digits, { nil: undefined }), (whole, frac) => {
        const dot = frac === undefined ? whole : `${whole}.${frac}`
        expect(parseDecimal(dot, 'dot')).toBe(Number(dot))
        expect(parseDecimal(dot.replace('.', ','), 'comma')).toBe(Number(dot))
      }),
    )
  })

  it('reads grouping and decimals per style', () => {
    expect(parseDecimal('1,234.5', 'dot')).toBe(1234.5)
    expect(parseDecimal('1.234,5', 'comma')).toBe(1234.5)
    expect(parseDecimal('-0,25', 'comma')).toBe(-0.25)
    expect(parseDecimal('12,34', 'dot')).toBeUndefined()
  })
})

describe('parseDateAs', () => {
  const iso = (text: string, format: Parameters<typeof parseDateAs>[1]) => {
    const d = parseDateAs(text, format)
    return d === undefined ? undefined : formatIsoDate(d)
  }
  it.each([
    ['2025-03-31', 'iso', '2025-03-31'],
    ['2022-07-27T17:40:52.000+0000', 'iso', '2022-07-27'],
    ['2022-07-27 23:59:59', 'iso', '2022-07-27'],
    ['3/31/2025', 'mdy', '2025-03-31'],
    ['03/31/2025 10:00 AM', 'mdy', '2025-03-31'],
    ['31/03/2025', 'dmy', '2025-03-31'],
    ['31.12.2025', 'dmy-dot', '2025-12-31'],
    ['3/31/25', 'mdy', '2025-03-31'],
    ['3/31/45', 'mdy', '1945-03-31'],
    ['2025/03/31', 'ymd-slash', '2025-03-31'],
    // Excel serial 45631 = 2024-12-05 (days since 1899-12-30)
    ['45631', 'excel-serial', '2024-12-05'],
    ['1735689600000', 'epoch-ms', '2025-01-01'],
  ] as const)('reads %s as %s → %s', (text, format, expected) => {
    expect(iso(text, format)).toBe(expected)
  })

  it.each([
    ['2024-02-30', 'iso'],
    ['2023-02-29', 'iso'],
    ['13/31/2025', 'mdy'],
    ['31/13/2025', 'dmy'],
    ['2025-3-31', 'iso'],
    ['12345', 'excel-serial'],
    ['hello', 'mdy'],
  ] as const)('rejects %s as %s', (text, format) => {
    expect(parseDateAs(text, format)).toBeUndefined()
  })

  it('gives the same calendar date in every time zone (no Date involved)', () => {
    // the test runs with TZ=America/Los_Angeles, where new Date('2025-03-31') is March 30
    expect(iso('2025-03-31', 'iso')).toBe('2025-03-31')
  })
})

describe('other cells', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['Yes', true],
    ['x', true],
    ['ja', true],
    ['false', false],
    ['0', false],
    ['nein', false],
    ['N', false],
  ] as const)('reads %s as %s', (text, value) => {
    expect(parseBool(text)).toBe(value)
  })

  it('does not guess at other yes/no words', () => {
    expect(parseBool('maybe')).toBeUndefined()
  })

  it('reads probabilities on the column scale, and % always as percent', () => {
    expect(parseProbability('25', 'percent', 'dot')).toBe(0.25)
    expect(parseProbability('25%', 'fraction', 'dot')).toBe(0.25)
    expect(parseProbability('0.25', 'fraction', 'dot')).toBe(0.25)
    expect(parseProbability('12,5 %', 'percent', 'comma')).toBe(0.125)
  })

  it('spots IDs that Excel turned into scientific notation', () => {
    expect(isScientificId('1.23E+17')).toBe(true)
    expect(isScientificId('1.89165E+11')).toBe(true)
    expect(isScientificId('006Dn000004XyZ')).toBe(false)
    expect(isScientificId('12345')).toBe(false)
  })

  it('splits lists on ; , and |', () => {
    expect(parseList('Enterprise; Healthcare,|Retail')).toEqual(['Enterprise', 'Healthcare', 'Retail'])
  })
})

describe('parseCurrency', () => {
  it.each([
    ['usd', 'USD'],
    ['€', 'EUR'],
    ['US Dollar', 'USD'],
    ['US-Dollar', 'USD'],
    ['Euro', 'EUR'],
    ['Pound Sterling', 'GBP'],
    ['Japanese Yen', 'JPY'],
  ])('reads %s as %s', (text, code) => {
    expect(parseCurrency(text)).toBe(code)
  })
  it('rejects what is no currency', () => {
    expect(parseCurrency('Moon Money')).toBeUndefined()
  })
})

describe('parseDateAs iso, every day of 1899–2201', () => {
  it('gives calendarDate for each, and undefined for days and months that do not exist', () => {
    const pad = (n: number, w: number): string => String(n).padStart(w, '0')
    const wrong: string[] = []
    for (let y = 1899; y <= 2201; y++) {
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 15, 28, 29, 30, 31, 32]) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
          if (parseDateAs(text, 'iso') !== calendarDate(y, m, d)) wrong.push(text)
        }
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('parseDateAs iso on any text', () => {
  it('reads exactly what YYYY-MM-DD (then a T or a blank and anything) says, and nothing else', () => {
    const reference = (text: string): number | undefined => {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/s.exec(text.trim())
      return m === null ? undefined : calendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
    }
    const unit = fc.constantFrom('0', '1', '2', '9', '-', 'T', ' ', '/', ':', 'a', '\u0660', '')
    const text = fc.array(unit, { maxLength: 16 }).map((units) => units.join(''))
    const near = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      )
    fc.assert(
      fc.property(fc.oneof(text, near), (t) => {
        expect(parseDateAs(t, 'iso')).toBe(reference(t))
      }),
      { numRuns: 2000 },
    )
  })
})
