import { formatIsoDate } from '../model/calendar-date.js'
import { centsToDecimal } from '../model/money.js'

/** Plain CSV cell values: dot decimals without float noise, ISO dates, '' for missing. */
export function moneyCell(cents: number | undefined): string {
  return cents === undefined ? '' : centsToDecimal(cents)
}

export function dateCell(date: number | undefined): string {
  return date === undefined ? '' : formatIsoDate(date)
}

/** Coordinates with four decimals (about 10 m), enough for travel distances. */
export function coordinateCell(degrees: number): string {
  const text = degrees.toFixed(4)
  return text === '-0.0000' ? '0.0000' : text
}

/** Whole currency units and a rounding step to integer cents: (12345, 100) → 1230000. */
export function roundedCents(units: number, step: number): number {
  return Math.max(step, Math.round(units / step) * step) * 100
}
