/**
 * Integer division with an explicit rounding rule, exact for any safe-integer inputs (BigInt inside,
 * so `target × won_deals` cannot lose digits above 2^53).
 */

/**
 * ⌈numerator ÷ denominator⌉ for numerator ≥ 0 and denominator > 0.
 *
 * @example ceilDiv(20_000_000, 1_250_004) //=> 16  (15.99994… rounded up)
 */
export function ceilDiv(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('ceilDiv needs n ≥ 0 and d > 0')
  return Number((numerator + denominator - 1n) / denominator)
}

/**
 * numerator ÷ denominator rounded half away from zero to a whole number (money in cents), for
 * denominator > 0.
 *
 * @example divideHalfAway(1_250_004, 8) //=> 156251  (156,250.5 → away from zero)
 */
export function divideHalfAway(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('divideHalfAway needs a denominator above 0')
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  const magnitude = n < 0n ? -n : n
  const rounded = (2n * magnitude + d) / (2n * d)
  return Number(n < 0n ? -rounded : rounded)
}
