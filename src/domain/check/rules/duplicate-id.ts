import { FirstSeen, describePlace } from '../first-seen.js'
import { findingFor, quote } from '../rule-helpers.js'
import type { CheckRule, EntityCheckRule } from '../types.js'

/** The entities whose `id` must be unique within a run (across all of that entity's files). */
export type IdentifiedEntity = 'deal' | 'account' | 'rep' | 'contract' | 'lead'

/**
 * `duplicate-id` for one entity: the second and later records with an id already seen are reported
 * with the first record's line. Exact (ids are compared in full, case-sensitively) and compact: ids
 * are copied into a `CompactStringSet`, records are not kept.
 */
export function duplicateIdRule<E extends IdentifiedEntity>(entity: E, plural: string): EntityCheckRule<E> {
  const rule: EntityCheckRule<E> = {
    id: 'duplicate-id',
    entity,
    severity: 'error',
    description: `Two ${plural} share an id, so joins and counts would use the wrong record; each later one is reported with the first one's line.`,
    create: () => {
      const seen = new FirstSeen()
      return {
        add: (record) => {
          const place = { file: record.source_file, line: record.source_line }
          const earlier = seen.see(record.id, place)
          if (earlier === undefined) return undefined
          return [
            findingFor(
              rule,
              record,
              `${entity} id ${quote(record.id)} also on ${describePlace(earlier, place)}`,
            ),
          ]
        },
        end: () => [],
      }
    },
  }
  return rule
}

export const duplicateIdRules: readonly CheckRule[] = [
  duplicateIdRule('deal', 'deals'),
  duplicateIdRule('account', 'accounts'),
  duplicateIdRule('rep', 'reps'),
  duplicateIdRule('contract', 'contracts'),
  duplicateIdRule('lead', 'leads'),
]
