/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), with no time and no zone.
 *
 * A close date of 2025-03-31 is the number 20178 everywhere: in Los Angeles, in Berlin, in CI.
 * Nothing here constructs a `Date`, so no time-zone offset can ever move a day (the classic
 * `new Date('2025-03-31')` is UTC midnight, i.e. March 30 in the Americas).
 */
export type CalendarDate = number & { readonly __brand: 'CalendarDate' }

/** Days from 1970-01-01 to y-m-d; m is 1..12. Howard Hinnant's days_from_civil. */
export function daysFromCivil(y: number, m: number, d: number): CalendarDate {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const mp = m > 2 ? m - 3 : m + 9
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return (era * 146097 + doe - 719468) as CalendarDate
}

export interface Ymd {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** The inverse of `daysFromCivil`. */
export function civilFromDays(days: CalendarDate | number): Ymd {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Years whose month starts are in a table (a file's dates are mostly in these; others are computed). */
const TABLE_FIRST_YEAR = 1900
const TABLE_YEARS = 300
/** The day of the 1st of each month of the table's years, and of the month after the last. */
const monthStarts = new Int32Array(TABLE_YEARS * 12 + 1)
for (let i = 0; i <= TABLE_YEARS * 12; i++)
  monthStarts[i] = daysFromCivil(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1)

/** A valid date or undefined (2024-02-30 is not a date). */
export function calendarDate(y: number, m: number, d: number): CalendarDate | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined
  if (m >= 1 && m <= 12 && y >= TABLE_FIRST_YEAR && y < TABLE_FIRST_YEAR + TABLE_YEARS) {
    // two table reads instead of the arithmetic: a parser calls this for every date cell
    const i = (y - TABLE_FIRST_YEAR) * 12 + m - 1
    const start = monthStarts[i] ?? 0
    return d >= 1 && d <= (monthStarts[i + 1] ?? 0) - start ? ((start + d - 1) as CalendarDate) : undefined
  }
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined
  return daysFromCivil(y, m, d)
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** `YYYY-MM-DD` */
export function formatIsoDate(days: CalendarDate | number): string {
  const { year, month, day } = civilFromDays(days)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** Parses exactly `YYYY-MM-DD`; anything else is undefined. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  return calendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))
}

/** ISO weekday, Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function isoWeekday(days: CalendarDate | number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1
}

export function addDays(days: CalendarDate, n: number): CalendarDate {
  return (days + n) as CalendarDate
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(days: CalendarDate, n: number): CalendarDate {
  const { year, month, day } = civilFromDays(days)
  const index = year * 12 + (month - 1) + n
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)))
}
