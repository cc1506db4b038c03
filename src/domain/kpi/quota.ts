/**
 * Quota for a group and a period. Quota rows cover their own periods (usually quarters); a report
 * period that covers part of a quota period gets the days-prorated share, rounded half away from
 * zero per quota row: a January report gets 31/90 of a Q1 quota of 2025.
 */
import { addDays } from '../../model/calendar-date.js'
import type { Quota } from '../../model/quota.js'
import type { Period } from '../shared/period.js'
import { roundHalfAway } from '../shared/stats.js'

/** The quota rows that count for one group: owner-level rows of the owners in it. */
export type QuotaScope = (quota: Quota) => boolean

/**
 * Σ over the quota rows in scope of amount × (days of the row's period inside `period`) ÷ (days of
 * the row's period); null when no quota row in scope overlaps the period.
 */
export function quotaFor(quotas: readonly Quota[], period: Period, inScope: QuotaScope): number | null {
  let total = 0
  let any = false
  for (const q of quotas) {
    if (q.start === undefined || q.end === undefined || !inScope(q)) continue
    const qEnd = addDays(q.end, 1) // quota ends are inclusive
    const from = Math.max(q.start, period.start)
    const to = Math.min(qEnd, period.end)
    if (to <= from) continue
    any = true
    const days = qEnd - q.start
    total += to - from === days ? q.amount : roundHalfAway((q.amount * (to - from)) / days)
  }
  return any ? total : null
}
