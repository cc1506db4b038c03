/**
 * `assign leads`: lead routing as a cron job runs it, with a rotation state carried between runs.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Lead } from '../../model/lead.js'
import type { Rep } from '../../model/rep.js'

export const routingMethods = ['round-robin', 'weighted', 'territory'] as const
export type RoutingMethod = (typeof routingMethods)[number]

/** What `--state FILE` keeps: leads routed so far per rep id, and the last rep served. */
export interface RoutingState {
  readonly version: 1
  readonly counts: Readonly<Record<string, number>>
  readonly last: string | null
}

export const emptyRoutingState: RoutingState = { version: 1, counts: {}, last: null }

export interface LeadRouteRow {
  readonly lead_id: string
  readonly owner: string | null
  /** round-robin | weighted | territory:<region> | fallback | duplicate | kept | unassigned */
  readonly rule: string
}

export interface RouteLeadsOptions {
  readonly method: RoutingMethod
  readonly asOf: CalendarDate
  /** route leads that already have an owner too (default: they keep it) */
  readonly reroute: boolean
  /** at most this many new leads per rep in one run */
  readonly maxPerRep?: number
}

const norm = (s: string | undefined): string | undefined => {
  const t = s?.trim().toLowerCase().replace(/\s+/g, ' ')
  return t === undefined || t === '' ? undefined : t
}

/**
 * Routes leads in arrival order (created, then file order).
 *
 * - Active reps: no `end_date` on or before `asOf`, `capacity` not 0; when some reps have a
 *   capacity, reps without one (managers) take no leads.
 * - A lead whose email or company matches an earlier lead (in this file, or kept) goes to that
 *   lead's owner (`duplicate`) if the owner is active; it does not advance the rotation.
 * - Otherwise the eligible rep (active, below `maxPerRep` this run) with the fewest routed leads
 *   relative to its weight gets it (weight = capacity for `weighted`, else 1); ties go to the next
 *   rep after the last one served, in id order. Counts persist in the state, so fairness holds
 *   across runs; a rep new to the state starts level with the least-served rep.
 * - `territory`: only active reps of the lead's region compete (`territory:<region>`); a lead
 *   without a region, or whose region has no eligible rep, is routed over all reps (`fallback`).
 *
 * @example
 * // reps A, B; 3 leads, round robin, empty state → A, B, A; state counts { A: 2, B: 1 }, last A
 */
export function routeLeads(
  leads: readonly Lead[],
  reps: readonly Rep[],
  state: RoutingState,
  options: RouteLeadsOptions,
): { rows: LeadRouteRow[]; state: RoutingState } {
  const anyCapacity = reps.some((r) => r.capacity !== undefined)
  const active = reps
    .filter(
      (r) =>
        !(r.end_date !== undefined && r.end_date <= options.asOf) &&
        r.capacity !== 0 &&
        !(anyCapacity && r.capacity === undefined),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const weight = (r: Rep): number => (options.method === 'weighted' ? (r.capacity ?? 1) : 1)
  const counts = new Map<string, number>(Object.entries(state.counts))
  const known = active.filter((r) => counts.has(r.id))
  const level = known.length === 0 ? 0 : Math.min(...known.map((r) => (counts.get(r.id) ?? 0) / weight(r)))
  for (const r of active) if (!counts.has(r.id)) counts.set(r.id, Math.floor(level * weight(r)))
  let last = state.last
  const runCount = new Map<string, number>()
  const byName = new Map<string, Rep>()
  for (const r of active) {
    byName.set(norm(r.name) ?? r.id, r)
    byName.set(norm(r.id) ?? r.id, r)
  }
  const ownerOfEmail = new Map<string, Rep>()
  const ownerOfCompany = new Map<string, Rep>()
  const remember = (lead: Lead, rep: Rep): void => {
    const email = norm(lead.email)
    const company = norm(lead.company)
    if (email !== undefined && !ownerOfEmail.has(email)) ownerOfEmail.set(email, rep)
    if (company !== undefined && !ownerOfCompany.has(company)) ownerOfCompany.set(company, rep)
  }
  const order = leads
    .map((lead, i) => ({ lead, i }))
    .sort((a, b) => (a.lead.created ?? 0) - (b.lead.created ?? 0) || a.i - b.i)
  const results = new Map<number, LeadRouteRow>()
  const pick = (pool: readonly Rep[]): Rep | undefined => {
    const open = pool.filter(
      (r) => options.maxPerRep === undefined || (runCount.get(r.id) ?? 0) < options.maxPerRep,
    )
    if (open.length === 0) return undefined
    const start = last === null ? -1 : active.findIndex((r) => r.id >= (last ?? '') && r.id !== last)
    const rank = (r: Rep): number => {
      const i = active.indexOf(r)
      const from = start < 0 ? 0 : start
      return (i - from + active.length) % active.length
    }
    let best: Rep | undefined
    let bestKey = Infinity
    let bestRank = Infinity
    for (const r of open) {
      const k = ((counts.get(r.id) ?? 0) + 1) / weight(r)
      const rk = rank(r)
      if (k < bestKey - 1e-12 || (Math.abs(k - bestKey) <= 1e-12 && rk < bestRank)) {
        best = r
        bestKey = k
        bestRank = rk
      }
    }
    return best
  }
  for (const { lead, i } of order) {
    const current = lead.owner === undefined ? undefined : byName.get(norm(lead.owner) ?? '')
    if (!options.reroute && norm(lead.owner) !== undefined) {
      if (current !== undefined) remember(lead, current)
      results.set(i, { lead_id: lead.id, owner: lead.owner?.trim() ?? null, rule: 'kept' })
      continue
    }
    const email = norm(lead.email)
    const company = norm(lead.company)
    const dup =
      (email === undefined ? undefined : ownerOfEmail.get(email)) ??
      (company === undefined ? undefined : ownerOfCompany.get(company))
    if (dup !== undefined) {
      remember(lead, dup)
      results.set(i, { lead_id: lead.id, owner: dup.name, rule: 'duplicate' })
      continue
    }
    let rule: string = options.method
    let rep: Rep | undefined
    if (options.method === 'territory') {
      const region = norm(lead.region)
      const pool = region === undefined ? [] : active.filter((r) => norm(r.region) === region)
      rep = pick(pool)
      rule = `territory:${lead.region?.trim() ?? ''}`
      if (rep === undefined) {
        rep = pick(active)
        rule = 'fallback'
      }
    } else rep = pick(active)
    if (rep === undefined) {
      results.set(i, { lead_id: lead.id, owner: null, rule: 'unassigned' })
      continue
    }
    counts.set(rep.id, (counts.get(rep.id) ?? 0) + 1)
    runCount.set(rep.id, (runCount.get(rep.id) ?? 0) + 1)
    last = rep.id
    remember(lead, rep)
    results.set(i, { lead_id: lead.id, owner: rep.name, rule })
  }
  const rows = leads.map((lead, i) => results.get(i) ?? { lead_id: lead.id, owner: null, rule: 'unassigned' })
  const sortedCounts: Record<string, number> = {}
  for (const id of [...counts.keys()].sort()) sortedCounts[id] = counts.get(id) ?? 0
  return { rows, state: { version: 1, counts: sortedCounts, last } }
}

/** Reads a state file's JSON; anything malformed gives `undefined` (the shell reports it). */
export function parseRoutingState(text: string): RoutingState | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as { version?: unknown; counts?: unknown; last?: unknown }
  if (v.version !== 1 || typeof v.counts !== 'object' || v.counts === null) return undefined
  const counts: Record<string, number> = {}
  for (const [k, c] of Object.entries(v.counts)) {
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0) return undefined
    counts[k] = c
  }
  const last = typeof v.last === 'string' ? v.last : null
  return { version: 1, counts, last }
}
