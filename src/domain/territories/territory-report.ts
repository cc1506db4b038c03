/**
 * `territories report`: how balanced, compact and contiguous an alignment is, per territory and
 * overall. Definitions in docs/metrics.md.
 */
import { haversineKm, weightedCentre } from './geometry.js'
import { neighbourGraph, pieceOf } from './neighbour-graph.js'
import type { NeighbourGraph } from './neighbour-graph.js'
import { attributeValue } from './territory-account.js'
import type { BalanceAttribute, TerritoryAccount } from './territory-account.js'

export interface TerritoryRow {
  readonly territory: string
  readonly accounts: number
  /** cents */
  readonly potential: number
  readonly workload: number
  /** value ÷ mean over territories − 1 (null when the mean is 0) */
  readonly potential_dev: number | null
  readonly workload_dev: number | null
  readonly accounts_dev: number | null
  /** potential-weighted mean great-circle distance of its accounts to its potential-weighted centre */
  readonly mean_distance_km: number | null
  /** connected pieces of its accounts on the neighbour graph */
  readonly pieces: number
}

export interface TerritorySummary {
  readonly territories: number
  /** largest ÷ smallest territory potential (null when the smallest is 0) */
  readonly max_min_ratio: number | null
  /** coefficient of variation of territory potential: population standard deviation ÷ mean */
  readonly cv: number | null
  /** largest |deviation| over the balanced attributes */
  readonly worst_dev: number | null
  /** share of territories in one piece */
  readonly contiguous_share: number | null
  /** potential-weighted mean distance to the territory centre, over all accounts */
  readonly mean_distance_km: number | null
}

export interface TerritoryReport {
  readonly rows: readonly TerritoryRow[]
  readonly summary: TerritorySummary
}

export interface TerritoryReportOptions {
  /** attributes whose deviations count in worst_dev (default potential, workload) */
  readonly balance?: readonly BalanceAttribute[]
  /** territories to report even when empty (e.g. all ids of a plan) */
  readonly territories?: readonly string[]
  /** a precomputed neighbour graph of the same accounts */
  readonly graph?: NeighbourGraph
}

const UNASSIGNED = '(none)'

/**
 * One row per territory (sorted by id), and the summary. Accounts without a territory form the
 * territory `(none)`.
 * @example
 * // two territories of one account each, potentials 300 and 100 cents: mean 200,
 * // potential_dev +0.5 and −0.5, max_min_ratio 3, cv 0.5
 */
export function territoryReport(
  accounts: readonly TerritoryAccount[],
  options: TerritoryReportOptions = {},
): TerritoryReport {
  const balance = options.balance ?? ['potential', 'workload']
  const ids = new Set<string>(options.territories ?? [])
  for (const a of accounts) ids.add(a.territory ?? UNASSIGNED)
  const order = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const index = new Map(order.map((id, k) => [id, k]))
  const groupOf = accounts.map((a) => index.get(a.territory ?? UNASSIGNED) as number)
  const graph = options.graph ?? neighbourGraph(accounts)
  const piece = pieceOf(groupOf, graph.edges)
  const members: number[][] = order.map(() => [])
  accounts.forEach((_, i) => members[groupOf[i] as number]?.push(i))
  const totals = (attribute: BalanceAttribute) =>
    members.map((m) => m.reduce((s, i) => s + attributeValue(accounts[i] as TerritoryAccount, attribute), 0))
  const sums = { potential: totals('potential'), workload: totals('workload'), accounts: totals('accounts') }
  const k = order.length
  const meanOf = (v: number[]) => (k === 0 ? 0 : v.reduce((s, x) => s + x, 0) / k)
  const means = {
    potential: meanOf(sums.potential),
    workload: meanOf(sums.workload),
    accounts: meanOf(sums.accounts),
  }
  const dev = (attribute: BalanceAttribute, t: number): number | null =>
    means[attribute] === 0 ? null : (sums[attribute][t] ?? 0) / means[attribute] - 1
  let distSum = 0
  let distWeight = 0
  const rows = order.map((territory, t): TerritoryRow => {
    const m = members[t] ?? []
    const pts = m.map((i) => accounts[i] as TerritoryAccount)
    const weights = pts.map((a) => a.potential)
    const centre = weightedCentre(pts, weights)
    const totalW = weights.reduce((s, w) => s + w, 0)
    let d = 0
    for (let j = 0; j < pts.length; j++) {
      const a = pts[j] as TerritoryAccount
      const w = totalW > 0 ? a.potential : 1
      const km = centre === null ? 0 : haversineKm(a.lat, a.lon, centre.lat, centre.lon)
      d += w * km
      distSum += w * km
    }
    const wsum = totalW > 0 ? totalW : pts.length
    distWeight += wsum
    return {
      territory,
      accounts: m.length,
      potential: sums.potential[t] ?? 0,
      workload: sums.workload[t] ?? 0,
      potential_dev: dev('potential', t),
      workload_dev: dev('workload', t),
      accounts_dev: dev('accounts', t),
      mean_distance_km: wsum === 0 ? null : d / wsum,
      pieces: new Set(m.map((i) => piece[i])).size,
    }
  })
  const pot = sums.potential
  const max = Math.max(...pot)
  const min = Math.min(...pot)
  const mu = means.potential
  const variance = k === 0 ? 0 : pot.reduce((s, x) => s + (x - mu) ** 2, 0) / k
  let worst: number | null = null
  for (const attribute of balance)
    for (let t = 0; t < k; t++) {
      const v = dev(attribute, t)
      if (v !== null) worst = Math.max(worst ?? 0, Math.abs(v))
    }
  return {
    rows,
    summary: {
      territories: k,
      max_min_ratio: k === 0 || min <= 0 ? null : max / min,
      cv: k === 0 || mu === 0 ? null : Math.sqrt(variance) / mu,
      worst_dev: worst,
      contiguous_share: k === 0 ? null : rows.filter((r) => r.pieces <= 1).length / k,
      mean_distance_km: distWeight === 0 ? null : distSum / distWeight,
    },
  }
}
