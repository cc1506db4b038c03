/**
 * Which rep a deal or quota row belongs to: its owner equals the rep's id or name, ignoring case,
 * extra spaces and Unicode form (the rule `check` uses for unknown-owner). Ids win over names; when
 * several reps share a key, the first one in the reps file gets it.
 */
import type { Deal } from '../../model/deal.js'
import type { Rep } from '../../model/rep.js'
import { normalizeName } from '../check/rule-helpers.js'

/** The index in `reps` of the rep an owner text names, or undefined. */
export type OwnerMatcher = (owner: string | undefined) => number | undefined

export function ownerMatcher(reps: readonly Rep[]): OwnerMatcher {
  const index = new Map<string, number>()
  const claim = (key: string, i: number): void => {
    const k = normalizeName(key)
    if (k !== '' && !index.has(k)) index.set(k, i)
  }
  reps.forEach((rep, i) => {
    claim(rep.id, i)
  })
  reps.forEach((rep, i) => {
    claim(rep.name, i)
  })
  return (owner) => (owner === undefined ? undefined : index.get(normalizeName(owner)))
}

/** Names that more than one rep carries (their deals go to the first of them). */
export function sharedRepNames(reps: readonly Rep[]): string[] {
  const seen = new Map<string, number>()
  for (const rep of reps) {
    const k = normalizeName(rep.name)
    seen.set(k, (seen.get(k) ?? 0) + 1)
  }
  const shared = new Set<string>()
  for (const rep of reps) if ((seen.get(normalizeName(rep.name)) ?? 0) > 1) shared.add(rep.name)
  return [...shared]
}

export interface DealAssignment {
  /** the deals of each rep, by the rep's index in the reps list, in input order */
  readonly dealsOf: readonly (readonly Deal[])[]
  /** deals with an owner that matches no rep */
  readonly unmatched: readonly Deal[]
  /** deals without an owner */
  readonly withoutOwner: readonly Deal[]
}

export function assignDeals(
  deals: readonly Deal[],
  reps: readonly Rep[],
  match: OwnerMatcher,
): DealAssignment {
  const dealsOf: Deal[][] = reps.map(() => [])
  const unmatched: Deal[] = []
  const withoutOwner: Deal[] = []
  for (const deal of deals) {
    if (deal.owner === undefined || deal.owner.trim() === '') {
      withoutOwner.push(deal)
      continue
    }
    const i = match(deal.owner)
    if (i === undefined) unmatched.push(deal)
    else dealsOf[i]?.push(deal)
  }
  return { dealsOf, unmatched, withoutOwner }
}
