/** JSON and NDJSON for machines: snake_case keys from the declared columns, null for missing. PURE. */
import { machineValue } from '../model/columns.js'
import type { Columns } from '../model/columns.js'

function toObject<Row>(row: Row, columns: Columns<Row>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const c of columns) out[c.key] = machineValue(c.kind, row[c.key] as never)
  return out
}

export function toJson<Row>(rows: readonly Row[], columns: Columns<Row>): string {
  return `${JSON.stringify(
    rows.map((r) => toObject(r, columns)),
    null,
    2,
  )}\n`
}

export function toNdjson<Row>(rows: readonly Row[], columns: Columns<Row>): string {
  return rows.map((r) => `${JSON.stringify(toObject(r, columns))}\n`).join('')
}
