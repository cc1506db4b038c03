/**
 * `assign accounts`: each account to one eligible rep at minimum total cost (assign-cost.ts) under
 * the reps' capacities. Count capacities only → exact min-cost flow (min-cost-flow.ts); workload
 * capacities or a potential band → LP + rounding + repair (lp-assign.ts).
 */
import type { Account } from '../../model/account.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Rep } from '../../model/rep.js'
import { buildCosts } from './assign-cost.js'
import type { CostWeights, FitField } from './assign-cost.js'
import { minCostAssignment } from './min-cost-flow.js'
import { solveBanded } from './lp-assign.js'
import type { LpSolver } from './lp-assign.js'

export interface AssignAccountsOptions {
  readonly asOf: CalendarDate
  readonly capacityBy: 'accounts' | 'workload'
  readonly fit: readonly FitField[]
  readonly weights: CostWeights
  /** τ: each rep's potential within (1 ± τ) of its target share (needs `solver`) */
  readonly balanceQuota?: number
  readonly solver?: LpSolver
  /** account ids that keep their current owner (as a `locked` column does) */
  readonly locked?: ReadonlySet<string>
}

export interface AccountAssignmentRow {
  readonly account_id: string
  /** the rep's name (or id, when the accounts' owners are rep ids); empty when no rep had room */
  readonly owner: string | null
  readonly previous_owner: string | null
  readonly changed: boolean
  /** fit criteria met ÷ criteria that applied to the pair */
  readonly fit: number | null
  /** points (assign-cost.ts) */
  readonly cost: number | null
}

export interface RepAssignmentRow {
  readonly rep: string
  readonly accounts: number
  /** cents */
  readonly potential: number
  readonly workload: number
  readonly capacity: number | null
  /** accounts (or workload with --capacity-by workload) ÷ capacity */
  readonly load_ratio: number | null
  /** the rep's potential target with --balance-quota: total potential × capacity share (cents) */
  readonly target: number | null
  readonly potential_index: number | null
  readonly gained: number
  readonly lost: number
}

export interface AccountAssignment {
  readonly rows: AccountAssignmentRow[]
  readonly reps: RepAssignmentRow[]
  readonly method: 'min-cost flow' | 'lp + rounding + repair'
  /** points */
  readonly totalCost: number
  /** points; the LP optimum over the candidate pairs (LP route only) */
  readonly lpBound: number | null
  readonly unassigned: number
  readonly keptShare: number | null
  readonly splits: number | null
  readonly violations: number
  /** locked accounts kept with their owner; locked accounts whose owner is not an eligible rep are assigned like the others */
  readonly lockedKept: number
  readonly eligibleReps: number
  readonly ineligible: readonly string[]
}

/** Reps that may take accounts: not ended on or before `asOf`, capacity not 0 (see `repCapacities`). */
export function eligibleReps(
  reps: readonly Rep[],
  asOf: CalendarDate,
): { eligible: Rep[]; ineligible: Rep[] } {
  const anyCapacity = reps.some((r) => r.capacity !== undefined)
  const eligible: Rep[] = []
  const ineligible: Rep[] = []
  for (const rep of reps) {
    const ended = rep.end_date !== undefined && rep.end_date <= asOf
    const noRoom = rep.capacity === 0 || (anyCapacity && rep.capacity === undefined)
    ;(ended || noRoom ? ineligible : eligible).push(rep)
  }
  return { eligible, ineligible }
}

const key = (s: string): string => s.trim().toLowerCase()

/**
 * Assigns every account to one eligible rep.
 *
 * Capacity: `capacity` in accounts; with `capacityBy: 'workload'` a rep may carry capacity × the
 * mean account workload. A rep without `capacity` is unlimited when no rep has one, and takes
 * nothing otherwise (managers). When the capacities cannot hold every account, the fewest possible
 * accounts stay unassigned (owner empty), the cheapest ones to leave. A locked account (its `locked`
 * column, or its id in `options.locked`) keeps its current owner when that owner is an eligible rep:
 * it is taken out of the problem, and its owner's capacity (and potential band) shrink by what it uses.
 *
 * @example
 * // 2 accounts owned by r0 (capacity 1) and r1 (capacity 2), no fit, continuity 100, equal potential:
 * // both keep their owner except one of r0's → cost 150 for the moved one
 */
export function assignAccounts(
  accounts: readonly Account[],
  reps: readonly Rep[],
  options: AssignAccountsOptions,
): AccountAssignment {
  const { eligible, ineligible } = eligibleReps(reps, options.asOf)
  const m = eligible.length
  const byId = new Map<string, number>()
  const byName = new Map<string, number>()
  eligible.forEach((r, i) => {
    if (!byId.has(key(r.id))) byId.set(key(r.id), i)
    if (!byName.has(key(r.name))) byName.set(key(r.name), i)
  })
  let idMatches = 0
  let nameMatches = 0
  const allIds = new Set(reps.map((r) => key(r.id)))
  const allNames = new Set(reps.map((r) => key(r.name)))
  for (const a of accounts) {
    if (a.owner === undefined) continue
    if (allIds.has(key(a.owner))) idMatches++
    if (allNames.has(key(a.owner))) nameMatches++
  }
  const useIds = idMatches > nameMatches
  const label = (r: Rep): string => (useIds ? r.id : r.name)
  const ownerOf = (a: Account): number => {
    if (a.owner === undefined) return -1
    const k = key(a.owner)
    return (useIds ? byId.get(k) : byName.get(k)) ?? (useIds ? byName.get(k) : byId.get(k)) ?? -1
  }
  const model = buildCosts(accounts, eligible, ownerOf, options.fit, options.weights)
  const n = accounts.length
  const meanWorkload = n === 0 ? 1 : accounts.reduce((s, a) => s + (a.workload ?? 0), 0) / n || 1
  const anyCapacity = eligible.some((r) => r.capacity !== undefined)
  const countCap = eligible.map((r) => (anyCapacity ? (r.capacity ?? 0) : Infinity))
  const workloadMode = options.capacityBy === 'workload'
  const capacity = workloadMode ? countCap.map((c) => c * meanWorkload) : countCap
  const use = accounts.map((a) => (workloadMode ? (a.workload ?? 0) : 1))
  const potentials: number[] = accounts.map((a): number => a.potential ?? 0)

  // locked accounts keep an eligible owner and leave the problem; the rest ("free") are assigned
  const bin = new Int32Array(n).fill(-1)
  const free: number[] = []
  const lockedUse = new Float64Array(m)
  const lockedCount = new Float64Array(m)
  const lockedPotential = new Float64Array(m)
  let lockedKept = 0
  /** hundredths of a point: what the locked accounts cost with their owners (part of every plan) */
  let lockedCost = 0
  accounts.forEach((account, a) => {
    const owner = model.ownerIndex[a] ?? -1
    if (owner >= 0 && (account.locked === true || options.locked?.has(account.id) === true)) {
      bin[a] = owner
      lockedKept++
      lockedCost += model.costs[a * m + owner] ?? 0
      lockedUse[owner] = (lockedUse[owner] ?? 0) + (use[a] ?? 0)
      lockedCount[owner] = (lockedCount[owner] ?? 0) + 1
      lockedPotential[owner] = (lockedPotential[owner] ?? 0) + (potentials[a] ?? 0)
    } else free.push(a)
  })
  const f = free.length
  const freeCosts = new Float64Array(f * m)
  free.forEach((a, k) => {
    freeCosts.set(model.costs.subarray(a * m, a * m + m), k * m)
  })
  const roomCount = countCap.map((c, r) => Math.max(0, c - (lockedCount[r] ?? 0)))
  const room = capacity.map((c, r) => Math.max(0, c - (lockedUse[r] ?? 0)))
  let maxCost = 0
  for (const c of freeCosts) if (c > maxCost) maxCost = c
  const unassignedCost = 2 * (m + 1) * (maxCost + 1)

  let lpBound: number | null = null
  let splits: number | null = null
  let violations = 0
  let targets: number[] | null = null
  if (options.balanceQuota !== undefined) {
    const totalPotential = potentials.reduce((s, p) => s + p, 0)
    const shares = countCap.map((c) => (Number.isFinite(c) ? c : 1))
    const shareSum = shares.reduce((s, c) => s + c, 0) || 1
    targets = shares.map((c) => Math.round((totalPotential * c) / shareSum))
  }
  if (f === 0 || m === 0) {
    // nothing to decide
  } else if (options.balanceQuota !== undefined || workloadMode) {
    if (options.solver === undefined) throw new Error('the LP route needs a solver')
    const freeUse = free.map((a) => use[a] ?? 0)
    const freePotential = free.map((a) => potentials[a] ?? 0)
    const totalUse = freeUse.reduce((s, u) => s + u, 0)
    const totalCap = room.reduce((s, c) => s + c, 0)
    const tau = options.balanceQuota
    const band =
      tau === undefined || targets === null
        ? undefined
        : targets.map((t, r): [number, number] => [
            Math.max(0, (1 - tau) * t - (lockedPotential[r] ?? 0)),
            (1 + tau) * t - (lockedPotential[r] ?? 0),
          ])
    const solved = solveBanded(
      {
        items: f,
        bins: m,
        costs: freeCosts,
        use: freeUse,
        capacity: room,
        weight: freePotential,
        ...(band === undefined ? {} : { band }),
        preferred: Int32Array.from(free, (a) => model.ownerIndex[a] ?? -1),
        ...(totalCap < totalUse ? { unassignedCost } : {}),
      },
      options.solver,
    )
    free.forEach((a, k) => {
      bin[a] = solved.bin[k] ?? -1
    })
    lpBound = (solved.lpBound + lockedCost) / 100
    splits = solved.splits
    violations = solved.violations
  } else {
    const total = roomCount.reduce((s, c) => s + c, 0)
    const withDummy = total < f
    const bins = withDummy ? m + 1 : m
    let costs = freeCosts
    if (withDummy) {
      costs = new Float64Array(f * bins)
      for (let k = 0; k < f; k++) {
        costs.set(freeCosts.subarray(k * m, k * m + m), k * bins)
        costs[k * bins + m] = unassignedCost
      }
    }
    const solved = minCostAssignment({
      items: f,
      bins,
      costs,
      capacity: withDummy ? [...roomCount, Infinity] : roomCount,
    })
    free.forEach((a, k) => {
      const r = solved.bin[k] ?? -1
      bin[a] = r === m ? -1 : r
    })
  }

  const rows: AccountAssignmentRow[] = []
  const stats = eligible.map(() => ({ accounts: 0, potential: 0, workload: 0, used: 0, gained: 0, lost: 0 }))
  let totalCost = 0
  let unassigned = 0
  let kept = 0
  let owned = 0
  accounts.forEach((account, a) => {
    const r = bin[a] ?? -1
    const owner = model.ownerIndex[a] ?? -1
    const rep = r >= 0 ? eligible[r] : undefined
    const cost = r >= 0 ? (model.costs[a * m + r] ?? 0) / 100 : null
    if (cost !== null) totalCost += cost
    if (owner >= 0) {
      owned++
      if (owner === r) kept++
    }
    const s = r >= 0 ? stats[r] : undefined
    if (s !== undefined) {
      s.accounts++
      s.potential += account.potential ?? 0
      s.workload += account.workload ?? 0
      s.used += use[a] ?? 0
      if (owner !== r) s.gained++
    } else unassigned++
    const o = owner >= 0 ? stats[owner] : undefined
    if (o !== undefined && owner !== r) o.lost++
    const previous = account.owner?.trim() === '' ? undefined : account.owner?.trim()
    const changed = rep === undefined ? previous !== undefined : owner >= 0 ? owner !== r : true
    rows.push({
      account_id: account.id,
      owner: rep === undefined ? null : label(rep),
      previous_owner: previous ?? null,
      changed,
      fit: r >= 0 ? model.fit(a, r) : null,
      cost,
    })
  })
  const repRows: RepAssignmentRow[] = eligible.map((rep, r) => {
    const s = stats[r] ?? { accounts: 0, potential: 0, workload: 0, used: 0, gained: 0, lost: 0 }
    const cap = capacity[r] ?? Infinity
    const target = targets?.[r] ?? null
    return {
      rep: label(rep),
      accounts: s.accounts,
      potential: s.potential,
      workload: s.workload,
      capacity: Number.isFinite(cap) ? Math.round(cap * 100) / 100 : null,
      load_ratio: Number.isFinite(cap) && cap > 0 ? s.used / cap : null,
      target,
      potential_index: target === null || target === 0 ? null : s.potential / target,
      gained: s.gained,
      lost: s.lost,
    }
  })
  return {
    rows,
    reps: repRows,
    method: lpBound === null ? 'min-cost flow' : 'lp + rounding + repair',
    totalCost: Math.round(totalCost * 100) / 100,
    lpBound,
    unassigned,
    keptShare: owned === 0 ? null : kept / owned,
    splits,
    violations,
    lockedKept,
    eligibleReps: m,
    ineligible: ineligible.map(label),
  }
}
