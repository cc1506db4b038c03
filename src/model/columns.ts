import { formatIsoDate } from './calendar-date.js'
import { centsToDecimal } from './money.js'

/**
 * What an output table is: declared columns with a kind that decides every conversion (money in
 * cents → `$1,234.50` or `1234.5`, ratio → `25.0%` or `0.25`, date → `YYYY-MM-DD`, null → `—` or '').
 */
export type ColumnKind = 'text' | 'int' | 'number' | 'money' | 'ratio' | 'date' | 'bool'

export interface Column<Row> {
  /** snake_case key: the JSON key and the CSV header */
  readonly key: keyof Row & string
  /** the table header for people */
  readonly header: string
  readonly kind: ColumnKind
  /** how the totals row (table, markdown, or --totals) fills this column */
  readonly total?: 'sum' | 'label'
}

export type Columns<Row> = readonly Column<Row>[]

export type CellValue = string | number | boolean | null | undefined

/**
 * The machine-format contract (csv, tsv, json, ndjson): money in currency units with at most two
 * decimals (1054.5), ratios and numbers at 4 decimals (0.25), ISO dates, null for missing.
 */
export function machineValue(kind: ColumnKind, value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
    return null
  switch (kind) {
    case 'money':
      return typeof value === 'number' ? Number(centsToDecimal(value)) : value
    case 'ratio':
      return typeof value === 'number' ? Number(value.toFixed(4)) : value
    case 'number':
      return typeof value === 'number' ? Number(value.toFixed(4)) : value
    case 'date':
      return typeof value === 'number' ? formatIsoDate(value) : value
    case 'int':
    case 'bool':
    case 'text':
      return value
  }
}
