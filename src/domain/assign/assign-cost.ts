/**
 * The cost of giving an account to a rep (reference: territories.md §4.1), in points:
 *
 *   cost(a, r) = mismatch · (fit criteria missed)
 *              + continuity · (0.5 + potential_a / mean potential) · [r is not a's current owner]
 *              + travel · km(a, home_r) / 100
 *
 * A fit criterion counts only when both sides carry a value: `industry` and `segment` match when
 * the rep's `skills` list the account's value, `region` when the regions are equal (case-insensitive).
 * Continuity counts only for accounts whose current owner is an eligible rep (nobody can keep a
 * departed owner). Distance counts only when the account has lat/lon and the rep a home base.
 * Points are kept in hundredths (integers) so that the flow arithmetic is exact.
 */
import type { Account } from '../../model/account.js'
import type { Rep } from '../../model/rep.js'

export const fitFields = ['industry', 'segment', 'region'] as const
export type FitField = (typeof fitFields)[number]

export interface CostWeights {
  /** points per fit criterion missed (default 150) */
  readonly mismatch: number
  /** points for moving an account of average potential away from its owner, ×(0.5 + p/p̄) (default 100) */
  readonly continuity: number
  /** points per 100 km between the account and the rep's home base (default 100) */
  readonly travel: number
}

export const defaultWeights: CostWeights = { mismatch: 150, continuity: 100, travel: 100 }

const norm = (s: string | undefined): string | undefined => {
  const t = s?.trim().toLowerCase()
  return t === undefined || t === '' ? undefined : t
}

/** Great-circle distance in km (haversine, Earth radius 6,371 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

interface RepKey {
  readonly skills: ReadonlySet<string>
  readonly region: string | undefined
  readonly lat: number | undefined
  readonly lon: number | undefined
}

export interface CostModel {
  /** hundredths of a point, `cost[a * reps + r]` */
  readonly costs: Float64Array
  /** fit criteria met ÷ criteria that applied (null when none applied), `fit[a * reps + r]` */
  readonly fit: (a: number, r: number) => number | null
  /** the eligible rep index of each account's current owner, or -1 */
  readonly ownerIndex: Int32Array
  readonly meanPotential: number | null
}

/**
 * Cost matrix of accounts × eligible reps.
 *
 * @example
 * // an Enterprise account owned by r0, potential at the mean; r1 is Enterprise-skilled, r0 not;
 * // --fit segment, continuity 100 → r0: 150 (miss), r1: 150 (0.5 + 1)·100 → both 15000 hundredths
 */
export function buildCosts(
  accounts: readonly Account[],
  reps: readonly Rep[],
  ownerOf: (account: Account) => number,
  fit: readonly FitField[],
  weights: CostWeights,
): CostModel {
  const m = reps.length
  const keys: RepKey[] = reps.map((r) => ({
    skills: new Set(r.skills.map((s) => s.trim().toLowerCase())),
    region: norm(r.region),
    lat: r.home_lat,
    lon: r.home_lon,
  }))
  const potentials = accounts.flatMap((a) => (a.potential === undefined ? [] : [a.potential]))
  const meanPotential =
    potentials.length === 0 ? null : potentials.reduce((s, p) => s + p, 0) / potentials.length
  const costs = new Float64Array(accounts.length * m)
  const ownerIndex = new Int32Array(accounts.length)
  const misses = (a: Account, key: RepKey): [missed: number, applied: number] => {
    let missed = 0
    let applied = 0
    for (const field of fit) {
      if (field === 'region') {
        const region = norm(a.region)
        if (region === undefined || key.region === undefined) continue
        applied++
        if (region !== key.region) missed++
      } else {
        const value = norm(a[field])
        if (value === undefined) continue
        applied++
        if (!key.skills.has(value)) missed++
      }
    }
    return [missed, applied]
  }
  accounts.forEach((account, i) => {
    const owner = ownerOf(account)
    ownerIndex[i] = owner
    const share =
      meanPotential === null || meanPotential === 0 || account.potential === undefined
        ? 1
        : account.potential / meanPotential
    const moveCost = weights.continuity * (0.5 + share)
    keys.forEach((key, r) => {
      let points = weights.mismatch * misses(account, key)[0]
      if (owner >= 0 && owner !== r) points += moveCost
      if (
        account.lat !== undefined &&
        account.lon !== undefined &&
        key.lat !== undefined &&
        key.lon !== undefined
      )
        points += (weights.travel * haversineKm(account.lat, account.lon, key.lat, key.lon)) / 100
      costs[i * m + r] = Math.round(points * 100)
    })
  })
  return {
    costs,
    ownerIndex,
    meanPotential,
    fit: (a, r) => {
      const account = accounts[a]
      const key = keys[r]
      if (account === undefined || key === undefined) return null
      const [missed, applied] = misses(account, key)
      return applied === 0 ? null : (applied - missed) / applied
    },
  }
}
