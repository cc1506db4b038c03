import type { Random } from '../domain/shared/random.js'

/** Independent, reproducible sub-streams of one seed: the deals never shift when the leads change. */
export function subSeed(seed: number, stream: number): number {
  return (Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(stream + 1, 0x85ebca6b)) >>> 0
}

/** One key of a weight table, with probability proportional to its weight. */
export function pickWeighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][]
  let total = 0
  for (const [, w] of entries) total += w
  let x = random.next() * total
  for (const [key, w] of entries) {
    x -= w
    if (x < 0) return key
  }
  const last = entries[entries.length - 1]
  if (last === undefined) throw new RangeError('pick from an empty weight table')
  return last[0]
}

/** Index into a non-decreasing cumulative weight array, proportional to the weights. */
export function pickCumulative(random: Random, cumulative: ArrayLike<number>): number {
  const n = cumulative.length
  const total = cumulative[n - 1] ?? 0
  const x = random.next() * total
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cumulative[mid] ?? 0) > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** exp(sigma * N(0,1)): a multiplicative noise factor with median 1. */
export function logNormal(random: Random, sigma: number): number {
  return Math.exp(sigma * random.normal())
}

export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random.next()
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
