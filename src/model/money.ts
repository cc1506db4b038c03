/**
 * Money is an integer number of cents (the currency's minor unit) from parse to render. Only a
 * business rule that says so rounds, and it documents how.
 */
export type Cents = number & { readonly __brand: 'Cents' }

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`)
  return n as Cents
}

/** Currency units to cents, rounding half away from zero (for tests and config values). */
export function fromUnits(units: number): Cents {
  const scaled = Math.abs(units) * 100
  const rounded = Math.round(Number(scaled.toPrecision(15)))
  return (units < 0 ? -rounded : rounded) as Cents
}

/** Cents as a plain decimal string with at most two decimals: 105450 → "1054.5", -5 → "-0.05". */
export function centsToDecimal(value: number): string {
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const whole = Math.floor(abs / 100)
  const frac = abs % 100
  if (frac === 0) return `${sign}${whole}`
  const digits = String(frac).padStart(2, '0').replace(/0$/, '')
  return `${sign}${whole}.${digits}`
}
