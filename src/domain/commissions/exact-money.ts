/**
 * Money × fraction with exact integer arithmetic. Fractions (rates, credit shares, attainment
 * thresholds) are taken to six decimals (millionths); the product is rounded once, half away from
 * zero, to the cent. No floating-point error can turn 0.5 cents into 0.4999….
 */
import type { Cents } from '../../model/money.js'

const SCALE = 1_000_000n

/** A fraction in millionths: 0.125 → 125000. */
export function millionths(fraction: number): bigint {
  return BigInt(Math.round(fraction * 1_000_000))
}

/**
 * cents × fraction, rounded half away from zero to the cent.
 *
 * @example
 *   mulFraction(12345, 0.1) //=> 1235 (1234.5 rounds away from zero)
 *   mulFraction(-12345, 0.1) //=> -1235
 */
export function mulFraction(amount: number, fraction: number): Cents {
  const product = BigInt(amount) * millionths(fraction)
  const quotient = product / SCALE
  const remainder = product % SCALE
  const abs = remainder < 0n ? -remainder : remainder
  const adjust = abs * 2n >= SCALE ? (product < 0n ? -1n : 1n) : 0n
  return Number(quotient + adjust) as Cents
}
