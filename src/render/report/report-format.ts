/**
 * How the report writes numbers: money in whole currency units (the commands give cents), compact
 * money on chart axes ($1.2M), shares as percentages, changes as signed percentages or percentage
 * points, coverage as a multiple (3.1×); null (and NaN, ±∞) as —.
 */
import { NULL_MARK } from '../format.js'

export interface ReportFormatter {
  readonly money: (cents: number | null) => string
  readonly signedMoney: (cents: number | null) => string
  readonly compactMoney: (cents: number | null) => string
  readonly int: (n: number | null) => string
  readonly signedInt: (n: number | null) => string
  readonly number: (n: number | null) => string
  readonly percent: (share: number | null) => string
  readonly signedPercent: (share: number | null) => string
  /** a difference of two shares in percentage points */
  readonly points: (diff: number | null) => string
  readonly multiple: (x: number | null) => string
}

const MINUS = '−'

export function reportFormatter(locale: string, currency: string | undefined): ReportFormatter {
  const whole = new Intl.NumberFormat(
    locale,
    currency === undefined
      ? { maximumFractionDigits: 0 }
      : { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 },
  )
  const compact = new Intl.NumberFormat(
    locale,
    currency === undefined
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 },
  )
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 })
  const pct = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  })
  const dec1 = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })
  const finite = (x: number | null, f: (v: number) => string): string =>
    x !== null && Number.isFinite(x) ? f(x) : NULL_MARK
  const sign = (x: number, body: string): string =>
    x > 0 ? `+${body}` : x < 0 ? `${MINUS}${body}` : `±${body}`
  const self: ReportFormatter = {
    money: (c) => finite(c, (v) => whole.format(Math.round(v) / 100).replace('-', MINUS)),
    signedMoney: (c) => finite(c, (v) => sign(v, whole.format(Math.abs(v) / 100))),
    compactMoney: (c) => finite(c, (v) => compact.format(v / 100).replace('-', MINUS)),
    int: (n) => finite(n, (v) => int.format(v).replace('-', MINUS)),
    signedInt: (n) => finite(n, (v) => sign(v, int.format(Math.abs(v)))),
    number: (n) => finite(n, (v) => num.format(v).replace('-', MINUS)),
    percent: (s) => finite(s, (v) => pct.format(v).replace('-', MINUS)),
    signedPercent: (s) => finite(s, (v) => sign(v, pct.format(Math.abs(v)))),
    points: (d) => finite(d, (v) => `${sign(v, dec1.format(Math.abs(v) * 100))} pp`),
    multiple: (x) => finite(x, (v) => `${dec1.format(v)}×`),
  }
  return self
}
