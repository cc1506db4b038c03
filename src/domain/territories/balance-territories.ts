/**
 * `territories balance`: location–allocation with balance bands (Hess–Samuels). A transportation
 * LP assigns accounts (fractionally) to K centres, minimising potential-weighted squared distance
 * (+ a disruption penalty), with one ranged row per territory and balanced attribute; centres move
 * to the weighted centroid of their accounts and the LP is re-solved warm until the gain is below
 * 0.1%. The few split accounts go to their largest share; moves and swaps restore the bands,
 * improving moves shorten distances, and stray pieces join a neighbouring territory.
 * Reference: ../shared/reference/territories.md §3.
 */
import { createRandom } from '../shared/random.js'
import { projectPoints } from './geometry.js'
import type { PlanePoint } from './geometry.js'
import type { LpModel, LpSession, LpSolver } from './lp-solver.js'
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

/** cost factor that keeps a pinned account out of its other columns during iterative rounding */
const PIN_COST = 1e4
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
  const maxMoved = options.maxMovedShare === undefined ? undefined : Math.floor(options.maxMovedShare * n)
  // the LP may split an account that fits no band whole: stop before solving, with the reason
  const blocker = bandBlocker(accounts, bands, bandMean, locked, current)
  if (blocker !== undefined) return { ok: false, reason: blocker }

  const costOf = (i: number, j: number, c: readonly PlanePoint[]): number =>
    (weight[i] as number) * (sq(pts[i] as PlanePoint, c[j] as PlanePoint) / scale) +
    ((current[i] ?? -1) >= 0 && j !== current[i] ? lambda * (weight[i] as number) : 0)

  const L = Math.min(K, options.candidates ?? 8)
  const nearest = (i: number, c: readonly PlanePoint[], count: number): number[] => {
    const order = Array.from({ length: K }, (_, j) => j)
    const p = pts[i] as PlanePoint
    const d = order.map((j) => sq(p, c[j] as PlanePoint))
    order.sort((a, b) => (d[a] as number) - (d[b] as number) || a - b)
    return order.slice(0, count)
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

  const buildModel = (cands: readonly number[][], c: readonly PlanePoint[]): LpModel => {
    let cols = 0
    for (const s of cands) cols += s.length
    const bandRows = bands.length * K
    const numRows = n + bandRows + (maxMoved === undefined ? 0 : 1)
    const perCol = 1 + bands.length + (maxMoved === undefined ? 0 : 1)
    const starts = new Int32Array(cols + 1)
    const indices = new Int32Array(cols * perCol)
    const values = new Float64Array(cols * perCol)
    const colCost = new Float64Array(cols)
    let col = 0
    let nz = 0
    cands.forEach((set, i) => {
      for (const j of set) {
        starts[col] = nz
        colCost[col] = costOf(i, j, c)
        indices[nz] = i
        values[nz++] = 1
        bands.forEach((_, b) => {
          const v = (value[b] as Float64Array)[i] as number
          if (v !== 0) {
            indices[nz] = n + b * K + j
            values[nz++] = v / (bandMean[b] as number)
          }
        })
        if (maxMoved !== undefined && (current[i] ?? -1) >= 0 && j !== current[i]) {
          indices[nz] = n + bandRows
          values[nz++] = 1
        }
        col++
      }
    })
    starts[cols] = nz
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
    if (maxMoved !== undefined) {
      rowLower[n + bandRows] = 0
      rowUpper[n + bandRows] = maxMoved
    }
    return {
      numCols: cols,
      numRows,
      colCost,
      colLower: new Float64Array(cols),
      colUpper: new Float64Array(cols).fill(1),
      rowLower,
      rowUpper,
      starts,
      indices: indices.subarray(0, nz),
      values: values.subarray(0, nz),
    }
  }

  // location–allocation rounds
  let cands = candidateSets(centres, K <= L)
  let session: LpSession | undefined
  let x = new Float64Array(0)
  let bound = Infinity
  let rounds = 0
  let allColumns = K <= L
  const maxRounds = options.maxRounds ?? 15
  const allFixed = fixed.every((f) => f)
  try {
    for (;;) {
      if (session === undefined) session = solver(buildModel(cands, centres))
      const result = session.solve()
      rounds++
      if (result.status !== 'optimal') {
        session.dispose()
        session = undefined
        if (!allColumns) {
          allColumns = true
          cands = candidateSets(centres, true)
          continue
        }
        return { ok: false, reason: infeasibleReason(accounts, bands, bandMean, locked, current, maxMoved) }
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
      // relocate: weighted centroid of each territory's (fractional) accounts
      const next = relocate(cands, x, centres, fixed)
      const nextCands = candidateSets(next, allColumns)
      const changed = nextCands.reduce((s, set, i) => s + (sameSet(set, cands[i] as number[]) ? 0 : 1), 0)
      centres.splice(0, K, ...next)
      if (changed > 0.01 * n) {
        session.dispose()
        session = undefined
        cands = nextCands
      } else {
        const costs = new Float64Array(x.length)
        let col = 0
        cands.forEach((set, i) => {
          for (const j of set) costs[col++] = costOf(i, j, centres)
        })
        session.setCosts(costs)
      }
    }
    x = Float64Array.from(iterativeRounding(session, x))
  } finally {
    session?.dispose()
  }

  // largest-share rounding
  const asg = new Int32Array(n)
  let splits = 0
  let col = 0
  cands.forEach((set, i) => {
    let best = -1
    let bestShare = -1
    for (const j of set) {
      const share = x[col++] as number
      if (share > bestShare + 1e-9) {
        bestShare = share
        best = j
      }
    }
    if (bestShare < 1 - 1e-6) splits++
    asg[i] = best
  })

  const graph = options.graph ?? neighbourGraph(accounts)
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
    maxMoved,
    cost: (i, j) => costOf(i, j, centres),
    edges: graph.edges,
  })
  const planCostNow = (): number => {
    let total = 0
    for (let i = 0; i < n; i++) total += costOf(i, asg[i] as number, centres)
    return total
  }
  const rounded = planCostNow()
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
      repairMoves: repairMoves + after,
      swaps,
      improvingMoves,
      contiguityMoves,
      outsideBand: state.outside(),
      stageCosts: { rounded, repaired, improved, final: planCost },
    },
  }

  /**
   * Iterative LP rounding: each split account is pinned to its largest share (its other columns get a
   * prohibitive cost) and the LP is re-solved warm, so the rest of the plan re-balances around it at
   * least cost; repeated until no account is split or pinning stops paying. Greedy band repair then
   * only has the last few splits (if any) to fix.
   */
  function iterativeRounding(lp: LpSession, start: Float64Array): Float64Array {
    const pinned = new Int32Array(n).fill(-1)
    let best: Float64Array = start
    for (let it = 0; it < ROUNDING_PASSES; it++) {
      let k = 0
      let fresh = 0
      cands.forEach((set, i) => {
        let top = -1
        let share = -1
        for (const j of set) {
          const v = best[k++] as number
          if (v > share + 1e-9) {
            share = v
            top = j
          }
        }
        if (share < 1 - 1e-6 && pinned[i] === -1) {
          pinned[i] = top
          fresh++
        }
      })
      if (fresh === 0) break
      const costs = new Float64Array(best.length)
      const barred = new Uint8Array(best.length)
      k = 0
      cands.forEach((set, i) => {
        const pin = pinned[i] as number
        for (const j of set) {
          const c = costOf(i, j, centres)
          if (pin >= 0 && j !== pin) {
            costs[k] = PIN_COST * (1 + c)
            barred[k] = 1
          } else costs[k] = c
          k++
        }
      })
      lp.setCosts(costs)
      const result = lp.solve()
      if (result.status !== 'optimal') break
      const next = Float64Array.from(result.x)
      if (next.some((v, c) => barred[c] === 1 && v > 1e-7)) break
      best = next
    }
    return best
  }

  function relocate(
    sets: readonly number[][],
    share: Float64Array,
    c: readonly PlanePoint[],
    isFixed: readonly boolean[],
  ): PlanePoint[] {
    const sx = new Float64Array(K)
    const sy = new Float64Array(K)
    const sw = new Float64Array(K)
    let k = 0
    sets.forEach((set, i) => {
      const p = pts[i] as PlanePoint
      for (const j of set) {
        const w = (share[k++] as number) * (weight[i] as number)
        if (w <= 0) continue
        sx[j] = (sx[j] as number) + w * p.x
        sy[j] = (sy[j] as number) + w * p.y
        sw[j] = (sw[j] as number) + w
      }
    })
    return c.map((old, j) =>
      isFixed[j] || (sw[j] as number) <= 0
        ? old
        : { x: (sx[j] as number) / (sw[j] as number), y: (sy[j] as number) / (sw[j] as number) },
    )
  }
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false
  return true
}

function emptyStats(): BalanceStats {
  return {
    rounds: 0,
    splits: 0,
    lpBound: 0,
    planCost: 0,
    gapToBound: null,
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
  maxMoved: number | undefined,
): string {
  const blocker = bandBlocker(accounts, bands, bandMean, locked, current)
  if (blocker !== undefined) return blocker
  if (maxMoved !== undefined)
    return `no plan meets the bands while moving at most ${String(maxMoved)} accounts: raise --max-moved or widen the bands`
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
  readonly maxMoved: number | undefined
  readonly cost: (i: number, j: number) => number
  /** neighbour graph: when given, repair and improving moves keep territories in one piece */
  readonly edges?: NeighbourGraph['edges']
}

/** Integer-plan repair: band moves, pair swaps, improving moves and piece clean-up. */
export function createRepairState(input: RepairInput) {
  const { n, K, asg, cands, bands, bandMean, value, locked, current, maxMoved, cost } = input
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
  let moved = 0
  for (let i = 0; i < n; i++) if ((current[i] ?? -1) >= 0 && asg[i] !== current[i]) moved++
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
    moved += movedDelta(i, to)
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
  const canMove = (i: number, t: number): boolean =>
    !locked[i] && asg[i] !== t && (maxMoved === undefined || moved + movedDelta(i, t) <= maxMoved)
  const violating = (): number[] => {
    const out: number[] = []
    for (let j = 0; j < K; j++) if (violation(j) > 1e-12) out.push(j)
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
      for (let i = 0; i < n; i++) {
        const s = asg[i] as number
        for (const t of cands[i] ?? []) {
          if (!badSet.has(s) && !badSet.has(t)) continue
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
              if (maxMoved !== undefined && moved + movedDelta(i, t) + movedDelta(k, s) > maxMoved) continue
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
          const movedAfter = list.reduce((m, i) => m + movedDelta(i, t), moved)
          if (maxMoved !== undefined && movedAfter > maxMoved) continue
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
              if (maxMoved !== undefined && moved + movedDelta(a.i, t) + movedDelta(b.i, s) > maxMoved)
                continue
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
