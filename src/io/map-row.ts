/**
 * One CSV row (cells + physical line) → one typed record or the row's issues. PURE.
 *
 * Columns are resolved once (header match, inferred formats); each row then runs compiled
 * per-column parsers and the entity's own rules (a deal needs a stage or status, a close date when
 * won or lost, ...). Records are plain objects with every key present, so that a million of them
 * share one shape. zod describes the records (src/model); it is not run per row, which measured
 * 2–3 s per million rows (docs/design.md).
 */
import type { RowIssue } from '../errors.js'
import type { CalendarDate } from '../model/calendar-date.js'
import type { EntityName, FieldKind } from '../model/cells.js'
import type { Deal, DealStatus } from '../model/deal.js'
import type { StageChange } from '../model/stage-change.js'
import { entitySpecs } from '../model/entities.js'
import type { EntityRecords } from '../model/entities.js'
import type { Cents } from '../model/money.js'
import type { HeaderMatch } from './headers.js'
import type { ColumnFormats } from './infer.js'
import { parsePeriodLabel } from '../model/period-label.js'
import { parseDealStatus, parseDealType, parseForecastCategory } from './stages.js'
import type { StageResolver } from './stages.js'
import {
  dateFormatLabels,
  dateParser,
  fastDotCents,
  isScientificId,
  parseAmount,
  parseBool,
  parseCurrency,
  parseDateAs,
  parseDecimal,
  parseList,
  parseProbability,
} from './values.js'

/** A record, the row's issues, or a row the export marks as deleted (`IsDeleted`), which is dropped and counted. */
export type RowResult<T> =
  | { readonly ok: true; readonly record: T }
  | { readonly ok: false; readonly issues: readonly RowIssue[]; readonly dropped?: true }

const DROPPED = { ok: false, issues: [], dropped: true } as const

export interface MapperContext {
  readonly file: string
  readonly match: HeaderMatch
  readonly formats: ColumnFormats
  readonly stages: StageResolver
  /** number of header cells: rows with more non-empty cells are ragged */
  readonly width: number
  /**
   * The record fields the caller reads. A text field outside them (that the entity's own rules do
   * not need either) is left undefined and its cells unread; every value that can be invalid is
   * still parsed, so that a row is invalid exactly when it is without `fields`.
   */
  readonly fields?: ReadonlySet<string>
}

export interface RowMapper<T> {
  mapRow(cells: readonly string[], line: number): RowResult<T>
  /** with `fields`: the cells `mapRow` reads (others may be passed empty) */
  readonly columns?: readonly number[]
}

/** Text fields the entities' own rules read to decide whether a record is valid: never left unread. */
const ruleFields: Readonly<Record<EntityName, readonly string[]>> = {
  deal: ['stage', 'status'],
  account: [],
  rep: ['name'],
  quota: ['owner', 'team', 'territory', 'period'],
  lead: [],
  contract: [],
  stage_change: ['to_stage'],
  spend: ['period'],
  nps: [],
}

/** a row's parsed values by slot: one per field of the entity, plus one per money field for the currency written in its cells */
type Values = unknown[]

/** Memoises a parser of low-cardinality text (stages, categories, types, currencies): one call per distinct value. */
function memo<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>()
  return (text) => {
    let value = cache.get(text)
    if (value === undefined && !cache.has(text)) {
      value = parse(text)
      if (cache.size < 10_000) cache.set(text, value)
    }
    return value as T
  }
}

interface Compiled {
  readonly field: string
  readonly header: string
  readonly parse: (cells: readonly string[], values: Values, issues: RowIssue[], line: number) => void
  /** a text field of one column: its column and slot (the mapper copies it without calling parse) */
  readonly text?: { readonly column: number; readonly slot: number }
}

function compileField(
  slot: number,
  currencySlot: number,
  ctx: MapperContext,
  field: string,
  kind: FieldKind,
  columns: readonly number[],
  header: string,
): Compiled {
  const { file, formats } = ctx
  const only = columns.length === 1 ? (columns[0] ?? 0) : -1
  // the field's text: its first non-blank column (one column, the common case, without a loop)
  const raw =
    only >= 0
      ? (cells: readonly string[]): string | undefined => {
          const v = cells[only]
          if (v === undefined || v === '') return undefined
          // printable ASCII at both ends: nothing to trim (most cells; trim() is a call per cell)
          const a = v.charCodeAt(0)
          const z = v.charCodeAt(v.length - 1)
          if (a > 32 && a < 127 && z > 32 && z < 127) return v
          const t = v.trim()
          return t === '' ? undefined : t
        }
      : (cells: readonly string[]): string | undefined => {
          for (const c of columns) {
            const v = cells[c]
            if (v !== undefined && v !== '') {
              const t = v.trim()
              if (t !== '') return t
            }
          }
          return undefined
        }
  const bad = (
    issues: RowIssue[],
    line: number,
    value: string,
    message: string,
    code = 'BAD_VALUE',
  ): void => {
    issues.push({ file, line, column: header, message: `"${value}" ${message}`, value, code })
  }
  const decimal = formats.decimals.get(field) ?? 'dot'
  switch (kind) {
    case 'id':
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v !== undefined && isScientificId(v)) {
            bad(
              issues,
              line,
              v,
              'is an ID that Excel turned into a number, so its last digits are lost; re-export, or format the column as Text before saving',
              'SCI_NOTATION_ID',
            )
            return
          }
          values[slot] = v
        },
      }
    case 'text':
    case 'currency':
      if (kind === 'currency') {
        const currencyOf = memo(parseCurrency)
        return {
          field,
          header,
          parse(cells, values, issues, line) {
            const v = raw(cells)
            if (v === undefined) return
            const code = currencyOf(v)
            if (code === undefined) bad(issues, line, v, 'is not a currency code (expected e.g. USD, EUR)')
            else values[slot] = code
          },
        }
      }
      return {
        field,
        header,
        parse(cells, values) {
          values[slot] = raw(cells)
        },
        ...(only >= 0 ? { text: { column: only, slot } } : {}),
      }
    case 'list':
      return {
        field,
        header,
        parse(cells, values) {
          const v = raw(cells)
          values[slot] = v === undefined ? [] : parseList(v)
        },
      }
    case 'money':
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
          // the common plain amount without the result object parseAmount makes
          const cents = decimal === 'dot' ? fastDotCents(v) : undefined
          if (cents !== undefined) {
            values[slot] = cents
            return
          }
          const amount = parseAmount(v, decimal)
          if (amount === undefined) {
            bad(
              issues,
              line,
              v,
              `is not an amount (expected e.g. ${decimal === 'dot' ? '1234.50 or 1,234.50' : '1234,50 or 1.234,50'})`,
            )
            return
          }
          values[slot] = amount.cents
          if (amount.currency !== undefined) values[currencySlot] = amount.currency
        },
      }
    case 'probability':
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
          const p = parseProbability(v, formats.probabilityScale, decimal)
          if (p === undefined || p < 0)
            bad(issues, line, v, 'is not a probability (expected 0–100, 25%, or 0–1)')
          else values[slot] = p
        },
      }
    case 'date': {
      const format = formats.dates.get(field) ?? 'iso'
      const parseDate = dateParser(format)
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
          const d = parseDate(v)
          if (d === undefined)
            bad(issues, line, v, `is not a date (this column is read as ${dateFormatLabels[format]})`)
          else values[slot] = d
        },
      }
    }
    case 'bool':
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
          const b = parseBool(v)
          if (b === undefined)
            bad(issues, line, v, 'is not a yes/no value (expected true/false, 1/0, yes/no)')
          else values[slot] = b
        },
      }
    case 'int':
    case 'number':
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
          const n = parseDecimal(v, decimal)
          if (n === undefined) bad(issues, line, v, 'is not a number')
          else if (kind === 'int' && !Number.isInteger(n)) bad(issues, line, v, 'is not a whole number')
          else values[slot] = n
        },
      }
  }
}

/** records an issue; returns null so that `return issue(…)` ends a finisher */
type Issue = (field: string, message: string, code?: string) => null
interface Source {
  readonly file: string
  readonly line: number
}
type Finish<E extends EntityName> = (values: Values, issue: Issue, source: Source) => EntityRecords[E] | null

const str = (v: unknown): string | undefined => v as string | undefined
const num = (v: unknown): number | undefined => v as number | undefined
const date = (v: unknown): CalendarDate | undefined => v as CalendarDate | undefined
const money = (v: unknown): Cents | undefined => v as Cents | undefined

function finishers(ctx: MapperContext, at: (field: string) => number): { [E in EntityName]: Finish<E> } {
  const bound = new Set(ctx.match.bindings.map((b) => b.field))
  const forecastCategory = memo(parseForecastCategory)
  const dealType = memo(parseDealType)
  const dealStatus = memo(parseDealStatus)
  return {
    deal: (() => {
      const k_account = at('account')
      const k_account_id = at('account_id')
      const k_amount = at('amount')
      const k_amount_currency = at('amount#currency')
      const k_close_date = at('close_date')
      const k_cost = at('cost')
      const k_created = at('created')
      const k_currency = at('currency')
      const k_forecast_category = at('forecast_category')
      const k_id = at('id')
      const k_is_closed = at('is_closed')
      const k_is_won = at('is_won')
      const k_last_activity = at('last_activity')
      const k_name = at('name')
      const k_owner = at('owner')
      const k_pipeline = at('pipeline')
      const k_payment_date = at('payment_date')
      const k_arr = at('arr')
      const k_split = at('split')
      const k_probability = at('probability')
      const k_product = at('product')
      const k_region = at('region')
      const k_segment = at('segment')
      const k_source = at('source')
      const k_stage = at('stage')
      const k_status = at('status')
      const k_team = at('team')
      const k_territory = at('territory')
      const k_type = at('type')
      return (v: Values, issue: Issue, source: Source): EntityRecords['deal'] | null => {
        let stage = str(v[k_stage])
        const statusText = str(v[k_status])
        let status: DealStatus | undefined
        if (statusText !== undefined) {
          status = dealStatus(statusText)
          if (status === undefined)
            issue('status', `"${statusText}" is not a deal status (expected open, won or lost)`, 'BAD_VALUE')
        }
        if (stage === undefined && status === undefined && v[k_is_won] === undefined) {
          return issue(
            bound.has('stage') ? 'stage' : 'status',
            'a deal needs a stage or a status',
            'MISSING_VALUE',
          )
        }
        const info = stage === undefined ? undefined : ctx.stages.resolve(stage)
        if (v[k_is_won] === true) status = 'won'
        else if (v[k_is_closed] === true)
          status = v[k_is_won] === false ? 'lost' : (status ?? info?.status ?? 'lost')
        else if (v[k_is_closed] === false) status = 'open'
        status ??= info?.status ?? 'open'
        stage ??= status === 'won' ? 'Won' : status === 'lost' ? 'Lost' : 'Open'
        let id = str(v[k_id])
        if (id === undefined) {
          if (bound.has('id')) {
            return issue('id', 'the deal has no id', 'MISSING_VALUE')
          }
          // (what idsFromLines tells the loader)
          id = `${source.file}:${source.line}`
        }
        const close = date(v[k_close_date])
        if (close === undefined && status !== 'open') {
          return issue('close_date', `a ${status} deal needs a close date`, 'MISSING_VALUE')
        }
        const amount = money(v[k_amount])
        if (amount === undefined && status === 'won') {
          return issue('amount', 'a won deal needs an amount', 'MISSING_VALUE')
        }
        const cellCurrency = str(v[k_amount_currency])
        let currency = str(v[k_currency])
        if (currency !== undefined && cellCurrency !== undefined && currency !== cellCurrency) {
          return issue(
            'amount',
            `the amount says ${cellCurrency} but the currency column says ${currency}`,
            'BAD_VALUE',
          )
        }
        currency ??= cellCurrency
        const fcText = str(v[k_forecast_category])
        const typeText = str(v[k_type])
        const deal: Deal = {
          id,
          name: str(v[k_name]),
          account_id: str(v[k_account_id]),
          account: str(v[k_account]),
          owner: str(v[k_owner]),
          stage,
          status,
          stage_order: info?.order,
          amount,
          currency,
          probability:
            num(v[k_probability]) ??
            (info?.source === 'table' || status !== 'open' ? info?.probability : undefined),
          forecast_category:
            (fcText === undefined ? undefined : forecastCategory(fcText)) ?? info?.forecastCategory,
          created: date(v[k_created]),
          close_date: close,
          type: typeText === undefined ? undefined : dealType(typeText),
          source: str(v[k_source]),
          product: str(v[k_product]),
          region: str(v[k_region]),
          territory: str(v[k_territory]),
          team: str(v[k_team]),
          segment: str(v[k_segment]),
          cost: money(v[k_cost]),
          last_activity: date(v[k_last_activity]),
          pipeline: str(v[k_pipeline]),
          payment_date: date(v[k_payment_date]),
          arr: money(v[k_arr]),
          split: str(v[k_split]),
          source_file: source.file,
          source_line: source.line,
        }
        return deal
      }
    })(),
    account: (() => {
      const k_annual_revenue = at('annual_revenue')
      const k_city = at('city')
      const k_country = at('country')
      const k_employees = at('employees')
      const k_id = at('id')
      const k_industry = at('industry')
      const k_lat = at('lat')
      const k_lon = at('lon')
      const k_name = at('name')
      const k_owner = at('owner')
      const k_postal_code = at('postal_code')
      const k_potential = at('potential')
      const k_region = at('region')
      const k_segment = at('segment')
      const k_state = at('state')
      const k_territory = at('territory')
      const k_locked = at('locked')
      const k_workload = at('workload')
      return (v: Values, issue: Issue, source: Source): EntityRecords['account'] | null => {
        const id = str(v[k_id])
        if (id === undefined) return issue('id', 'the account has no id', 'MISSING_VALUE')
        const lat = num(v[k_lat])
        const lon = num(v[k_lon])
        if (lat !== undefined && Math.abs(lat) > 90)
          return issue('lat', `${lat} is not a latitude (−90 to 90)`)
        if (lon !== undefined && Math.abs(lon) > 180)
          return issue('lon', `${lon} is not a longitude (−180 to 180)`)
        return {
          id,
          name: str(v[k_name]),
          industry: str(v[k_industry]),
          segment: str(v[k_segment]),
          country: str(v[k_country]),
          region: str(v[k_region]),
          state: str(v[k_state]),
          city: str(v[k_city]),
          postal_code: str(v[k_postal_code]),
          lat,
          lon,
          annual_revenue: money(v[k_annual_revenue]),
          employees: num(v[k_employees]),
          potential: money(v[k_potential]),
          workload: num(v[k_workload]),
          owner: str(v[k_owner]),
          territory: str(v[k_territory]),
          locked: v[k_locked] as boolean | undefined,
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    rep: (() => {
      const k_capacity = at('capacity')
      const k_email = at('email')
      const k_end_date = at('end_date')
      const k_hire_date = at('hire_date')
      const k_home_lat = at('home_lat')
      const k_home_lon = at('home_lon')
      const k_id = at('id')
      const k_manager = at('manager')
      const k_name = at('name')
      const k_region = at('region')
      const k_role = at('role')
      const k_skills = at('skills')
      const k_team = at('team')
      const k_territory = at('territory')
      return (v: Values, issue: Issue, source: Source): EntityRecords['rep'] | null => {
        const name = str(v[k_name]) ?? str(v[k_id])
        if (name === undefined) return issue('name', 'the rep has no name', 'MISSING_VALUE')
        return {
          id: str(v[k_id]) ?? name,
          name,
          email: str(v[k_email]),
          team: str(v[k_team]),
          manager: str(v[k_manager]),
          role: str(v[k_role]),
          region: str(v[k_region]),
          territory: str(v[k_territory]),
          hire_date: date(v[k_hire_date]),
          end_date: date(v[k_end_date]),
          capacity: num(v[k_capacity]),
          skills: (v[k_skills] as string[] | undefined) ?? [],
          home_lat: num(v[k_home_lat]),
          home_lon: num(v[k_home_lon]),
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    quota: (() => {
      const k_amount = at('amount')
      const k_end = at('end')
      const k_owner = at('owner')
      const k_period = at('period')
      const k_start = at('start')
      const k_team = at('team')
      const k_territory = at('territory')
      return (v: Values, issue: Issue, source: Source): EntityRecords['quota'] | null => {
        const amount = money(v[k_amount])
        if (amount === undefined) return issue('amount', 'the quota has no amount', 'MISSING_VALUE')
        const owner = str(v[k_owner])
        const team = str(v[k_team])
        const territory = str(v[k_territory])
        if (owner === undefined && team === undefined && territory === undefined) {
          return issue('owner', 'a quota needs an owner, team or territory', 'MISSING_VALUE')
        }
        const periodText = str(v[k_period])
        let start = date(v[k_start])
        let end = date(v[k_end])
        let period = periodText
        if (periodText !== undefined && (start === undefined || end === undefined)) {
          const range = parsePeriodLabel(periodText)
          if (range === undefined)
            return issue('period', `"${periodText}" is not a period (expected 2026-Q1, 2026-03 or 2026)`)
          start = range.start
          end = range.end
          period = range.label
        }
        if (start === undefined || end === undefined)
          return issue('period', 'a quota needs a period or a start and end date', 'MISSING_VALUE')
        return {
          owner,
          team,
          territory,
          period,
          start,
          end,
          amount,
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    lead: (() => {
      const k_company = at('company')
      const k_converted_date = at('converted_date')
      const k_created = at('created')
      const k_deal_id = at('deal_id')
      const k_email = at('email')
      const k_id = at('id')
      const k_owner = at('owner')
      const k_region = at('region')
      const k_segment = at('segment')
      const k_source = at('source')
      const k_status = at('status')
      return (v: Values, issue: Issue, source: Source): EntityRecords['lead'] | null => {
        const id = str(v[k_id])
        if (id === undefined) return issue('id', 'the lead has no id', 'MISSING_VALUE')
        return {
          id,
          created: date(v[k_created]),
          source: str(v[k_source]),
          status: str(v[k_status]),
          owner: str(v[k_owner]),
          converted_date: date(v[k_converted_date]),
          deal_id: str(v[k_deal_id]),
          company: str(v[k_company]),
          email: str(v[k_email]),
          segment: str(v[k_segment]),
          region: str(v[k_region]),
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    contract: (() => {
      const k_account_id = at('account_id')
      const k_auto_renew = at('auto_renew')
      const k_churn_date = at('churn_date')
      const k_currency = at('currency')
      const k_end = at('end')
      const k_id = at('id')
      const k_owner = at('owner')
      const k_product = at('product')
      const k_renewal_of = at('renewal_of')
      const k_start = at('start')
      const k_status = at('status')
      const k_value = at('value')
      const k_value_currency = at('value#currency')
      return (v: Values, issue: Issue, source: Source): EntityRecords['contract'] | null => {
        const id = str(v[k_id])
        const account = str(v[k_account_id])
        const start = date(v[k_start])
        const end = date(v[k_end])
        const value = money(v[k_value])
        if (id === undefined) return issue('id', 'the contract has no id', 'MISSING_VALUE')
        if (account === undefined) return issue('account_id', 'the contract has no account', 'MISSING_VALUE')
        if (start === undefined) return issue('start', 'the contract has no start date', 'MISSING_VALUE')
        if (end === undefined) return issue('end', 'the contract has no end date', 'MISSING_VALUE')
        if (value === undefined) return issue('value', 'the contract has no value', 'MISSING_VALUE')
        return {
          id,
          account_id: account,
          owner: str(v[k_owner]),
          product: str(v[k_product]),
          start,
          end,
          value,
          currency: str(v[k_currency]) ?? str(v[k_value_currency]),
          status: str(v[k_status]),
          auto_renew: v[k_auto_renew] as boolean | undefined,
          churn_date: date(v[k_churn_date]),
          renewal_of: str(v[k_renewal_of]),
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    stage_change: (() => {
      const k_amount = at('amount')
      const k_close_date = at('close_date')
      const k_date = at('date')
      const k_deal_id = at('deal_id')
      const k_forecast_category = at('forecast_category')
      const k_from_stage = at('from_stage')
      const k_probability = at('probability')
      const k_to_stage = at('to_stage')
      return (v: Values, issue: Issue, source: Source): EntityRecords['stage_change'] | null => {
        const dealId = str(v[k_deal_id])
        const when = date(v[k_date])
        const to = str(v[k_to_stage])
        if (dealId === undefined) return issue('deal_id', 'the stage change has no deal id', 'MISSING_VALUE')
        if (when === undefined) return issue('date', 'the stage change has no date', 'MISSING_VALUE')
        if (to === undefined) return issue('to_stage', 'the stage change has no stage', 'MISSING_VALUE')
        const fcText = str(v[k_forecast_category])
        return {
          deal_id: dealId,
          date: when,
          from_stage: str(v[k_from_stage]),
          to_stage: to,
          amount: money(v[k_amount]),
          close_date: date(v[k_close_date]),
          probability: num(v[k_probability]),
          forecast_category: fcText === undefined ? undefined : forecastCategory(fcText),
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    spend: (() => {
      const k_amount = at('amount')
      const k_channel = at('channel')
      const k_period = at('period')
      return (v: Values, issue: Issue, source: Source): EntityRecords['spend'] | null => {
        const period = str(v[k_period])
        const amount = money(v[k_amount])
        if (period === undefined) return issue('period', 'the spend row has no period', 'MISSING_VALUE')
        if (amount === undefined) return issue('amount', 'the spend row has no amount', 'MISSING_VALUE')
        return {
          period,
          channel: str(v[k_channel]),
          amount,
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
    nps: (() => {
      const k_account_id = at('account_id')
      const k_date = at('date')
      const k_score = at('score')
      return (v: Values, issue: Issue, source: Source): EntityRecords['nps'] | null => {
        const when = date(v[k_date])
        const score = num(v[k_score])
        if (when === undefined) return issue('date', 'the response has no date', 'MISSING_VALUE')
        if (score === undefined) return issue('score', 'the response has no score', 'MISSING_VALUE')
        if (score < 0 || score > 10) return issue('score', `${score} is not an NPS score (0–10)`)
        return {
          date: when,
          account_id: str(v[k_account_id]),
          score,
          source_file: source.file,
          source_line: source.line,
        }
      }
    })(),
  }
}

/**
 * Whether the mapper makes the records' ids from their file and line (`deals.csv:42`): deals read
 * without an id column, as many report exports are. A part of a file must then know its lines.
 */
export function idsFromLines(match: HeaderMatch): boolean {
  return match.entity === 'deal' && !match.bindings.some((b) => b.field === 'id')
}

export function createRowMapper<E extends EntityName>(ctx: MapperContext): RowMapper<EntityRecords[E]> {
  const entity = ctx.match.entity as E
  const spec = entitySpecs[entity]
  const kinds = new Map(spec.fields.map((f) => [f.name, f.kind]))
  // one slot per field of the entity, then one per money field for a currency written in its cells
  const slots = new Map<string, number>()
  for (const f of spec.fields) slots.set(f.name, slots.size)
  for (const f of spec.fields) if (f.kind === 'money') slots.set(`${f.name}#currency`, slots.size)
  const at = (name: string): number => slots.get(name) ?? -1
  const slotCount = slots.size
  // with `fields`: text fields nobody reads are left out (no other kind: those can be invalid)
  const unread = (field: string): boolean => {
    const kind = kinds.get(field) ?? 'text'
    return (
      ctx.fields !== undefined &&
      (kind === 'text' || kind === 'list') &&
      !ctx.fields.has(field) &&
      !ruleFields[entity].includes(field)
    )
  }
  const read = ctx.match.bindings.filter((b) => !unread(b.field))
  const compiled = read.map((b) =>
    compileField(
      at(b.field),
      at(`${b.field}#currency`),
      ctx,
      b.field,
      kinds.get(b.field) ?? 'text',
      b.columns,
      b.headers[0] ?? b.field,
    ),
  )
  const textColumns = compiled.flatMap((c) => (c.text === undefined ? [] : [c.text.column]))
  const textSlots = compiled.flatMap((c) => (c.text === undefined ? [] : [c.text.slot]))
  const parsed = compiled.filter((c) => c.text === undefined)
  const headerOf = new Map(ctx.match.bindings.map((b) => [b.field, b.headers[0] ?? b.field]))
  const finish = finishers(ctx, at)[entity] as Finish<E>
  const deletedSlot = ctx.match.bindings.some((b) => b.field === 'is_deleted') ? at('is_deleted') : -1
  const { file, width } = ctx
  let issues: RowIssue[] = []
  let currentLine = 0
  const report = (field: string, message: string, code = 'BAD_VALUE'): null => {
    const header = headerOf.get(field)
    issues.push({
      file,
      line: currentLine,
      column: header ?? field,
      message: header === undefined ? `no "${field}" column: ${message}` : message,
      code,
    })
    return null
  }
  const source = { file, line: 0 }
  const columns =
    ctx.fields === undefined ? undefined : [...new Set(read.flatMap((b) => b.columns))].sort((a, b) => a - b)
  return {
    ...(columns === undefined ? {} : { columns }),
    mapRow(cells, line) {
      if (issues.length > 0) issues = []
      currentLine = line
      if (cells.length > width) {
        let extra = 0
        for (let i = width; i < cells.length; i++) if (cells[i]?.trim() !== '') extra++
        if (extra > 0) {
          issues.push({
            file,
            line,
            column: '',
            message: `the row has ${cells.length} cells but the header has ${width} (an unquoted delimiter inside a value?)`,
            code: 'RAGGED_ROW',
          })
          return { ok: false, issues }
        }
      } else if (cells.length < width) {
        issues.push({
          file,
          line,
          column: '',
          message: `the row has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${width}`,
          code: 'RAGGED_ROW',
        })
        return { ok: false, issues }
      }
      // only present values are stored, always in column order: a cheap, stable object shape
      const values: Values = new Array<unknown>(slotCount)
      // text fields of one column inline (as `raw` reads them), then the others' parsers
      for (let i = 0; i < textColumns.length; i++) {
        const v = cells[textColumns[i] ?? 0]
        if (v === undefined || v === '') continue
        const a = v.charCodeAt(0)
        const z = v.charCodeAt(v.length - 1)
        if (a > 32 && a < 127 && z > 32 && z < 127) values[textSlots[i] ?? 0] = v
        else {
          const t = v.trim()
          if (t !== '') values[textSlots[i] ?? 0] = t
        }
      }
      for (const c of parsed) c.parse(cells, values, issues, line)
      if (issues.length > 0) return { ok: false, issues }
      if (deletedSlot >= 0 && values[deletedSlot] === true) return DROPPED
      source.line = line
      const record = finish(values, report, source)
      if (record === null || issues.length > 0) return { ok: false, issues }
      return { ok: true, record }
    },
  }
}

/**
 * Stage history from a HubSpot deals export: one stage change per filled `Date entered "<Stage>
 * (<Pipeline>)"` column, in date order, each with the stage before it as `from_stage`.
 */
export function createDateEnteredMapper(ctx: MapperContext): RowMapper<StageChange[]> {
  const idColumns = ctx.match.bindings.find((b) => b.field === 'id')?.columns ?? []
  const format = ctx.formats.dates.get('__date_entered') ?? 'iso'
  const { file } = ctx
  return {
    mapRow(cells, line) {
      const id = idColumns.map((c) => cells[c]?.trim() ?? '').find((v) => v !== '')
      if (id === undefined) {
        return {
          ok: false,
          issues: [{ file, line, column: 'Record ID', message: 'the deal has no id', code: 'MISSING_VALUE' }],
        }
      }
      const entries: { date: CalendarDate; stage: string }[] = []
      const issues: RowIssue[] = []
      for (const d of ctx.match.dateEntered) {
        const text = cells[d.column]?.trim() ?? ''
        if (text === '') continue
        const date = parseDateAs(text, format)
        if (date === undefined) {
          issues.push({
            file,
            line,
            column: `Date entered "${d.stage} (${d.pipeline})"`,
            message: `"${text}" is not a date`,
            value: text,
            code: 'BAD_VALUE',
          })
        } else entries.push({ date, stage: d.stage })
      }
      if (issues.length > 0) return { ok: false, issues }
      entries.sort((a, b) => a.date - b.date)
      const changes: StageChange[] = entries.map((e, i) => ({
        deal_id: id,
        date: e.date,
        from_stage: entries[i - 1]?.stage,
        to_stage: e.stage,
        amount: undefined,
        close_date: undefined,
        probability: undefined,
        forecast_category: undefined,
        source_file: file,
        source_line: line,
      }))
      return { ok: true, record: changes }
    },
  }
}
