import { findingFor, normalizeName, quote } from '../rule-helpers.js'
import type { EntityRecords } from '../../../model/entities.js'
import type { CheckContext, EntityCheckRule } from '../types.js'

/**
 * The owners `--reps` knows, matched case- and space-insensitively against rep names and ids;
 * undefined when no reps file was given (then nobody is "unknown").
 */
export function knownOwners(ctx: CheckContext): ((owner: string) => boolean) | undefined {
  if (ctx.repNames === undefined && ctx.repIds === undefined) return undefined
  const known = new Set<string>()
  for (const name of ctx.repNames ?? []) known.add(normalizeName(name))
  for (const id of ctx.repIds ?? []) known.add(normalizeName(id))
  return (owner) => known.has(normalizeName(owner))
}

function unknownOwnerRule<E extends 'deal' | 'account'>(entity: E, plural: string): EntityCheckRule<E> {
  const rule: EntityCheckRule<E> = {
    id: 'unknown-owner',
    entity,
    severity: 'warning',
    description: `A ${entity}'s owner matches no rep name or id in --reps (ignoring case), so per-rep reports show an unknown rep; only checked when --reps is given, ${plural} without an owner are left to ${entity}-without-owner.`,
    reads: ['owner'] as (keyof EntityRecords[E] & string)[],
    appliesTo: (ctx) => ctx.repNames !== undefined || ctx.repIds !== undefined,
    create: (ctx) => {
      const isKnown = knownOwners(ctx)
      return {
        add: (record) => {
          const owner = record.owner
          if (isKnown === undefined || owner === undefined || isKnown(owner)) return undefined
          return [findingFor(rule, record, `owner ${quote(owner)} is not in the reps file`)]
        },
        end: () => [],
        // no state across records: parts of the input are checked independently
        part: () => [],
        absorb: () => undefined,
      }
    },
  }
  return rule
}

export const unknownDealOwner = unknownOwnerRule('deal', 'deals')
export const unknownAccountOwner = unknownOwnerRule('account', 'accounts')
