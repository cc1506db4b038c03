import { FirstSeen, describePlace } from '../first-seen.js'
import { findingFor, normalizeName, quote } from '../rule-helpers.js'
import type { Deal } from '../../../model/deal.js'
import type { CheckRule } from '../types.js'

/**
 * The key two deals share when they look like the same deal: the account (its id when given, else
 * its normalised name) and the normalised deal name; undefined when either is missing.
 */
export function likelyDuplicateKey(deal: Pick<Deal, 'account_id' | 'account' | 'name'>): string | undefined {
  if (deal.name === undefined) return undefined
  const name = normalizeName(deal.name)
  if (name === '') return undefined
  if (deal.account_id !== undefined) return `i\u0000${deal.account_id}\u0000${name}`
  if (deal.account !== undefined) return `n\u0000${normalizeName(deal.account)}\u0000${name}`
  return undefined
}

export const likelyDuplicateDeal: CheckRule<'deal'> = {
  id: 'likely-duplicate-deal',
  entity: 'deal',
  severity: 'warning',
  description:
    "Two deals have the same account (id, else name) and the same name ignoring case and spacing, and either both are open (double-counted pipeline) or both were created on the same day (double entry or import); each later one is reported with the first one's line. Same-named deals of different days, such as yearly renewals, are not duplicates.",
  create: () => {
    const open = new FirstSeen()
    const sameDay = new FirstSeen()
    return {
      add: (deal) => {
        const key = likelyDuplicateKey(deal)
        if (key === undefined) return undefined
        const place = { file: deal.source_file, line: deal.source_line }
        // the created day as two UTF-16 units (exact for any day) keeps a million keys small
        const created =
          deal.created === undefined ? '' : String.fromCharCode(deal.created >>> 16, deal.created & 0xffff)
        const byDay = sameDay.see(`${key}\u0000${created}`, place)
        const byOpen = deal.status === 'open' ? open.see(key, place) : undefined
        const earlier = byDay ?? byOpen
        if (earlier === undefined) return undefined
        const account = deal.account_id ?? deal.account ?? ''
        return [
          findingFor(
            likelyDuplicateDeal,
            deal,
            `deal ${quote(deal.name ?? '')} for account ${quote(account)} looks like a duplicate of ${describePlace(earlier, place)} (same account and name, ${byDay === undefined ? 'both open' : 'created the same day'})`,
          ),
        ]
      },
      end: () => [],
    }
  },
}
