/**
 * Per-column value formats inferred from a sample of rows: the date format of each date column,
 * the decimal style of number columns, and the scale of probabilities. Pure.
 */
import { entitySpecs } from '../model/entities.js'
import type { FieldKind } from '../model/cells.js'
import type { ColumnBinding, HeaderMatch } from './headers.js'
import { dateFormatLabels, decimalEvidence, hasTwoDigitYear, parseDateAs, parseDecimal } from './values.js'
import type { DateFormat, DecimalStyle, ProbabilityScale } from './values.js'

export interface FormatOptions {
  /** --date-format: use this for every date column */
  readonly dateFormat?: DateFormat
  /** from --locale: how to read ambiguous slash dates */
  readonly dateOrder?: 'mdy' | 'dmy'
  /** from --locale or --decimal: the decimal separator when a column does not say */
  readonly decimal?: DecimalStyle
}

export interface ColumnFormats {
  /** canonical field → date format */
  readonly dates: ReadonlyMap<string, DateFormat>
  /** canonical field → decimal style (money, number, int, probability) */
  readonly decimals: ReadonlyMap<string, DecimalStyle>
  readonly probabilityScale: ProbabilityScale
  /** date fields that use two-digit years (read with Excel's pivot: 00–29 → 20xx) */
  readonly twoDigitYears: readonly string[]
  /** date fields whose sample fits both M/D and D/M (only when no order was given) */
  readonly ambiguousDates: readonly { field: string; header: string; example: string }[]
}

const dateCandidates: readonly DateFormat[] = [
  'iso',
  'ymd-slash',
  'dmy-dot',
  'mdy',
  'dmy',
  'excel-serial',
  'epoch-ms',
]
const numericKinds: ReadonlySet<FieldKind> = new Set(['money', 'number', 'int', 'probability'])

function valuesOf(sample: readonly (readonly string[])[], binding: ColumnBinding, limit = 2000): string[] {
  const values: string[] = []
  for (const row of sample) {
    for (const column of binding.columns) {
      const v = row[column]?.trim()
      if (v !== undefined && v !== '') values.push(v)
    }
    if (values.length >= limit) break
  }
  return values
}

export function inferFormats(
  sample: readonly (readonly string[])[],
  match: HeaderMatch,
  options: FormatOptions,
  fileDefaultDecimal: DecimalStyle,
): ColumnFormats {
  const kinds = new Map(entitySpecs[match.entity].fields.map((f) => [f.name, f.kind]))
  const dates = new Map<string, DateFormat>()
  const decimals = new Map<string, DecimalStyle>()
  const twoDigitYears: string[] = []
  const ambiguousDates: { field: string; header: string; example: string }[] = []
  const undecided: string[] = []
  let fileEvidence: DecimalStyle | undefined
  let probabilityScale: ProbabilityScale = match.profile.probabilityScale

  const dateBindings = match.bindings.filter((b) => kinds.get(b.field) === 'date')
  if (match.dateEntered.length > 0) {
    dateBindings.push({
      field: '__date_entered',
      columns: match.dateEntered.map((d) => d.column),
      headers: [],
      specific: true,
    })
  }
  for (const binding of dateBindings) {
    if (options.dateFormat !== undefined) {
      dates.set(binding.field, options.dateFormat)
      continue
    }
    const values = valuesOf(sample, binding)
    if (values.some(hasTwoDigitYear)) twoDigitYears.push(binding.field)
    if (values.length === 0) {
      dates.set(binding.field, 'iso')
      continue
    }
    // the formats that read every value (a format stops at its first miss: most miss at once)
    const all = dateCandidates.filter((format) => values.every((v) => parseDateAs(v, format) !== undefined))
    let chosen: DateFormat | undefined
    if (all.includes('mdy') && all.includes('dmy')) {
      chosen = options.dateOrder
      if (chosen === undefined) {
        ambiguousDates.push({
          field: binding.field,
          header: binding.headers[0] ?? binding.field,
          example: values[0] ?? '',
        })
        chosen = 'mdy'
      }
    } else if (all.length > 0) {
      chosen = all[0]
    } else {
      // no format reads every value: take the one reading most; the rest become row issues
      const counts = dateCandidates.map(
        (format) => values.filter((v) => parseDateAs(v, format) !== undefined).length,
      )
      let best = 0
      counts.forEach((c, i) => {
        if (c > (counts[best] ?? 0)) best = i
      })
      chosen = dateCandidates[best]
    }
    dates.set(binding.field, chosen ?? 'iso')
  }

  for (const binding of match.bindings) {
    const kind = kinds.get(binding.field)
    if (kind === undefined || !numericKinds.has(kind)) continue
    const values = valuesOf(sample, binding)
    const evidence = new Set(values.map(decimalEvidence).filter((e) => e !== 'either'))
    if (evidence.size === 1) {
      const style = [...evidence][0] as DecimalStyle
      decimals.set(binding.field, style)
      fileEvidence ??= style
    } else {
      undecided.push(binding.field)
    }
    if (kind === 'probability') {
      const numbers = values
        .filter((v) => !v.endsWith('%'))
        .map((v) => parseDecimal(v, decimals.get(binding.field) ?? fileDefaultDecimal))
      const plain = numbers.filter((n): n is number => n !== undefined)
      if (plain.length > 0 && plain.every((n) => n >= 0 && n <= 1) && plain.some((n) => n > 0 && n < 1))
        probabilityScale = 'fraction'
      else if (plain.some((n) => n > 1)) probabilityScale = 'percent'
    }
  }
  for (const field of undecided) decimals.set(field, fileEvidence ?? options.decimal ?? fileDefaultDecimal)
  return { dates, decimals, probabilityScale, twoDigitYears, ambiguousDates }
}

export function describeDateFormat(format: DateFormat): string {
  return dateFormatLabels[format]
}
