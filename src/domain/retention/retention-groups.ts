/**
 * How `retention --by` splits recurring revenue into groups. PURE.
 *
 * - segment: an account attribute (from the accounts file); every contract of an account is in the
 *   account's segment, so the groups partition the customers and add up to the company.
 * - product: a contract attribute; a group's customers are the accounts with ARR in that product,
 *   and a renewal grace only bridges to a later contract of the same product. An account moving from
 *   one product to another is churn in the first and new in the second.
 * - owner: a contract attribute that changes when an account is handed over at renewal, so owners
 *   are attributed, not filtered: an account's ARR in a period belongs to the owner of most of its
 *   ARR on the period's first day (if it had none then: on the day ending ARR is measured). A
 *   handover is then no churn for the old owner; each period's groups still add up to the company.
 */
import type { Account } from '../../model/account.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import { compareKeys, groupBy, NO_VALUE } from '../shared/group-by.js'
import { contractSpans, isActiveOn } from './arr-movements.js'
import type { RetentionOptions, Span } from './arr-movements.js'

export const retentionGroupFields = ['segment', 'product', 'owner'] as const
export type RetentionGroupField = (typeof retentionGroupFields)[number]

export interface RetentionGroup {
  /** the group's value, `(none)` when missing */
  readonly key: string
  /** the spans the group's ARR is made of (attributed groupings: every span) */
  readonly spans: readonly Span[]
}

export interface RetentionGrouping {
  /** in key order, `(none)` last */
  readonly groups: readonly RetentionGroup[]
  /**
   * Attributed groupings (owner): the group an account's ARR belongs to, judged on the first of
   * `days` on which the account has ARR; undefined when it has none on any. Absent: every account of
   * a group's spans belongs to it.
   */
  readonly attribute?: (account: string, days: readonly CalendarDate[]) => string | undefined
}

const blankToNone = (value: string | undefined): string =>
  value === undefined || value.trim() === '' ? NO_VALUE : value.trim()

/**
 * The owner of most of one account's ARR on day d (Σ ARR per owner over its spans active that day;
 * ties: the first owner in text order, `(none)` last); undefined when the account has no ARR on d.
 */
export function ownerOn(accountSpans: readonly Span[], d: CalendarDate): string | undefined {
  const byOwner = new Map<string, number>()
  for (const s of accountSpans) {
    if (!isActiveOn(s, d)) continue
    const owner = blankToNone(s.owner)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + s.arr)
  }
  let best: string | undefined
  let bestArr = 0
  for (const [owner, arr] of byOwner) {
    if (arr <= 0) continue
    if (best === undefined || arr > bestArr || (arr === bestArr && compareKeys(owner, best) < 0)) {
      best = owner
      bestArr = arr
    }
  }
  return best
}

/** Contracts split into groups by `by`. */
export function retentionGroups(
  contracts: readonly Contract[],
  by: RetentionGroupField,
  options: RetentionOptions & { readonly accounts?: readonly Account[] },
): RetentionGrouping {
  if (by === 'owner') {
    const spans = contractSpans(contracts, options)
    const byAccount = groupBy(spans, (s) => s.account)
    const owners = [...new Set(spans.map((s) => blankToNone(s.owner)))].sort(compareKeys)
    return {
      groups: owners.map((key) => ({ key, spans })),
      attribute: (account, days) => {
        const own = byAccount.get(account) ?? []
        for (const d of days) {
          const owner = ownerOn(own, d)
          if (owner !== undefined) return owner
        }
        return undefined
      },
    }
  }
  const segments = new Map<string, string>()
  for (const a of options.accounts ?? []) if (!segments.has(a.id)) segments.set(a.id, blankToNone(a.segment))
  const keyOf = (c: Contract): string =>
    by === 'segment' ? (segments.get(c.account_id) ?? NO_VALUE) : blankToNone(c.product)
  return {
    groups: [...groupBy(contracts, keyOf)].map(([key, list]) => ({
      key,
      spans: contractSpans(list, options),
    })),
  }
}
