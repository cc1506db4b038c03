/** Numbers as the rule text of statements shows them. */

/** 0.125 → "12.5%", 1 → "100%" (up to four decimals of a percent). */
export function pct(fraction: number): string {
  return `${String(Number((fraction * 100).toFixed(4)))}%`
}

/** Cents as currency units with two decimals: 1234567 → "12345.67", -5 → "-0.05". */
export function units(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${String(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`
}
