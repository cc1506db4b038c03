/**
 * Options shared by every command, their parsers (which throw InvalidArgumentError → exit 2), and
 * the one place where the clock is read: the `--as-of` default.
 */
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { calendarDate, parseIsoDate } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { encodingFromName } from '../io/decode.js'
import type { EncodingName } from '../io/decode.js'
import { dateFormats, parseAmount, parseProbability } from '../io/values.js'
import type { Cents } from '../model/money.js'
import type { DateFormat } from '../io/values.js'

export const outputFormats = ['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown'] as const
export type OutputFormat = (typeof outputFormats)[number]
/** the formats of `salesops report` only: a terminal page and a self-contained HTML file */
export const reportOnlyFormats = ['terminal', 'html'] as const
export type FormatChoice = OutputFormat | (typeof reportOnlyFormats)[number]

/** Today as a calendar date in the machine's time zone: the default of --as-of, read once. */
export function today(): CalendarDate {
  const now = new Date()
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? (0 as CalendarDate)
}

export function parseDateOption(value: string): CalendarDate {
  const d = parseIsoDate(value.trim())
  if (d === undefined) throw new InvalidArgumentError('not a date: expected YYYY-MM-DD, e.g. 2026-03-31')
  return d
}

export function parsePositiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number above 0')
  return n
}

export function parseNonNegativeInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more')
  return n
}

function parseMonth(value: string): number {
  const names = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  const byName = names.indexOf(value.trim().toLowerCase().slice(0, 3)) + 1
  const n = byName > 0 ? byName : Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 12)
    throw new InvalidArgumentError('expected a month: 1–12 or a name like Feb')
  return n
}

function parseEncoding(value: string): EncodingName {
  const e = encodingFromName(value)
  if (e === undefined) throw new InvalidArgumentError('expected utf-8, utf-16le, utf-16be or windows-1252')
  return e
}

function parseDateFormat(value: string): DateFormat {
  const v = value.trim().toLowerCase()
  const aliases: Record<string, DateFormat> = {
    'm/d/y': 'mdy',
    'mm/dd/yyyy': 'mdy',
    'd/m/y': 'dmy',
    'dd/mm/yyyy': 'dmy',
    'd.m.y': 'dmy-dot',
    'dd.mm.yyyy': 'dmy-dot',
    'yyyy-mm-dd': 'iso',
    excel: 'excel-serial',
  }
  const f = aliases[v] ?? (dateFormats as readonly string[]).find((x) => x === v)
  if (f === undefined)
    throw new InvalidArgumentError(`expected one of ${dateFormats.join(', ')} (or M/D/Y, D/M/Y, D.M.Y)`)
  return f as DateFormat
}

function parseMapping(value: string, previous: string[]): string[] {
  if (!/^[a-z_]+=.+$/.test(value.trim()))
    throw new InvalidArgumentError('expected FIELD=Header, e.g. --map amount="Total Value"')
  return [...previous, value.trim()]
}

function parseCurrencyCode(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value.trim()))
    throw new InvalidArgumentError('expected a 3-letter currency code such as USD')
  return value.trim().toUpperCase()
}

function parseLocale(value: string): string {
  try {
    return new Intl.Locale(value.trim().replace('_', '-')).toString()
  } catch {
    throw new InvalidArgumentError('expected a locale such as en-US or de-DE')
  }
}

/** Every option shared by all commands (commander recognises them before or after the command name). */
export function addGlobalOptions(program: Command): void {
  program
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: table on a terminal, csv when piped; report: terminal, html or markdown)',
      ).choices([...outputFormats, ...reportOnlyFormats]),
    )
    .option(
      '-o, --out <file>',
      'write the data to FILE atomically (format from its extension unless --format)',
    )
    .option('--config <file>', 'config file (default: ./salesops.config.json or .yaml if present)')
    .option('--as-of <date>', 'the day taken as "today", YYYY-MM-DD (default: today)', parseDateOption)
    .option('--currency <code>', 'currency of amounts (and the target of --fx)', parseCurrencyCode)
    .option(
      '--locale <locale>',
      'number and date conventions, e.g. en-US, de-DE (also reads D/M vs M/D dates)',
      parseLocale,
    )
    .option('--fiscal-year-start <month>', 'first month of the fiscal year, 1–12 or a name', parseMonth)
    .option('--profile <name>', 'force a CRM profile (see inspect) instead of detecting it')
    .option('--map <field=header>', 'map a column to a canonical field (repeatable)', parseMapping, [])
    .option(
      '--encoding <name>',
      'force the input encoding: utf-8, utf-16le, utf-16be, windows-1252',
      parseEncoding,
    )
    .option('--date-format <format>', `how to read date cells: ${dateFormats.join(', ')}`, parseDateFormat)
    .option('--sheet <name>', 'worksheet of an .xlsx input (default: the first)')
    .option('--skip-invalid', 'go on without invalid rows (they are counted on stderr)')
    .option(
      '--rejects <file>',
      'with --skip-invalid: write every skipped row there, verbatim plus an _error column',
    )
    .option('--fx <file>', 'exchange rates (columns currency,rate: units of --currency per one unit)')
    .option('--no-csv-guard', 'do not neutralise spreadsheet formulas in text cells of csv/tsv output')
    .option('--totals', 'add the totals row to machine formats too')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('-q, --quiet', 'no warnings or progress on stderr')
    .option('--explain', 'print the definitions and formulas used, to stderr')
}

export interface GlobalOptions {
  format?: FormatChoice
  out?: string
  config?: string
  asOf?: CalendarDate
  currency?: string
  locale?: string
  fiscalYearStart?: number
  profile?: string
  map: string[]
  encoding?: EncodingName
  dateFormat?: DateFormat
  sheet?: string
  skipInvalid?: boolean
  rejects?: string
  fx?: string
  csvGuard: boolean
  totals?: boolean
  color: boolean
  quiet?: boolean
  explain?: boolean
}

/** Input files by kind, shared by commands that take several kinds. */
export function addInputOption(command: Command, kind: string, description: string): Command {
  return command.option(`--${kind} <files...>`, description)
}

/** `--by a,b`: a comma-separated list of fields among `allowed`. */
export function groupByParser<F extends string>(allowed: readonly F[]): (value: string) => F[] {
  return (value) => {
    const fields = value
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '')
    for (const f of fields) {
      if (!(allowed as readonly string[]).includes(f)) {
        throw new InvalidArgumentError(`cannot group by "${f}"; one of ${allowed.join(', ')}`)
      }
    }
    return fields as F[]
  }
}

/** The KPI switches shared by kpi and reps (kpi-definitions.md §4). */
export function kpiSwitchOptions(): [Option, Option, Option] {
  return [
    new Option('--win-rate-basis <basis>', 'closed: won ÷ (won + lost); created: won ÷ created')
      .choices(['closed', 'created'])
      .default('closed'),
    new Option('--cycle-basis <basis>', 'cycle over won deals or over won and lost')
      .choices(['won', 'closed'])
      .default('won'),
    new Option('--coverage-basis <basis>', 'pipeline coverage against the remaining or the full quota')
      .choices(['remaining', 'quota'])
      .default('remaining'),
  ]
}

/** `12,000,000`, `1.2e7`, `$12,000,000.50` → cents; anything else, or ≤ 0, exits 2. */
export function parseAmountOption(value: string): Cents {
  const amount = parseAmount(value, 'dot')
  if (amount === undefined || amount.cents <= 0) {
    throw new InvalidArgumentError('expected an amount above 0, e.g. 1000000, 1,000,000, 1e6 or 250000.50')
  }
  return amount.cents as Cents
}

/** `2027` or `FY2027` → 2027 (a fiscal year, named by the calendar year it ends in). */
export function parseYearOption(value: string): number {
  const year = Number(value.trim().replace(/^FY/i, ''))
  if (!Number.isInteger(year) || year < 1900 || year > 9998) {
    throw new InvalidArgumentError('expected a fiscal year such as 2027 or FY2027')
  }
  return year
}

/** A number of days: `30` or `30d`, 0 or more. */
export function parseDaysOption(value: string): number {
  const n = Number(value.trim().replace(/d$/i, ''))
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError('expected a number of days, 0 or more, e.g. 30 or 30d')
  }
  return n
}

/** `25%`, `25 %` or `0.25` → 0.25 (no range check); undefined when not a number. */
export function shareValue(text: string): number | undefined {
  const t = text.trim()
  return t === '' ? undefined : parseProbability(t, 'fraction', 'dot')
}

/** A share from 0 to 1 inclusive: `75%` or `0.75`. */
export function parseShareOption(value: string): number {
  const n = shareValue(value)
  if (n === undefined || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a share such as 0.75 or 75%')
  return n
}

/** A weight or penalty: any number from 0 up (`--disruption 0.5`, `--travel 2`). */
export function parseWeightOption(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number ≥ 0, e.g. 0.5')
  return n
}

/** Ids separated by commas, the option repeatable: `--lock A-1,A-2 --lock A-3` → three ids. */
export function parseIdList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ]
}
