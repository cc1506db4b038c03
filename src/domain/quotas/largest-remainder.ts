/**
 * Splitting an amount of cents in proportion to weights so that the parts add up exactly: the
 * largest-remainder (Hamilton) method. PURE.
 */

/**
 * Each part is first floor(total × weight ÷ Σ weights); the cents still missing go, one each, to the
 * parts with the largest fractional remainders. Ties (equal remainders, within 1e-9 of a cent) go to
 * the larger weight, then to the earlier position in `weights`: callers pass their items in a
 * documented order (quotas: rep id ascending), so the result is deterministic. Zero weights get 0.
 * When every weight is 0 the result is null (nothing to split by).
 *
 * @example
 * // 100.00 over 1 : 1 : 1 → 3333.33… cents each, floors 3333 × 3 = 9999, 1 cent left → first part
 * largestRemainder(10000, [1, 1, 1]) // [3334, 3333, 3333]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] | null {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`not a whole number of cents: ${total}`)
  let sumWeights = 0
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`not a non-negative weight: ${w}`)
    sumWeights += w
  }
  if (sumWeights === 0) return weights.length === 0 && total === 0 ? [] : null
  const parts: number[] = []
  const fractions: number[] = []
  let assigned = 0
  for (const w of weights) {
    const exact = (total * w) / sumWeights
    const floor = Math.floor(exact + 1e-9)
    parts.push(floor)
    fractions.push(w === 0 ? -1 : exact - floor)
    assigned += floor
  }
  const order = weights
    .map((_, i) => i)
    .filter((i) => (weights[i] ?? 0) > 0)
    .sort((a, b) => {
      const byFraction = (fractions[b] ?? 0) - (fractions[a] ?? 0)
      if (Math.abs(byFraction) > 1e-9) return byFraction
      const byWeight = (weights[b] ?? 0) - (weights[a] ?? 0)
      return byWeight !== 0 ? byWeight : a - b
    })
  // floating error can leave the floors one cent off in either direction: walk the order until exact
  let left = total - assigned
  for (let k = 0; left !== 0 && order.length > 0; k++) {
    const i = order[(left > 0 ? k : order.length - 1 - k) % order.length] ?? 0
    if (left < 0 && (parts[i] ?? 0) === 0) continue
    parts[i] = (parts[i] ?? 0) + (left > 0 ? 1 : -1)
    left += left > 0 ? -1 : 1
  }
  return parts
}
