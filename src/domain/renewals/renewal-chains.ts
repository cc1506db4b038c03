/**
 * Renewal chains: which contract renews which. PURE.
 *
 * The renewal of contract c is, in this order:
 * 1. a contract whose `renewal_of` is c's id (several: the earliest start, then the smaller id);
 * 2. else a contract of the same account and the same product (trimmed, ignoring case; two blank
 *    products match) that has no `renewal_of`, starts after c starts, and starts within the grace
 *    window of c's end: |start − (end + 1)| ≤ grace days (signed early, on time, or a little late).
 *    Several: the start closest to end + 1, then the earlier start, then the smaller id.
 * A contract that names another contract in `renewal_of` renews that one only.
 */
import type { Contract } from '../../model/contract.js'

const productKey = (c: Contract): string => (c.product ?? '').trim().toLowerCase()
const chainKey = (c: Contract): string => `${c.account_id}\u0000${productKey(c)}`
const hasLink = (c: Contract): boolean => c.renewal_of !== undefined && c.renewal_of.trim() !== ''

function byStartThenId(a: Contract, b: Contract): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/** Each contract's renewal (contracts without one are absent). */
export function renewalSuccessors(
  contracts: readonly Contract[],
  graceDays: number,
): Map<Contract, Contract> {
  const linked = new Map<string, Contract[]>()
  const unlinked = new Map<string, Contract[]>()
  for (const c of contracts) {
    if (hasLink(c)) push(linked, (c.renewal_of ?? '').trim(), c)
    else push(unlinked, chainKey(c), c)
  }
  const successors = new Map<Contract, Contract>()
  for (const c of contracts) {
    const explicit = (linked.get(c.id) ?? []).filter((r) => r !== c).sort(byStartThenId)[0]
    if (explicit !== undefined) {
      successors.set(c, explicit)
      continue
    }
    const due = c.end + 1
    const candidates = (unlinked.get(chainKey(c)) ?? []).filter(
      (r) => r !== c && r.start > c.start && Math.abs(r.start - due) <= graceDays,
    )
    candidates.sort((a, b) => Math.abs(a.start - due) - Math.abs(b.start - due) || byStartThenId(a, b))
    const heuristic = candidates[0]
    if (heuristic !== undefined) successors.set(c, heuristic)
  }
  return successors
}
