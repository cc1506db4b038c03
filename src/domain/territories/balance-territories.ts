/**
 * `territories balance`: location–allocation with balance bands (Hess–Samuels). A transportation
 * LP assigns accounts (fractionally) to K centres, minimising potential-weighted squared distance
 * (+ a disruption penalty), with one ranged row per territory and balanced attribute (and one row
 * per movement limit); centres move to the weighted centroid of their accounts and the LP is
 * re-solved warm (the same model, with columns added for accounts' new nearest centres) until the
 * gain is below 0.1%. The few split accounts go to their largest share; moves and swaps restore the bands,
 * improving moves shorten distances, and stray pieces join a neighbouring territory.
 * Reference: ../shared/reference/territories.md §3.
 */
import { createRandom } from '../shared/random.js'
import { projectPoints } from './geometry.js'
import type { PlanePoint } from './geometry.js'
import type { LpColumns, LpModel, LpSession, LpSolver } from './lp-solver.js'
import { neighbourGraph, pieceOf } from './neighbour-graph.js'
import type { NeighbourGraph } from './neighbour-graph.js'
import { attributeValue } from './territory-account.js'
import type { BalanceAttribute, TerritoryAccount } from './territory-account.js'

export interface Band {
  readonly attribute: BalanceAttribute
  /** allowed deviation from the mean, as a fraction (0.05 = ±5%) */
  readonly tolerance: number
}

export interface BalanceOptions {
  /** the territory ids of the plan (today's ids first; see planTerritoryIds) */
  readonly territories: readonly string[]
  readonly bands: readonly Band[]
  /** penalty per unit of (relative) potential for moving an account away from its territory */
  readonly disruption?: number
  /** at most this share of accounts may change territory */
  readonly maxMovedShare?: number
  /** at most this share of the total potential may change territory */
  readonly maxMovedPotentialShare?: number
  /** fixed centres (rep home bases) by territory id; others are located */
  readonly homes?: ReadonlyMap<string, { lat: number; lon: number }>
  readonly seed?: number
  /** candidate territories per account (nearest centres), default 8 */
  readonly candidates?: number
  readonly maxRounds?: number
  readonly graph?: NeighbourGraph
}

export interface BalanceStats {
  readonly rounds: number
  /** accounts split between territories in the last LP */
  readonly splits: number
  /** LP optimum at the final centres: no integral plan with these centres costs less */
  readonly lpBound: number
  /** the plan's cost at the same centres */
  readonly planCost: number
  /** planCost ÷ lpBound − 1 */
  readonly gapToBound: number | null
  /** accounts moved by the repair MIP (0 when rounding broke no band or no plan was found) */
  readonly mipRepairMoves: number
  readonly repairMoves: number
  readonly swaps: number
  readonly improvingMoves: number
  readonly contiguityMoves: number
  /** territories still outside a band after repair */
  readonly outsideBand: number
  /** the plan's cost after rounding, band repair, improving moves and piece clean-up */
  readonly stageCosts: { rounded: number; repaired: number; improved: number; final: number }
}

export type BalanceResult =
  | { readonly ok: true; readonly territoryOf: readonly string[]; readonly stats: BalanceStats }
  | { readonly ok: false; readonly reason: string }

/**
 * The plan's territory ids: today's ids (sorted); with `k`, the k largest by potential are kept
 * and new ids `T01`, `T02`, … are added when more are asked than exist.
 * @example planTerritoryIds([{ territory: 'B', potential: 5 }, { territory: 'A', potential: 9 }], 3) //=> ['A', 'B', 'T01']
 */
export function planTerritoryIds(
  accounts: readonly Pick<TerritoryAccount, 'territory' | 'potential'>[],
  k?: number,
): string[] {
  const potential = new Map<string, number>()
  for (const a of accounts)
    if (a.territory !== undefined) potential.set(a.territory, (potential.get(a.territory) ?? 0) + a.potential)
  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  let ids = [...potential.keys()].sort(byId)
  if (k === undefined) return ids
  if (ids.length > k)
    ids = [...ids]
      .sort((x, y) => (potential.get(y) ?? 0) - (potential.get(x) ?? 0) || byId(x, y))
      .slice(0, k)
      .sort(byId)
  const taken = new Set(ids)
  for (let n = 1; ids.length < k; n++) {
    const id = `T${String(n).padStart(2, '0')}`
    if (!taken.has(id)) ids.push(id)
  }
  return ids
}

/**
 * repair MIP: accounts freed per territory, alternative territories per account, branch-and-bound
 * node limit, relative gap at which it stops (1% of the freed accounts' cost: about 0.1% of the
 * plan's). Measured on the 5,000 × 20 bench and the demo: 40 free accounts per territory cut the
 * repair's cost in half; 20 often left the MIP without a plan, 80 tripled its time.
 */
const MIP_FREE_PER_TERRITORY = 40
const MIP_ALTERNATIVES = 3
const MIP_NODES = 500
const MIP_GAP = 0.01
/** LP re-solves of iterative rounding (each pins the current splits) */
const ROUNDING_PASSES = 4

const sq = (a: PlanePoint, b: PlanePoint) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2

/** Balanced, compact, contiguous territories close to today's; see the module comment. */
export function balanceTerritories(
  accounts: readonly TerritoryAccount[],
  options: BalanceOptions,
  solver: LpSolver,
): BalanceResult {
  const n = accounts.length
  const ids = options.territories
  const K = ids.length
  if (K === 0) return { ok: false, reason: 'no territories to balance into' }
  if (n === 0) return { ok: true, territoryOf: [], stats: emptyStats() }
  const index = new Map(ids.map((id, j) => [id, j]))
  const current = accounts.map((a) => (a.territory === undefined ? -1 : (index.get(a.territory) ?? -1)))
  const locked = accounts.map((a, i) => a.locked && (current[i] ?? -1) >= 0)
  const homes = options.homes ?? new Map<string, { lat: number; lon: number }>()
  const homeList = ids.map((id) => homes.get(id))
  const projected = projectPoints([...accounts, ...homeList.filter((h) => h !== undefined)])
  const pts = projected.slice(0, n)
  const homePts: (PlanePoint | undefined)[] = []
  let h = n
  for (const home of homeList) homePts.push(home === undefined ? undefined : projected[h++])
  const fixed = homePts.map((p) => p !== undefined)

  // weights: relative potential, plus 5% of the mean so zero-potential accounts still sit near a centre
  const totalPotential = accounts.reduce((s, a) => s + a.potential, 0)
  const meanPotential = totalPotential / n
  const weight = accounts.map((a) => (meanPotential > 0 ? a.potential / meanPotential : 1) + 0.05)
  const lambda = options.disruption ?? 0

  // start: today's weighted centroids, homes, then potential-weighted k-means++ for the rest
  const random = createRandom(options.seed ?? 1)
  const centres: PlanePoint[] = new Array<PlanePoint>(K)
  const placed: boolean[] = new Array<boolean>(K).fill(false)
  for (let j = 0; j < K; j++) {
    const home = homePts[j]
    if (home !== undefined) {
      centres[j] = home
      placed[j] = true
    }
  }
  const cx = new Float64Array(K)
  const cy = new Float64Array(K)
  const cw = new Float64Array(K)
  for (let i = 0; i < n; i++) {
    const j = current[i] ?? -1
    if (j < 0) continue
    const p = pts[i] as PlanePoint
    const w = weight[i] as number
    cx[j] = (cx[j] as number) + w * p.x
    cy[j] = (cy[j] as number) + w * p.y
    cw[j] = (cw[j] as number) + w
  }
  for (let j = 0; j < K; j++)
    if (!placed[j] && (cw[j] as number) > 0) {
      centres[j] = { x: (cx[j] as number) / (cw[j] as number), y: (cy[j] as number) / (cw[j] as number) }
      placed[j] = true
    }
  for (let j = 0; j < K; j++) {
    if (placed[j]) continue
    const d2 = pts.map((p, i) => {
      let best = Infinity
      for (let c = 0; c < K; c++) if (placed[c]) best = Math.min(best, sq(p, centres[c] as PlanePoint))
      return (weight[i] as number) * (best === Infinity ? 1 : best)
    })
    const total = d2.reduce((s, v) => s + v, 0)
    let r = random.next() * total
    let pick = n - 1
    for (let i = 0; i < n; i++) {
      r -= d2[i] as number
      if (r < 0) {
        pick = i
        break
      }
    }
    centres[j] = pts[pick] as PlanePoint
    placed[j] = true
  }

  // distance scale: weighted mean squared distance to the nearest start centre
  let scale = 0
  for (let i = 0; i < n; i++) {
    let best = Infinity
    for (let j = 0; j < K; j++) best = Math.min(best, sq(pts[i] as PlanePoint, centres[j] as PlanePoint))
    scale += best
  }
  scale = scale / n > 0 ? scale / n : 1

  const bands = options.bands.filter((b) => accounts.some((a) => attributeValue(a, b.attribute) > 0))
  const bandMean = bands.map((b) => accounts.reduce((s, a) => s + attributeValue(a, b.attribute), 0) / K)
  const value = bands.map((b) => Float64Array.from(accounts, (a) => attributeValue(a, b.attribute)))
  // movement limits: one LP row each, and a budget that repair moves respect
  const maxMovedCount =
    options.maxMovedShare === undefined ? undefined : Math.floor(options.maxMovedShare * n + 1e-9)
  const moveLimits: (MoveLimit & { unit: number })[] = []
  if (maxMovedCount !== undefined) moveLimits.push({ limit: maxMovedCount, unit: 1 })
  if (options.maxMovedPotentialShare !== undefined && totalPotential > 0)
    moveLimits.push({
      value: Float64Array.from(accounts, (a) => a.potential),
      limit: options.maxMovedPotentialShare * totalPotential,
      unit: meanPotential,
    })
  const limits = { accounts: maxMovedCount, potentialShare: options.maxMovedPotentialShare }
  // the LP may split an account that fits no band whole: stop before solving, with the reason
  const blocker = bandBlocker(accounts, bands, bandMean, locked, current)
  if (blocker !== undefined) return { ok: false, reason: blocker }

  const costOf = (i: number, j: number, c: readonly PlanePoint[]): number =>
    (weight[i] as number) * (sq(pts[i] as PlanePoint, c[j] as PlanePoint) / scale) +
    ((current[i] ?? -1) >= 0 && j !== current[i] ? lambda * (weight[i] as number) : 0)

  const L = Math.min(K, options.candidates ?? 8)
  const nearD = new Float64Array(K)
  /** the `count` centres nearest to account i (ties by index), nearest first */
  const nearest = (i: number, c: readonly PlanePoint[], count: number): number[] => {
    const p = pts[i] as PlanePoint
    const out: number[] = []
    for (let j = 0; j < K; j++) {
      const d = sq(p, c[j] as PlanePoint)
      nearD[j] = d
      if (out.length === count && d >= (nearD[out[count - 1] as number] as number)) continue
      let k = out.length === count ? count - 1 : out.length
      while (k > 0 && (nearD[out[k - 1] as number] as number) > d) {
        out[k] = out[k - 1] as number
        k--
      }
      out[k] = j
    }
    return out
  }
  const candidateSets = (c: readonly PlanePoint[], all: boolean): number[][] =>
    accounts.map((_, i) => {
      const cur = current[i] ?? -1
      if (locked[i]) return [cur]
      if (all) return Array.from({ length: K }, (_, j) => j)
      const set = nearest(i, c, L)
      if (cur >= 0 && !set.includes(cur)) set.push(cur)
      return set
    })

  // LP columns: one per (account, candidate territory); the model lives across rounds, and when the
  // centres move, columns for the accounts' new nearest centres are added (never removed), so that
  // every re-solve starts warm from the last basis
  const bandRows = bands.length * K
  const moveRows = moveLimits.length
  /**
   * The matrix entries of account i in territory j, from position nz: 1 in its assignment row, its
   * band values (÷ the band's mean) from row `bandBase`, its move weights (when j is not its
   * territory today) from row `moveBase`. Returns the next free position. The LP and the repair MIP
   * share it.
   */
  const writeColumn = (
    i: number,
    j: number,
    assignRow: number,
    bandBase: number,
    moveBase: number,
    indices: Int32Array,
    values: Float64Array,
    start: number,
  ): number => {
    let nz = start
    indices[nz] = assignRow
    values[nz++] = 1
    for (let b = 0; b < bands.length; b++) {
      const v = (value[b] as Float64Array)[i] as number
      if (v !== 0) {
        indices[nz] = bandBase + b * K + j
        values[nz++] = v / (bandMean[b] as number)
      }
    }
    if ((current[i] ?? -1) >= 0 && j !== current[i])
      moveLimits.forEach((limit, r) => {
        const v = limit.value === undefined ? 1 : (limit.value[i] as number)
        if (v !== 0) {
          indices[nz] = moveBase + r
          values[nz++] = v / limit.unit
        }
      })
    return nz
  }
  const numRows = n + bandRows + moveRows
  const colI: number[] = []
  const colJ: number[] = []
  /** per account: its columns and, in the same order, their territories */
  const accountCols: number[][] = accounts.map(() => [])
  const cands: number[][] = accounts.map(() => [])
  const columns = (pairs: readonly number[], c: readonly PlanePoint[]): LpColumns => {
    const count = pairs.length / 2
    const perCol = 1 + bands.length + moveRows
    const starts = new Int32Array(count + 1)
    const indices = new Int32Array(count * perCol)
    const values = new Float64Array(count * perCol)
    const colCost = new Float64Array(count)
    let nz = 0
    for (let col = 0; col < count; col++) {
      const i = pairs[2 * col] as number
      const j = pairs[2 * col + 1] as number
      starts[col] = nz
      colCost[col] = costOf(i, j, c)
      nz = writeColumn(i, j, i, n, n + bandRows, indices, values, nz)
    }
    starts[count] = nz
    return {
      colCost,
      colLower: new Float64Array(count),
      colUpper: new Float64Array(count).fill(1),
      starts,
      indices: indices.subarray(0, nz),
      values: values.subarray(0, nz),
    }
  }
  /** (account, territory) pairs of the candidate sets that have no column yet, registered as columns */
  const newPairs = (sets: readonly (readonly number[])[]): number[] => {
    const pairs: number[] = []
    sets.forEach((set, i) => {
      const have = cands[i] as number[]
      for (const j of set) {
        if (have.includes(j)) continue
        have.push(j)
        ;(accountCols[i] as number[]).push(colI.length)
        colI.push(i)
        colJ.push(j)
        pairs.push(i, j)
      }
    })
    return pairs
  }
  const buildModel = (c: readonly PlanePoint[]): LpModel => {
    const pairs: number[] = []
    for (let col = 0; col < colI.length; col++) pairs.push(colI[col] as number, colJ[col] as number)
    const rowLower = new Float64Array(numRows)
    const rowUpper = new Float64Array(numRows)
    for (let i = 0; i < n; i++) {
      rowLower[i] = 1
      rowUpper[i] = 1
    }
    bands.forEach((band, b) => {
      for (let j = 0; j < K; j++) {
        rowLower[n + b * K + j] = 1 - band.tolerance
        rowUpper[n + b * K + j] = 1 + band.tolerance
      }
    })
    moveLimits.forEach((limit, r) => {
      rowUpper[n + bandRows + r] = limit.limit / limit.unit
    })
    return { numCols: colI.length, numRows, rowLower, rowUpper, ...columns(pairs, c) }
  }
  const allCosts = (c: readonly PlanePoint[]): Float64Array => {
    const costs = new Float64Array(colI.length)
    for (let col = 0; col < costs.length; col++)
      costs[col] = costOf(colI[col] as number, colJ[col] as number, c)
    return costs
  }

  // location–allocation rounds
  newPairs(candidateSets(centres, K <= L))
  let session: LpSession | undefined
  let x = new Float64Array(0)
  let bound = Infinity
  let rounds = 0
  let allColumns = K <= L
  const maxRounds = options.maxRounds ?? 15
  const allFixed = fixed.every((f) => f)
  try {
    for (;;) {
      session ??= solver(buildModel(centres))
      const result = session.solve()
      rounds++
      if (result.status !== 'optimal') {
        session.dispose()
        session = undefined
        if (!allColumns) {
          allColumns = true
          newPairs(candidateSets(centres, true))
          continue
        }
        return { ok: false, reason: infeasibleReason(accounts, bands, bandMean, locked, current, limits) }
      }
      x = Float64Array.from(result.x)
      const previous = bound
      bound = result.objective
      if (
        allFixed ||
        rounds >= maxRounds ||
        (Number.isFinite(previous) && previous - bound < 0.001 * previous)
      )
        break
      // relocate: weighted centroid of each territory's (fractional) accounts; new candidates join
      centres.splice(0, K, ...relocate(x, centres, fixed))
      const added = newPairs(candidateSets(centres, allColumns))
      if (added.length > 0) {
        session.addColumns(columns(added, centres))
        const grown = new Float64Array(colI.length)
        grown.set(x)
        x = grown
      }
      session.setCosts(allCosts(centres))
    }
    x = Float64Array.from(iterativeRounding(session, x))
  } finally {
    session?.dispose()
  }

  // largest-share rounding
  const asg = new Int32Array(n)
  let splits = 0
  for (let i = 0; i < n; i++) {
    let best = -1
    let bestShare = -1
    for (const col of accountCols[i] as number[]) {
      const share = x[col] as number
      if (share > bestShare + 1e-9) {
        bestShare = share
        best = colJ[col] as number
      }
    }
    if (bestShare < 1 - 1e-6) splits++
    asg[i] = best
  }

  const planCostNow = (): number => {
    let total = 0
    for (let i = 0; i < n; i++) total += costOf(i, asg[i] as number, centres)
    return total
  }
  const rounded = planCostNow()
  const graph = options.graph ?? neighbourGraph(accounts)
  const mipRepairMoves = mipRepair()

  const state = createRepairState({
    n,
    K,
    asg,
    cands,
    bands,
    bandMean,
    value,
    locked,
    current,
    moveLimits,
    cost: (i, j) => costOf(i, j, centres),
    edges: graph.edges,
  })
  const repairMoves = state.repair()
  const swaps = state.swapRepair()
  const repaired = planCostNow()
  let improvingMoves = 0
  for (let pass = 0; pass < 5; pass++) {
    const made = state.improve() + state.improveSwaps()
    improvingMoves += made
    if (made === 0) break
  }
  const improved = planCostNow()
  const contiguityMoves = state.contiguity(graph.edges)
  const after = state.repair() + state.swapRepair()
  // the clean-up's compensating moves leave room for piece-keeping improvements
  for (let pass = 0; pass < 5 && state.outside() === 0; pass++) {
    const made = state.improve() + state.improveSwaps()
    improvingMoves += made
    if (made === 0) break
  }
  const planCost = planCostNow()
  return {
    ok: true,
    territoryOf: Array.from(asg, (j) => ids[j] as string),
    stats: {
      rounds,
      splits,
      lpBound: bound,
      planCost,
      gapToBound: bound > 0 ? planCost / bound - 1 : null,
      mipRepairMoves,
      repairMoves: repairMoves + after,
      swaps,
      improvingMoves,
      contiguityMoves,
      outsideBand: state.outside(),
      stageCosts: { rounded, repaired, improved, final: planCost },
    },
  }

  /**
   * Iterative LP rounding: each split account is pinned to its largest share (the upper bound of its
   * other columns drops to 0, so the dual simplex re-solves warm in a few iterations) and the LP is
   * re-solved, so the rest of the plan re-balances around it at least cost; repeated until no account
   * is split or a re-solve fails (the last optimal solution is kept). Greedy band repair then only has
   * the last few splits (if any) to fix.
   */
  function iterativeRounding(lp: LpSession, start: Float64Array): Float64Array {
    const pinned = new Uint8Array(n)
    let best: Float64Array = start
    for (let it = 0; it < ROUNDING_PASSES; it++) {
      const barred: number[] = []
      for (let i = 0; i < n; i++) {
        if (pinned[i] === 1) continue
        const cols = accountCols[i] as number[]
        let top = -1
        let share = -1
        for (const col of cols) {
          const v = best[col] as number
          if (v > share + 1e-9) {
            share = v
            top = col
          }
        }
        if (share >= 1 - 1e-6) continue
        pinned[i] = 1
        for (const col of cols) if (col !== top) barred.push(col)
      }
      if (barred.length === 0) break
      barred.sort((p, q) => p - q)
      lp.setUpperBounds(Int32Array.from(barred), new Float64Array(barred.length))
      const result = lp.solve()
      if (result.status !== 'optimal') break
      best = Float64Array.from(result.x)
    }
    return best
  }

  /**
   * Repair MIP (Kalcsics' split resolution, widened): when rounding leaves a territory outside a
   * band, the split accounts and the MIP_FREE_PER_TERRITORY·K accounts cheapest to move elsewhere
   * are re-assigned by a small 0/1 program (each to its rounded territory or one of its
   * MIP_ALTERNATIVES cheapest candidates) that meets every band and movement limit at least cost,
   * the other accounts staying where rounding put them. Chains of moves through several
   * territories come out of it at once, where greedy repair would take one long move at a time.
   * Returns the accounts moved; 0 when no band is broken, there is no binary solver, or the MIP
   * finds no plan within its node limit (greedy repair then does the work).
   */
  function mipRepair(): number {
    const binary = solver.binary
    if (binary === undefined) return 0
    const B = bands.length
    const totals = new Float64Array(B * K)
    for (let i = 0; i < n; i++)
      for (let b = 0; b < B; b++) {
        const r = b * K + (asg[i] as number)
        totals[r] = (totals[r] as number) + ((value[b] as Float64Array)[i] as number)
      }
    const broken = bands.some((band, b) => {
      const mean = bandMean[b] as number
      for (let j = 0; j < K; j++) {
        const t = totals[b * K + j] as number
        if (t > (1 + band.tolerance) * mean || t < (1 - band.tolerance) * mean) return true
      }
      return false
    })
    if (!broken) return 0
    // free: the split accounts, then the cheapest to move (least cost increase to another candidate)
    const split = new Uint8Array(n)
    for (let i = 0; i < n; i++)
      for (const col of accountCols[i] as number[]) {
        const v = x[col] as number
        if (v > 1e-6 && v < 1 - 1e-6) split[i] = 1
      }
    const slack: { i: number; delta: number }[] = []
    for (let i = 0; i < n; i++) {
      if (locked[i] || split[i] === 1) continue
      const s = asg[i] as number
      let delta = Infinity
      for (const j of cands[i] as number[])
        if (j !== s) delta = Math.min(delta, costOf(i, j, centres) - costOf(i, s, centres))
      if (delta < Infinity) slack.push({ i, delta })
    }
    slack.sort((a, b) => a.delta - b.delta || a.i - b.i)
    const free: number[] = []
    for (let i = 0; i < n; i++) if (split[i] === 1 && !locked[i]) free.push(i)
    for (const { i } of slack.slice(0, MIP_FREE_PER_TERRITORY * K)) free.push(i)
    const isFree = new Uint8Array(n)
    for (const i of free) isFree[i] = 1
    // what the fixed accounts hold and have moved
    const fixedTotals = new Float64Array(B * K)
    const fixedMoved = new Float64Array(moveLimits.length)
    for (let i = 0; i < n; i++) {
      if (isFree[i] === 1) continue
      for (let b = 0; b < B; b++) {
        const r = b * K + (asg[i] as number)
        fixedTotals[r] = (fixedTotals[r] as number) + ((value[b] as Float64Array)[i] as number)
      }
      if ((current[i] ?? -1) >= 0 && asg[i] !== current[i])
        moveLimits.forEach((limit, r) => {
          fixedMoved[r] =
            (fixedMoved[r] as number) + (limit.value === undefined ? 1 : (limit.value[i] as number))
        })
    }
    // columns: the rounded territory, the split shares and the cheapest alternatives (preferring
    // alternatives the account touches on the neighbour graph measured no better over 5 seeds)
    const pairs: number[] = []
    const f = free.length
    free.forEach((i, k) => {
      const s = asg[i] as number
      const set = new Set<number>([s])
      for (const col of accountCols[i] as number[])
        if ((x[col] as number) > 1e-6) set.add(colJ[col] as number)
      const alternatives = (cands[i] as number[])
        .filter((j) => !set.has(j))
        .sort((a, b) => costOf(i, a, centres) - costOf(i, b, centres) || a - b)
      for (const j of alternatives.slice(0, MIP_ALTERNATIVES)) set.add(j)
      for (const j of [...set].sort((a, b) => a - b)) pairs.push(k, j)
    })
    const count = pairs.length / 2
    const numRows = f + B * K + moveLimits.length
    const perCol = 1 + B + moveLimits.length
    const starts = new Int32Array(count + 1)
    const indices = new Int32Array(count * perCol)
    const values = new Float64Array(count * perCol)
    const colCost = new Float64Array(count)
    let nz = 0
    for (let col = 0; col < count; col++) {
      const k = pairs[2 * col] as number
      const j = pairs[2 * col + 1] as number
      const i = free[k] as number
      starts[col] = nz
      colCost[col] = costOf(i, j, centres)
      nz = writeColumn(i, j, k, f, f + B * K, indices, values, nz)
    }
    starts[count] = nz
    const rowLower = new Float64Array(numRows)
    const rowUpper = new Float64Array(numRows)
    rowLower.fill(1, 0, f)
    rowUpper.fill(1, 0, f)
    bands.forEach((band, b) => {
      const mean = bandMean[b] as number
      for (let j = 0; j < K; j++) {
        const held = (fixedTotals[b * K + j] as number) / mean
        // a hair inside the band, so that the solver's tolerance does not leave a sliver outside
        rowLower[f + b * K + j] = 1 - band.tolerance - held + 1e-7
        rowUpper[f + b * K + j] = 1 + band.tolerance - held - 1e-7
      }
    })
    moveLimits.forEach((limit, r) => {
      rowLower[f + B * K + r] = -Infinity
      rowUpper[f + B * K + r] = (limit.limit - (fixedMoved[r] as number)) / limit.unit
    })
    const result = binary(
      {
        numCols: count,
        numRows,
        colCost,
        colLower: new Float64Array(count),
        colUpper: new Float64Array(count).fill(1),
        rowLower,
        rowUpper,
        starts,
        indices: indices.subarray(0, nz),
        values: values.subarray(0, nz),
      },
      { maxNodes: MIP_NODES, relativeGap: MIP_GAP },
    )
    if (result.status === 'none') return 0
    let moves = 0
    for (let col = 0; col < count; col++) {
      if ((result.x[col] as number) < 0.5) continue
      const i = free[pairs[2 * col] as number] as number
      const j = pairs[2 * col + 1] as number
      if (asg[i] !== j) {
        asg[i] = j
        moves++
      }
    }
    return moves
  }

  function relocate(
    share: Float64Array,
    c: readonly PlanePoint[],
    isFixed: readonly boolean[],
  ): PlanePoint[] {
    const sx = new Float64Array(K)
    const sy = new Float64Array(K)
    const sw = new Float64Array(K)
    for (let col = 0; col < share.length; col++) {
      const i = colI[col] as number
      const j = colJ[col] as number
      const w = (share[col] as number) * (weight[i] as number)
      if (w <= 0) continue
      const p = pts[i] as PlanePoint
      sx[j] = (sx[j] as number) + w * p.x
      sy[j] = (sy[j] as number) + w * p.y
      sw[j] = (sw[j] as number) + w
    }
    return c.map((old, j) =>
      isFixed[j] || (sw[j] as number) <= 0
        ? old
        : { x: (sx[j] as number) / (sw[j] as number), y: (sy[j] as number) / (sw[j] as number) },
    )
  }
}

function emptyStats(): BalanceStats {
  return {
    rounds: 0,
    splits: 0,
    lpBound: 0,
    planCost: 0,
    gapToBound: null,
    mipRepairMoves: 0,
    repairMoves: 0,
    swaps: 0,
    improvingMoves: 0,
    contiguityMoves: 0,
    outsideBand: 0,
    stageCosts: { rounded: 0, repaired: 0, improved: 0, final: 0 },
  }
}

function infeasibleReason(
  accounts: readonly TerritoryAccount[],
  bands: readonly Band[],
  bandMean: readonly number[],
  locked: readonly boolean[],
  current: readonly number[],
  limits: { accounts: number | undefined; potentialShare: number | undefined },
): string {
  const blocker = bandBlocker(accounts, bands, bandMean, locked, current)
  if (blocker !== undefined) return blocker
  const what = [
    ...(limits.accounts === undefined ? [] : [`${String(limits.accounts)} accounts`]),
    ...(limits.potentialShare === undefined ? [] : [`${pct(limits.potentialShare).slice(1)} of potential`]),
  ]
  if (what.length > 0)
    return `no plan meets the bands while moving at most ${what.join(' and ')}: raise --max-moved${limits.potentialShare === undefined ? '' : ' or --max-moved-potential'}, or widen the bands`
  return 'no plan meets the balance bands: widen them (--balance potential:10%) or change the number of territories'
}

/** an account too large for any territory's band, or locked accounts that already overfill one */
function bandBlocker(
  accounts: readonly TerritoryAccount[],
  bands: readonly Band[],
  bandMean: readonly number[],
  locked: readonly boolean[],
  current: readonly number[],
): string | undefined {
  for (let b = 0; b < bands.length; b++) {
    const band = bands[b] as Band
    const mean = bandMean[b] as number
    const big = accounts.find((a) => attributeValue(a, band.attribute) > (1 + band.tolerance) * mean)
    if (big !== undefined)
      return `account ${big.id} alone exceeds the ${band.attribute} band (${pct(band.tolerance)} around the mean territory): widen the band or use fewer territories`
    const lockedTotals = new Map<number, number>()
    accounts.forEach((a, i) => {
      if (locked[i])
        lockedTotals.set(
          current[i] as number,
          (lockedTotals.get(current[i] as number) ?? 0) + attributeValue(a, band.attribute),
        )
    })
    for (const total of lockedTotals.values())
      if (total > (1 + band.tolerance) * mean)
        return `locked accounts alone exceed the ${band.attribute} band of their territory: unlock some or widen the band`
  }
  return undefined
}

const pct = (v: number) => `±${String(Math.round(v * 1000) / 10)}%`

/** at most `limit` of what moves: accounts (no `value`: 1 each) or the sum of `value` over moved accounts */
export interface MoveLimit {
  readonly value?: Float64Array
  readonly limit: number
}

export interface RepairInput {
  readonly n: number
  readonly K: number
  readonly asg: Int32Array
  readonly cands: readonly (readonly number[])[]
  readonly bands: readonly Band[]
  readonly bandMean: readonly number[]
  readonly value: readonly Float64Array[]
  readonly locked: readonly boolean[]
  readonly current: readonly number[]
  /** budgets on what may change territory (absent: no limit) */
  readonly moveLimits?: readonly MoveLimit[]
  readonly cost: (i: number, j: number) => number
  /** neighbour graph: when given, repair and improving moves keep territories in one piece */
  readonly edges?: NeighbourGraph['edges']
}

/** Integer-plan repair: band moves, pair swaps, improving moves and piece clean-up. */
export function createRepairState(input: RepairInput) {
  const { n, K, asg, cands, bands, bandMean, value, locked, current, cost } = input
  const limits = input.moveLimits ?? []
  const adjacency: number[][] = Array.from({ length: n }, () => [])
  for (const [a, b] of input.edges ?? []) {
    adjacency[a]?.push(b)
    adjacency[b]?.push(a)
  }
  const guarded = input.edges !== undefined
  /**
   * moving i to t keeps the plan's pieces: i touches t (or t has no account yet), and i's neighbours
   * in its own territory stay connected to one another without it
   */
  const keepsPieces = (i: number, t: number): boolean => {
    if (!guarded) return true
    const s = asg[i] as number
    const nbs = adjacency[i] ?? []
    if (!nbs.some((k) => asg[k] === t) && (members[t]?.size ?? 0) > 0) return false
    const inside = nbs.filter((k) => asg[k] === s)
    if (inside.length <= 1) return true
    const want = new Set(inside)
    const seen = new Set<number>([i, inside[0] as number])
    const queue = [inside[0] as number]
    let found = 1
    while (queue.length > 0 && found < want.size) {
      const c = queue.pop() as number
      for (const k of adjacency[c] ?? [])
        if (!seen.has(k) && asg[k] === s) {
          seen.add(k)
          if (want.has(k)) found++
          queue.push(k)
        }
    }
    return found === want.size
  }
  const B = bands.length
  const totals = new Float64Array(B * K)
  const lo = bands.map((b, k) => (1 - b.tolerance) * (bandMean[k] as number))
  const hi = bands.map((b, k) => (1 + b.tolerance) * (bandMean[k] as number))
  for (let i = 0; i < n; i++)
    for (let b = 0; b < B; b++) {
      const at = b * K + (asg[i] as number)
      totals[at] = (totals[at] as number) + ((value[b] as Float64Array)[i] as number)
    }
  /** per move limit: what has moved so far */
  const used = new Float64Array(limits.length)
  const limitValue = (r: number, i: number): number => limits[r]?.value?.[i] ?? 1
  for (let i = 0; i < n; i++)
    if ((current[i] ?? -1) >= 0 && asg[i] !== current[i])
      for (let r = 0; r < limits.length; r++) used[r] = (used[r] as number) + limitValue(r, i)
  const members: Set<number>[] = Array.from({ length: K }, () => new Set<number>())
  for (let i = 0; i < n; i++) members[asg[i] as number]?.add(i)

  /** band violation of territory j with its totals shifted by delta (per band), relative to the mean */
  const violation = (j: number, delta?: (b: number) => number): number => {
    let v = 0
    for (let b = 0; b < B; b++) {
      const t = (totals[b * K + j] as number) + (delta === undefined ? 0 : delta(b))
      const m = bandMean[b] as number
      if (t > (hi[b] as number)) v += (t - (hi[b] as number)) / m
      else if (t < (lo[b] as number)) v += ((lo[b] as number) - t) / m
    }
    return v
  }
  const movedDelta = (i: number, to: number): number => {
    const cur = current[i] ?? -1
    if (cur < 0) return 0
    return (asg[i] === cur ? 0 : -1) + (to === cur ? 0 : 1)
  }
  /** when set, every move is logged (account, from) so that a trial can be undone */
  let trail: number[] | undefined
  const apply = (i: number, to: number): void => {
    const from = asg[i] as number
    trail?.push(i, from)
    const d = movedDelta(i, to)
    if (d !== 0) for (let r = 0; r < limits.length; r++) used[r] = (used[r] as number) + d * limitValue(r, i)
    for (let b = 0; b < B; b++) {
      const v = (value[b] as Float64Array)[i] as number
      totals[b * K + from] = (totals[b * K + from] as number) - v
      totals[b * K + to] = (totals[b * K + to] as number) + v
    }
    members[from]?.delete(i)
    members[to]?.add(i)
    asg[i] = to
  }
  /** violation reduction of moving i to t (positive = better) */
  const gainOfMove = (i: number, t: number): number => {
    const s = asg[i] as number
    const vi = (b: number) => (value[b] as Float64Array)[i] as number
    return violation(s) + violation(t) - violation(s, (b) => -vi(b)) - violation(t, vi)
  }
  /** the moves (account, to, account, to, …) stay within every move limit */
  const fits = (...moves: number[]): boolean => {
    for (let r = 0; r < limits.length; r++) {
      let u = used[r] as number
      for (let k = 0; k < moves.length; k += 2)
        u += movedDelta(moves[k] as number, moves[k + 1] as number) * limitValue(r, moves[k] as number)
      const cap = (limits[r] as MoveLimit).limit
      if (u > cap + 1e-9 * Math.max(1, cap)) return false
    }
    return true
  }
  const canMove = (i: number, t: number): boolean => !locked[i] && asg[i] !== t && fits(i, t)
  const violating = (): number[] => {
    const out: number[] = []
    for (let j = 0; j < K; j++) if (violation(j) > 1e-12) out.push(j)
    return out
  }

  /** accounts that sit in one of the territories or have one as a candidate (each once) */
  const byCandidate: number[][] = Array.from({ length: K }, () => [])
  for (let i = 0; i < n; i++) for (const t of cands[i] ?? []) byCandidate[t]?.push(i)
  const stamp = new Int32Array(n)
  let epoch = 0
  /** a new list that takes each account once (an epoch stamp per account instead of a set) */
  const onceEach = (): { out: number[]; add: (i: number) => void } => {
    epoch++
    const now = epoch
    const out: number[] = []
    const add = (i: number): void => {
      if (stamp[i] === now) return
      stamp[i] = now
      out.push(i)
    }
    return { out, add }
  }
  const touching = (territories: readonly number[]): number[] => {
    const { out, add } = onceEach()
    for (const j of territories) {
      for (const i of members[j] ?? []) add(i)
      for (const i of byCandidate[j] ?? []) add(i)
    }
    return out
  }

  /**
   * the accounts that a piece-keeping move can take out of or into the territories: their members
   * and the members' neighbours (and, for an empty territory, every account with it as a candidate)
   */
  const boundary = (territories: readonly number[]): number[] => {
    const { out, add } = onceEach()
    for (const j of territories) {
      if ((members[j]?.size ?? 0) === 0) for (const i of byCandidate[j] ?? []) add(i)
      for (const i of members[j] ?? []) {
        add(i)
        for (const k of adjacency[i] ?? []) add(k)
      }
    }
    return out
  }

  /**
   * band repair: the move with least Δcost per unit of band violation removed, first among moves that
   * keep every territory's pieces (boundary accounts whose removal splits nothing), then any move
   */
  function repair(limit = 20 * n + 100, strict = false): number {
    let count = 0
    for (let guard = 0; guard < limit; guard++) {
      const bad = violating()
      if (bad.length === 0) break
      const badSet = new Set(bad)
      const options: { i: number; t: number; score: number }[] = []
      const local = strict && guarded
      for (const i of local ? boundary(bad) : touching(bad)) {
        const s = asg[i] as number
        for (const t of cands[i] ?? []) {
          if (!badSet.has(s) && !badSet.has(t)) continue
          // a piece-keeping move goes to a territory the account touches (or an empty one)
          if (local && (members[t]?.size ?? 0) > 0 && !(adjacency[i] ?? []).some((k) => asg[k] === t))
            continue
          if (!canMove(i, t)) continue
          const g = gainOfMove(i, t)
          if (g <= 1e-12) continue
          options.push({ i, t, score: (cost(i, t) - cost(i, s)) / g })
        }
      }
      if (options.length === 0) break
      options.sort((a, b) => a.score - b.score || a.i - b.i || a.t - b.t)
      const best = options.find((o) => keepsPieces(o.i, o.t)) ?? (strict ? undefined : options[0])
      if (best === undefined) break
      apply(best.i, best.t)
      count++
    }
    return count
  }

  function swapRepair(): number {
    let count = 0
    for (let guard = 0; guard < 500; guard++) {
      const bad = violating()
      if (bad.length === 0) break
      let best: { i: number; k: number; score: number } | undefined
      for (const s of bad) {
        for (const i of members[s] ?? []) {
          for (const t of cands[i] ?? []) {
            if (t === s || !canMove(i, t)) continue
            for (const k of members[t] ?? []) {
              if (locked[k] || !(cands[k] ?? []).includes(s)) continue
              if (!fits(i, t, k, s)) continue
              const d = (b: number) =>
                ((value[b] as Float64Array)[k] as number) - ((value[b] as Float64Array)[i] as number)
              const g = violation(s) + violation(t) - violation(s, d) - violation(t, (b) => -d(b))
              if (g <= 1e-12) continue
              const score = (cost(i, t) - cost(i, s) + cost(k, s) - cost(k, t)) / g
              if (best === undefined || score < best.score) best = { i, k, score }
            }
          }
        }
      }
      if (best === undefined) break
      const s = asg[best.i] as number
      const t = asg[best.k] as number
      apply(best.i, t)
      apply(best.k, s)
      count++
    }
    return count
  }

  /** moves that lower the cost and leave every band as met as before */
  function improve(): number {
    let count = 0
    for (let pass = 0; pass < 10; pass++) {
      let changed = false
      for (let i = 0; i < n; i++) {
        const s = asg[i] as number
        let best = -1
        let bestDelta = -1e-9
        for (const t of cands[i] ?? []) {
          if (!canMove(i, t)) continue
          const delta = cost(i, t) - cost(i, s)
          if (delta >= bestDelta || gainOfMove(i, t) < -1e-12 || !keepsPieces(i, t)) continue
          best = t
          bestDelta = delta
        }
        if (best >= 0) {
          apply(i, best)
          count++
          changed = true
        }
      }
      if (!changed) break
    }
    return count
  }

  /**
   * pieces other than a territory's largest (by account count) join the neighbour sharing most edges;
   * when that breaks a band, a few piece-keeping repair moves compensate (e.g. a boundary account of
   * the receiving territory moves back), and the trial is undone when the bands cannot be restored
   */
  function contiguity(edges: NeighbourGraph['edges'], compensation = 8): number {
    let count = 0
    for (let pass = 0; pass < 5; pass++) {
      const piece = pieceOf(Array.from(asg), edges)
      const pieces = new Map<number, number[]>()
      for (let i = 0; i < n; i++) {
        const p = piece[i] as number
        const list = pieces.get(p)
        if (list === undefined) pieces.set(p, [i])
        else list.push(i)
      }
      const largest = new Map<number, number>()
      for (const [p, list] of pieces) {
        const j = asg[list[0] as number] as number
        const cur = largest.get(j)
        if (cur === undefined || (pieces.get(cur)?.length ?? 0) < list.length) largest.set(j, p)
      }
      let changed = false
      for (const [p, list] of pieces) {
        const s = asg[list[0] as number] as number
        if (largest.get(s) === p) continue
        if (list.some((i) => locked[i] || asg[i] !== s)) continue
        const shared = new Map<number, number>()
        for (const i of list)
          for (const nb of adjacency[i] ?? []) {
            const t = asg[nb] as number
            if (t !== s) shared.set(t, (shared.get(t) ?? 0) + 1)
          }
        const targets = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])
        const wasClean = violating().length === 0
        for (const [t] of targets) {
          if (!fits(...list.flatMap((i) => [i, t]))) continue
          trail = []
          for (const i of list) apply(i, t)
          if (wasClean && violating().length > 0) repair(compensation, true)
          const log = trail
          trail = undefined
          if (!wasClean || violating().length === 0) {
            count += log.length / 2
            changed = true
            break
          }
          for (let k = log.length - 2; k >= 0; k -= 2) apply(log[k] as number, log[k + 1] as number)
        }
      }
      if (!changed) break
    }
    return count
  }

  /**
   * pair swaps that lower the cost and keep every band as met as before: for each ordered pair of
   * territories (s, t), the `shortlist` accounts of s cheapest to move to t are tried against those
   * of t cheapest to move to s
   */
  function improveSwaps(shortlist = 25): number {
    let count = 0
    for (let pass = 0; pass < 5; pass++) {
      const lists = new Map<number, { i: number; delta: number }[]>()
      for (let i = 0; i < n; i++) {
        if (locked[i]) continue
        const s = asg[i] as number
        for (const t of cands[i] ?? []) {
          if (t === s) continue
          const key = s * K + t
          const list = lists.get(key)
          const entry = { i, delta: cost(i, t) - cost(i, s) }
          if (list === undefined) lists.set(key, [entry])
          else list.push(entry)
        }
      }
      for (const list of lists.values()) list.sort((a, b) => a.delta - b.delta || a.i - b.i).splice(shortlist)
      let changed = 0
      for (let s = 0; s < K; s++)
        for (let t = s + 1; t < K; t++) {
          const forward = lists.get(s * K + t)
          const backward = lists.get(t * K + s)
          if (forward === undefined || backward === undefined) continue
          const usedI = new Set<number>()
          const usedK = new Set<number>()
          for (const a of forward) {
            if (usedI.has(a.i) || asg[a.i] !== s) continue
            let best: { k: number; delta: number } | undefined
            for (const b of backward) {
              if (usedK.has(b.i) || asg[b.i] !== t) continue
              const delta = cost(a.i, t) - cost(a.i, s) + cost(b.i, s) - cost(b.i, t)
              if (delta >= -1e-9 || (best !== undefined && delta >= best.delta)) continue
              if (!fits(a.i, t, b.i, s)) continue
              const d = (x: number) =>
                ((value[x] as Float64Array)[b.i] as number) - ((value[x] as Float64Array)[a.i] as number)
              const before = violation(s) + violation(t)
              if (violation(s, d) + violation(t, (x) => -d(x)) > before + 1e-12) continue
              if (!keepsPieces(a.i, t) || !keepsPieces(b.i, s)) continue
              best = { k: b.i, delta }
            }
            if (best === undefined) continue
            apply(a.i, t)
            apply(best.k, s)
            usedI.add(a.i)
            usedK.add(best.k)
            count++
            changed++
          }
        }
      if (changed === 0) break
    }
    return count
  }

  return { repair, swapRepair, improve, improveSwaps, contiguity, outside: () => violating().length }
}
