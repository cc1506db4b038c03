/**
 * Calendar period labels in input files (quotas, spend): `2026-Q1`, `Q1 2026`, `2026-03`,
 * `03/2026`, `2026`, `FY2026`. Fiscal periods are resolved by the domain's period helpers; here a
 * label is read as calendar quarter/month/year.
 */
import { addDays, addMonths, calendarDate } from './calendar-date.js'
import type { CalendarDate } from './calendar-date.js'

export interface PeriodRange {
  readonly start: CalendarDate
  /** inclusive */
  readonly end: CalendarDate
  /** normalised label: `2026-Q1`, `2026-03`, `2026` */
  readonly label: string
}

function range(year: number, month: number, months: number, label: string): PeriodRange | undefined {
  const start = calendarDate(year, month, 1)
  if (start === undefined) return undefined
  return { start, end: addDays(addMonths(start, months), -1), label }
}

export function parsePeriodLabel(raw: string): PeriodRange | undefined {
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ')
  let m = /^(?:FY ?)?(\d{4})[- /]?Q([1-4])$/.exec(text) ?? null
  if (m !== null) return range(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3, `${m[1]}-Q${m[2]}`)
  m = /^Q([1-4])[- /]?(?:FY ?)?(\d{4})$/.exec(text)
  if (m !== null) return range(Number(m[2]), (Number(m[1]) - 1) * 3 + 1, 3, `${m[2]}-Q${m[1]}`)
  m = /^(\d{4})-(\d{1,2})$/.exec(text)
  if (m !== null) return range(Number(m[1]), Number(m[2]), 1, `${m[1]}-${m[2]?.padStart(2, '0') ?? ''}`)
  m = /^(\d{1,2})\/(\d{4})$/.exec(text)
  if (m !== null) return range(Number(m[2]), Number(m[1]), 1, `${m[2]}-${m[1]?.padStart(2, '0') ?? ''}`)
  m = /^(?:FY ?)?(\d{4})$/.exec(text)
  if (m !== null) return range(Number(m[1]), 1, 12, m[1] ?? '')
  return undefined
}
