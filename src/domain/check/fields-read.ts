import type { EntityName } from '../../model/cells.js'
import type { CheckRule } from './types.js'

/**
 * The record fields that `rules` read for `entity` (see `EntityCheckRule.reads`), with the id and
 * the source file and line that every finding names; undefined when one of them does not say
 * (then it may read any field).
 *
 * @example
 * fieldsRead([dealWithoutOwner], 'deal') //=> Set { 'id', 'deal_id', 'source_file', 'source_line', 'owner' }
 */
export function fieldsRead(rules: readonly CheckRule[], entity: EntityName): ReadonlySet<string> | undefined {
  const fields = new Set<string>(['id', 'deal_id', 'source_file', 'source_line'])
  for (const rule of rules) {
    if (rule.entity !== entity) continue
    if (rule.reads === undefined) return undefined
    for (const field of rule.reads) fields.add(field)
  }
  return fields
}
