/**
 * Cell text → typed value, one function per field kind, written for speed (a million rows run
 * through these): no exceptions, no regex on the fast paths, `undefined` for "not a value".
 */
import { calendarDate, daysFromCivil } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'

export type DecimalStyle = 'dot' | 'comma'

const currencySymbols: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  A$: 'AUD',
  C$: 'CAD',
  CHF: 'CHF',
  'Fr.': 'CHF',
  kr: 'SEK',
  R$: 'BRL',
}

export interface AmountValue {
  readonly cents: number
  /** ISO code found in the cell (`USD 1,200`, `1.200 €`), if any */
  readonly currency: string | undefined
}

const DIGIT0 = 48

/**
 * `1234`, `1234.5`, `-12.34` with dot decimals, the shape of most machine exports: its cents;
 * undefined for any other text (which `parseAmount` may still read).
 */
export function fastDotCents(text: string): number | undefined {
  const n = text.length
  if (n === 0 || n > 15) return undefined
  let i = 0
  let negative = false
  if (text.charCodeAt(0) === 45) {
    negative = true
    i = 1
    if (n === 1) return undefined
  }
  let whole = 0
  let digits = 0
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - DIGIT0
    if (c < 0 || c > 9) break
    whole = whole * 10 + c
    digits++
  }
  if (digits === 0) return undefined
  let frac = 0
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined
    i++
    const fracDigits = n - i
    if (fracDigits < 1 || fracDigits > 2) return undefined
    for (; i < n; i++) {
      const c = text.charCodeAt(i) - DIGIT0
      if (c < 0 || c > 9) return undefined
      frac = frac * 10 + c
    }
    if (fracDigits === 1) frac *= 10
  }
  const cents = whole * 100 + frac
  return negative ? -cents : cents
}

const SPACES = /[\s\u00a0\u2009\u202f']/g
const DOT_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/
const COMMA_NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/
const SCIENTIFIC = /^\d+(?:[.,]\d+)?[eE][+-]?\d+$/

/** Unsigned number text → [whole digits, fraction digits] in the given style, or undefined. */
function splitNumber(text: string, style: DecimalStyle): [string, string] | undefined {
  const m = (style === 'dot' ? DOT_NUMBER : COMMA_NUMBER).exec(text)
  if (m === null) return undefined
  const whole = (m[1] ?? '').replace(/[.,]/g, '')
  return [whole, m[2] ?? '']
}

/**
 * Reads a plain number in the given decimal style, with grouping (`1,234.56`, `1.234,56`,
 * `1 234,56`, `1'234.56`) and scientific notation; undefined when the text is not a number.
 */
export function parseDecimal(raw: string, style: DecimalStyle): number | undefined {
  const plain = plainNumber(raw, style)
  if (plain !== undefined) return plain
  let text = raw.trim().replace(SPACES, '')
  let sign = ''
  if (text.startsWith('-') || text.startsWith('+')) {
    sign = text.startsWith('-') ? '-' : ''
    text = text.slice(1)
  }
  if (text === '') return undefined
  if (SCIENTIFIC.test(text)) {
    const value = Number(sign + (style === 'comma' ? text.replace(',', '.') : text))
    return Number.isFinite(value) ? value : undefined
  }
  const parts = splitNumber(text, style)
  if (parts === undefined) return undefined
  const value = Number(`${sign}${parts[0]}${parts[1] === '' ? '' : `.${parts[1]}`}`)
  return Number.isFinite(value) ? value : undefined
}

/**
 * Digits with at most one decimal separator of `style` and nothing else (`100`, `0.25`, `12,5`):
 * the value, as the general path below reads it; undefined for anything else.
 */
function plainNumber(text: string, style: DecimalStyle): number | undefined {
  const n = text.length
  if (n === 0 || n > 15) return undefined
  const separator = style === 'dot' ? 46 : 44
  let at = -1
  // the value of the digits, kept while they are all there is (exact: at most 15 digits)
  let whole = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48)
      continue
    }
    if (c !== separator || at !== -1 || i === 0 || i === n - 1) return undefined
    at = i
  }
  if (at === -1) return whole
  return style === 'dot' ? Number(text) : Number(`${text.slice(0, at)}.${text.slice(at + 1)}`)
}

/** Exact decimal text → cents, rounding half away from zero past two decimals. */
function decimalTextToCents(negative: boolean, digits: string, frac: string): number | undefined {
  const padded = (frac + '00').slice(0, 2)
  let cents = Number(digits) * 100 + Number(padded)
  const next = frac.charCodeAt(2) - DIGIT0
  if (frac.length > 2 && next >= 5) cents += 1
  if (!Number.isSafeInteger(cents)) return undefined
  return negative ? -cents : cents
}

/**
 * An amount with locale: `1,234.56`, `1.234,56`, `1 234,56`, `$1,234`, `USD 1,234.56`, `1.234,56 €`,
 * `(1,234.00)` (negative), `-1234`. Returns integer cents (half away from zero past two
 * decimals) and the currency written in the cell, or undefined when the text is not an amount.
 */
export function parseAmount(raw: string, style: DecimalStyle): AmountValue | undefined {
  if (style === 'dot') {
    const fast = fastDotCents(raw)
    if (fast !== undefined) return { cents: fast, currency: undefined }
  }
  let text = raw.trim()
  if (text === '') return undefined
  let negative = false
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true
    text = text.slice(1, -1).trim()
  }
  const sign = (): boolean => {
    if (text.startsWith('-') || text.startsWith('+')) {
      if (negative && text.startsWith('-')) return false
      negative = negative || text.startsWith('-')
      text = text.slice(1).trim()
    }
    return true
  }
  if (!sign()) return undefined
  let currency: string | undefined
  const lead = LEADING_CURRENCY.exec(text)
  if (lead?.[1] !== undefined) {
    currency = currencySymbols[lead[1]] ?? lead[1]
    text = text.slice(lead[0].length)
    if (!sign()) return undefined
  }
  const trail = TRAILING_CURRENCY.exec(text)
  if (trail?.[1] !== undefined) {
    const found = currencySymbols[trail[1]] ?? trail[1]
    if (currency !== undefined && currency !== found) return undefined
    currency = found
    text = text.slice(0, text.length - trail[0].length)
  }
  const compact = text.replace(SPACES, '')
  if (compact === '' || compact.startsWith('-') || compact.startsWith('+')) return undefined
  if (SCIENTIFIC.test(compact)) {
    const value = parseDecimal(compact, style)
    if (value === undefined) return undefined
    const cents = Math.round(Number((value * 100).toPrecision(15)))
    return Number.isSafeInteger(cents) ? { cents: negative ? -cents : cents, currency } : undefined
  }
  const parts = splitNumber(compact, style)
  if (parts === undefined) return undefined
  const cents = decimalTextToCents(negative, parts[0], parts[1])
  return cents === undefined ? undefined : { cents, currency }
}

/**
 * What a number's text says about the decimal style: `1,234.56` → dot, `1.234,56` → comma,
 * `12,5` → comma, `12.5` → dot; `1,234`, `1.234` and `1234` say nothing ('either').
 */
export function decimalEvidence(raw: string): DecimalStyle | 'either' {
  const text = raw.replace(/[^\d.,]/g, '')
  const lastDot = text.lastIndexOf('.')
  const lastComma = text.lastIndexOf(',')
  if (lastDot === -1 && lastComma === -1) return 'either'
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? 'dot' : 'comma'
  const sep = lastDot !== -1 ? '.' : ','
  const count = text.split(sep).length - 1
  const after = text.length - text.lastIndexOf(sep) - 1
  if (count > 1) return sep === '.' ? 'comma' : 'dot'
  if (after !== 3) return sep === '.' ? 'dot' : 'comma'
  return 'either'
}

/** Date formats salesops recognises in a column. */
export const dateFormats = ['iso', 'ymd-slash', 'mdy', 'dmy', 'dmy-dot', 'excel-serial', 'epoch-ms'] as const
export type DateFormat = (typeof dateFormats)[number]

export const dateFormatLabels: Readonly<Record<DateFormat, string>> = {
  iso: 'YYYY-MM-DD (a time part is ignored)',
  'ymd-slash': 'YYYY/MM/DD',
  mdy: 'M/D/YYYY (US)',
  dmy: 'D/M/YYYY',
  'dmy-dot': 'D.M.YYYY',
  'excel-serial': 'Excel serial day number',
  'epoch-ms': 'milliseconds since 1970 (UTC)',
}

/** Two-digit years as Excel reads them: 00–29 → 2000–2029, 30–99 → 1930–1999. */
export function expandTwoDigitYear(y: number): number {
  return y < 30 ? 2000 + y : 1900 + y
}

function digitsAt(text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - DIGIT0
    if (c < 0 || c > 9) return -1
    value = value * 10 + c
  }
  return to > from ? value : -1
}

/** The digit at `i` (0–9), or a value above 9 for any other character. */
function digit(text: string, i: number): number {
  return (text.charCodeAt(i) - DIGIT0) >>> 0
}

function parseIso(text: string): CalendarDate | undefined {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined
  if (text.length > 10) {
    const c = text.charCodeAt(10)
    if (c !== 84 && c !== 32) return undefined // 'T' or ' ': a datetime; its calendar date as written
  }
  // eight digits read in line (a third of the time of a loop per part; millions of dates per file)
  const y0 = digit(text, 0)
  const y1 = digit(text, 1)
  const y2 = digit(text, 2)
  const y3 = digit(text, 3)
  const m0 = digit(text, 5)
  const m1 = digit(text, 6)
  const d0 = digit(text, 8)
  const d1 = digit(text, 9)
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return undefined
  return calendarDate(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1)
}

/** `a<sep>b<sep>y` with 1–2 digit parts and a 2- or 4-digit year, then optionally a time. */
function splitDate(text: string, sep: number): [number, number, number, boolean] | undefined {
  const first = text.indexOf(String.fromCharCode(sep))
  if (first < 1 || first > 2) return undefined
  const second = text.indexOf(String.fromCharCode(sep), first + 1)
  if (second - first < 2 || second - first > 3) return undefined
  let end = text.indexOf(' ', second + 1)
  if (end === -1) end = text.indexOf('T', second + 1)
  if (end === -1) end = text.length
  const yearDigits = end - second - 1
  if (yearDigits !== 2 && yearDigits !== 4) return undefined
  const a = digitsAt(text, 0, first)
  const b = digitsAt(text, first + 1, second)
  let y = digitsAt(text, second + 1, end)
  if (a < 0 || b < 0 || y < 0) return undefined
  const twoDigit = yearDigits === 2
  if (twoDigit) y = expandTwoDigitYear(y)
  return [a, b, y, twoDigit]
}

/** Excel's day 1 is 1900-01-01 with the fictitious 1900-02-29; serials from 61 on are days since 1899-12-30. */
const EXCEL_EPOCH = daysFromCivil(1899, 12, 30)

/**
 * The parser of trimmed date text in `format` (what `parseDateAs` does after trimming; ISO dates,
 * the most common, go straight to their parser).
 */
export function dateParser(format: DateFormat): (text: string) => CalendarDate | undefined {
  return format === 'iso' ? parseIso : (text) => parseDateAs(text, format)
}

/** Parses one date cell in a known format; undefined when it does not fit. */
export function parseDateAs(raw: string, format: DateFormat): CalendarDate | undefined {
  const text = raw.trim()
  switch (format) {
    case 'iso':
      return parseIso(text)
    case 'ymd-slash': {
      if (text.length < 10 || text.charCodeAt(4) !== 47 || text.charCodeAt(7) !== 47) return undefined
      return calendarDate(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10))
    }
    case 'mdy':
    case 'dmy': {
      const parts = splitDate(text, 47)
      if (parts === undefined) return undefined
      const [a, b, y] = parts
      return format === 'mdy' ? calendarDate(y, a, b) : calendarDate(y, b, a)
    }
    case 'dmy-dot': {
      const parts = splitDate(text, 46)
      if (parts === undefined) return undefined
      const [d, m, y] = parts
      return calendarDate(y, m, d)
    }
    case 'excel-serial': {
      if (!EXCEL_SERIAL.test(text)) return undefined
      const serial = Math.floor(Number(text))
      if (serial < 20000 || serial > 80000) return undefined
      return (EXCEL_EPOCH + serial) as CalendarDate
    }
    case 'epoch-ms': {
      if (!EPOCH_MS.test(text)) return undefined
      return Math.floor(Number(text) / 86_400_000) as CalendarDate
    }
  }
}

/** True when a date cell uses a two-digit year (`3/31/25`), which deserves a warning. */
export function hasTwoDigitYear(raw: string): boolean {
  return /^\d{1,2}[/.]\d{1,2}[/.]\d{2}(\s|T|$)/.test(raw.trim())
}

const trueWords = new Set([
  'true',
  '1',
  'yes',
  'y',
  'on',
  'x',
  'ja',
  'j',
  'wahr',
  'oui',
  'si',
  'sí',
  'won',
  'closed',
  '✓',
])
const falseWords = new Set(['false', '0', 'no', 'n', 'off', 'nein', 'falsch', 'non', 'open'])

/** true/false, 1/0, yes/no, y/n, on/off, ja/nein, x (true); undefined for anything else. */
export function parseBool(raw: string): boolean | undefined {
  const text = raw.trim().toLowerCase()
  if (trueWords.has(text)) return true
  if (falseWords.has(text)) return false
  return undefined
}

export type ProbabilityScale = 'percent' | 'fraction'

/**
 * A probability as a fraction 0..1 (not clamped: 150% stays 1.5 so that `check` can report it).
 * `25%` is always 0.25; a bare number is read on the column's scale (0–100 or 0–1).
 */
export function parseProbability(
  raw: string,
  scale: ProbabilityScale,
  style: DecimalStyle,
): number | undefined {
  const text = raw.trim()
  if (text.endsWith('%')) {
    const value = parseDecimal(text.slice(0, -1), style)
    return value === undefined ? undefined : value / 100
  }
  const value = parseDecimal(text, style)
  if (value === undefined) return undefined
  return scale === 'percent' ? value / 100 : value
}

/** (A regular expression literal inside a function makes a new object per call: these are made once.) */
const SCIENTIFIC_ID = /^\d(\.\d+)?E\+?\d+$/i
const LEADING_CURRENCY = /^([A-Z]{3}|US\$|[AC]\$|R\$|[$€£¥₹]|Fr\.)\s*/
const TRAILING_CURRENCY = /\s*([A-Z]{3}|[$€£¥₹]|kr)$/
const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/
const EPOCH_MS = /^\d{12,13}$/

/** `1.23E+17`: an ID that Excel turned into a number and so lost its last digits. */
export function isScientificId(text: string): boolean {
  return SCIENTIFIC_ID.test(text.trim())
}

let currencyNames: Map<string, string> | undefined

/**
 * Currency names as CRMs write them (Dynamics: "US Dollar", "Euro", "US-Dollar"), from the
 * runtime's own locale data (Intl) in English, German, French and Spanish, built on first use.
 */
function currencyByName(name: string): string | undefined {
  if (currencyNames === undefined) {
    currencyNames = new Map()
    for (const locale of ['en', 'de', 'fr', 'es']) {
      const names = new Intl.DisplayNames([locale], { type: 'currency' })
      for (const code of Intl.supportedValuesOf('currency')) {
        const label = names.of(code)
        if (label !== undefined && label !== code) currencyNames.set(label.toLowerCase(), code)
      }
    }
    currencyNames.set('pound sterling', 'GBP')
    currencyNames.set('dollar', 'USD')
  }
  return currencyNames.get(name.toLowerCase().replace(/\s+/g, ' '))
}

/** An ISO currency code, a symbol or a currency name → ISO code; undefined when it is none of them. */
export function parseCurrency(raw: string): string | undefined {
  const text = raw.trim()
  if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase()
  return currencySymbols[text] ?? currencyByName(text)
}

/** `Enterprise;Healthcare` or `a, b` → trimmed, non-empty items. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[;,|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}
