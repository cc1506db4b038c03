/** Value labels that the SVG and the text charts share. */
import type { Fmt } from './types.js'

/** The typographic minus sign (U+2212), wider than a hyphen and the width of a plus. */
export const MINUS = '\u2212'

/** "+12" / "−12" for changes; the format sees the magnitude only. */
export function signed(format: Fmt, value: number): string {
  if (value > 0) return `+${format(value)}`
  if (value < 0) return `${MINUS}${format(-value)}`
  return format(0)
}

/** A rate as a percentage with one decimal: 0.1234 → "12.3%". */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}
