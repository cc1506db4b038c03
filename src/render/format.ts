/**
 * The one place where values become text: `formatCell(kind, value, target)`.
 * - human (table, markdown): `$12,345.67`, `66.7%`, `12,345`, `—` for null;
 * - machine (csv, tsv, json, ndjson): money in currency units with at most two decimals (1054.5),
 *   ratios as fractions at 4 decimals (0.25), ISO dates, '' for null.
 */
import { formatIsoDate } from '../model/calendar-date.js'
import type { CellValue, ColumnKind } from '../model/columns.js'
import { machineValue } from '../model/columns.js'

export { machineValue }

export interface HumanFormat {
  readonly locale: string
  /** ISO code for money; undefined prints plain numbers with two decimals */
  readonly currency: string | undefined
}

const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = numberFormats.get(key)
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, f)
  }
  return f
}

export const NULL_MARK = '—'

export function humanValue(kind: ColumnKind, value: CellValue, format: HumanFormat): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
    return NULL_MARK
  if (typeof value !== 'number') return String(value)
  switch (kind) {
    case 'money':
      return format.currency === undefined
        ? numberFormat(format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
            value / 100,
          )
        : numberFormat(format.locale, { style: 'currency', currency: format.currency }).format(value / 100)
    case 'ratio':
      return numberFormat(format.locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value)
    case 'int':
      return numberFormat(format.locale, { maximumFractionDigits: 0 }).format(value)
    case 'number':
      return numberFormat(format.locale, { maximumFractionDigits: 2 }).format(value)
    case 'date':
      return formatIsoDate(value)
    case 'bool':
    case 'text':
      return String(value)
  }
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'money' || kind === 'ratio' || kind === 'int' || kind === 'number'
}
