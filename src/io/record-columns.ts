/**
 * The canonical columns of each record kind, for writing records back out (`convert`): the same
 * names a canonical file uses, so that converted output reads back with the canonical profile.
 */
import type { EntityName, FieldKind } from '../model/cells.js'
import type { ColumnKind, Columns } from '../model/columns.js'
import { entitySpecs } from '../model/entities.js'

const kindOf: Readonly<Record<FieldKind, ColumnKind>> = {
  id: 'text',
  text: 'text',
  list: 'text',
  currency: 'text',
  money: 'money',
  probability: 'ratio',
  date: 'date',
  bool: 'bool',
  int: 'int',
  number: 'number',
}

export type RecordRow = Record<string, string | number | boolean | undefined>

export function recordColumns(entity: EntityName): Columns<RecordRow> {
  return entitySpecs[entity].fields
    .filter((f) => f.inputOnly !== true)
    .map((f) => ({ key: f.name, header: f.name, kind: kindOf[f.kind] }))
}

/** A record as a flat row: lists joined with `;`. */
export function recordRow(record: object): RecordRow {
  const row: RecordRow = {}
  for (const [key, value] of Object.entries(record)) {
    row[key] = Array.isArray(value) ? value.join(';') : (value as string | number | boolean | undefined)
  }
  return row
}
