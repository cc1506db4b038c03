import { FNV_OFFSET, KeyLog, describePlace } from '../key-log.js'
import type { EntityRecords } from '../../../model/entities.js'
import { quote } from '../rule-helpers.js'
import type { CheckRule, EntityCheckRule, Finding } from '../types.js'

/** The entities whose `id` must be unique within a run (across all of that entity's files). */
export type IdentifiedEntity = 'deal' | 'account' | 'rep' | 'contract' | 'lead'

/**
 * `duplicate-id` for one entity: the second and later records with an id already seen are reported
 * with the first record's line. Exact (ids are compared in full, case-sensitively) and compact: ids
 * are logged in a `KeyLog` and matched at the end of the run, records are not kept.
 */
export function duplicateIdRule<E extends IdentifiedEntity>(entity: E, plural: string): EntityCheckRule<E> {
  const rule: EntityCheckRule<E> = {
    id: 'duplicate-id',
    entity,
    severity: 'error',
    description: `Two ${plural} share an id, so joins and counts would use the wrong record; each later one is reported with the first one's line.`,
    reads: ['id'] as (keyof EntityRecords[E] & string)[],
    create: () => {
      const log = new KeyLog(1)
      return {
        add: (record) => {
          log.begin(record.source_file, record.source_line)
          log.end(log.textHash(record.id, FNV_OFFSET))
          return undefined
        },
        end: () => {
          const first = log.resolve(0, (fields) => fields[0] as string, [0, 1])
          const findings: Finding[] = []
          for (const [e, earlier] of first) {
            const id = log.fields(e)[0] as string
            const place = log.place(e)
            findings.push({
              rule: rule.id,
              severity: rule.severity,
              file: place.file,
              line: place.line,
              entity,
              record_id: id,
              message: `${entity} id ${quote(id)} also on ${describePlace(log.place(earlier), place)}`,
            })
          }
          log.clear()
          return findings
        },
        part: () => log.part(),
        absorb: (parts) => {
          log.absorb(parts)
        },
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
