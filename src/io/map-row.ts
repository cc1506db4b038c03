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
import { entitySpecs } from '../model/entities.js'
import type { EntityRecords } from '../model/entities.js'
import type { Cents } from '../model/money.js'
import type { HeaderMatch } from './headers.js'
import type { ColumnFormats } from './infer.js'
import { parsePeriodLabel } from './period-label.js'
import { parseDealStatus, parseDealType, parseForecastCategory } from './stages.js'
import type { StageResolver } from './stages.js'
import {
  dateFormatLabels,
  isScientificId,
  parseAmount,
  parseBool,
  parseCurrency,
  parseDateAs,
  parseDecimal,
  parseList,
  parseProbability,
} from './values.js'

export type RowResult<T> =
  { readonly ok: true; readonly record: T } | { readonly ok: false; readonly issues: readonly RowIssue[] }

export interface MapperContext {
  readonly file: string
  readonly match: HeaderMatch
  readonly formats: ColumnFormats
  readonly stages: StageResolver
  /** number of header cells: rows with more non-empty cells are ragged */
  readonly width: number
}

export interface RowMapper<T> {
  mapRow(cells: readonly string[], line: number): RowResult<T>
}

type Values = Record<string, unknown>

interface Compiled {
  readonly field: string
  readonly header: string
  readonly parse: (cells: readonly string[], values: Values, issues: RowIssue[], line: number) => void
}

function compileField(
  ctx: MapperContext,
  field: string,
  kind: FieldKind,
  columns: readonly number[],
  header: string,
): Compiled {
  const { file, formats } = ctx
  const raw = (cells: readonly string[]): string | undefined => {
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
          values[field] = v
        },
      }
    case 'text':
    case 'currency':
      if (kind === 'currency') {
        return {
          field,
          header,
          parse(cells, values, issues, line) {
            const v = raw(cells)
            if (v === undefined) return
            const code = parseCurrency(v)
            if (code === undefined) bad(issues, line, v, 'is not a currency code (expected e.g. USD, EUR)')
            else values[field] = code
          },
        }
      }
      return {
        field,
        header,
        parse(cells, values) {
          values[field] = raw(cells)
        },
      }
    case 'list':
      return {
        field,
        header,
        parse(cells, values) {
          const v = raw(cells)
          values[field] = v === undefined ? [] : parseList(v)
        },
      }
    case 'money':
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
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
          values[field] = amount.cents
          if (amount.currency !== undefined) values[`${field}#currency`] = amount.currency
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
          else values[field] = p
        },
      }
    case 'date': {
      const format = formats.dates.get(field) ?? 'iso'
      return {
        field,
        header,
        parse(cells, values, issues, line) {
          const v = raw(cells)
          if (v === undefined) return
          const d = parseDateAs(v, format)
          if (d === undefined)
            bad(issues, line, v, `is not a date (this column is read as ${dateFormatLabels[format]})`)
          else values[field] = d
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
          else values[field] = b
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
          else values[field] = n
        },
      }
  }
}

type Finish<E extends EntityName> = (
  values: Values,
  /** records an issue; returns null so that `return issue(…)` ends a finisher */
  issue: (field: string, message: string, code?: string) => null,
  source: { file: string; line: number },
) => EntityRecords[E] | null

const str = (v: unknown): string | undefined => v as string | undefined
const num = (v: unknown): number | undefined => v as number | undefined
const date = (v: unknown): CalendarDate | undefined => v as CalendarDate | undefined
const money = (v: unknown): Cents | undefined => v as Cents | undefined

function finishers(ctx: MapperContext): { [E in EntityName]: Finish<E> } {
  const bound = new Set(ctx.match.bindings.map((b) => b.field))
  return {
    deal(v, issue, source) {
      let stage = str(v['stage'])
      const statusText = str(v['status'])
      let status: DealStatus | undefined
      if (statusText !== undefined) {
        status = parseDealStatus(statusText)
        if (status === undefined)
          issue('status', `"${statusText}" is not a deal status (expected open, won or lost)`, 'BAD_VALUE')
      }
      if (stage === undefined && status === undefined && v['is_won'] === undefined) {
        return issue(
          bound.has('stage') ? 'stage' : 'status',
          'a deal needs a stage or a status',
          'MISSING_VALUE',
        )
      }
      const info = stage === undefined ? undefined : ctx.stages.resolve(stage)
      if (v['is_won'] === true) status = 'won'
      else if (v['is_closed'] === true)
        status = v['is_won'] === false ? 'lost' : (status ?? info?.status ?? 'lost')
      else if (v['is_closed'] === false) status = 'open'
      status ??= info?.status ?? 'open'
      stage ??= status === 'won' ? 'Won' : status === 'lost' ? 'Lost' : 'Open'
      let id = str(v['id'])
      if (id === undefined) {
        if (bound.has('id')) {
          return issue('id', 'the deal has no id', 'MISSING_VALUE')
        }
        id = `${source.file}:${source.line}`
      }
      const close = date(v['close_date'])
      if (close === undefined && status !== 'open') {
        return issue('close_date', `a ${status} deal needs a close date`, 'MISSING_VALUE')
      }
      const amount = money(v['amount'])
      if (amount === undefined && status === 'won') {
        return issue('amount', 'a won deal needs an amount', 'MISSING_VALUE')
      }
      const cellCurrency = str(v['amount#currency'])
      let currency = str(v['currency'])
      if (currency !== undefined && cellCurrency !== undefined && currency !== cellCurrency) {
        return issue(
          'amount',
          `the amount says ${cellCurrency} but the currency column says ${currency}`,
          'BAD_VALUE',
        )
      }
      currency ??= cellCurrency
      const fcText = str(v['forecast_category'])
      const typeText = str(v['type'])
      const deal: Deal = {
        id,
        name: str(v['name']),
        account_id: str(v['account_id']),
        account: str(v['account']),
        owner: str(v['owner']),
        stage,
        status,
        stage_order: info?.order,
        amount,
        currency,
        probability:
          num(v['probability']) ??
          (info?.source === 'table' || status !== 'open' ? info?.probability : undefined),
        forecast_category:
          (fcText === undefined ? undefined : parseForecastCategory(fcText)) ?? info?.forecastCategory,
        created: date(v['created']),
        close_date: close,
        type: typeText === undefined ? undefined : parseDealType(typeText),
        source: str(v['source']),
        product: str(v['product']),
        region: str(v['region']),
        territory: str(v['territory']),
        team: str(v['team']),
        segment: str(v['segment']),
        cost: money(v['cost']),
        last_activity: date(v['last_activity']),
        pipeline: str(v['pipeline']),
        source_file: source.file,
        source_line: source.line,
      }
      return deal
    },
    account(v, issue, source) {
      const id = str(v['id'])
      if (id === undefined) return issue('id', 'the account has no id', 'MISSING_VALUE')
      const lat = num(v['lat'])
      const lon = num(v['lon'])
      if (lat !== undefined && Math.abs(lat) > 90) return issue('lat', `${lat} is not a latitude (−90 to 90)`)
      if (lon !== undefined && Math.abs(lon) > 180)
        return issue('lon', `${lon} is not a longitude (−180 to 180)`)
      return {
        id,
        name: str(v['name']),
        industry: str(v['industry']),
        segment: str(v['segment']),
        country: str(v['country']),
        region: str(v['region']),
        state: str(v['state']),
        city: str(v['city']),
        postal_code: str(v['postal_code']),
        lat,
        lon,
        annual_revenue: money(v['annual_revenue']),
        employees: num(v['employees']),
        potential: money(v['potential']),
        workload: num(v['workload']),
        owner: str(v['owner']),
        territory: str(v['territory']),
        source_file: source.file,
        source_line: source.line,
      }
    },
    rep(v, issue, source) {
      const name = str(v['name']) ?? str(v['id'])
      if (name === undefined) return issue('name', 'the rep has no name', 'MISSING_VALUE')
      return {
        id: str(v['id']) ?? name,
        name,
        email: str(v['email']),
        team: str(v['team']),
        manager: str(v['manager']),
        role: str(v['role']),
        region: str(v['region']),
        territory: str(v['territory']),
        hire_date: date(v['hire_date']),
        end_date: date(v['end_date']),
        capacity: num(v['capacity']),
        skills: (v['skills'] as string[] | undefined) ?? [],
        home_lat: num(v['home_lat']),
        home_lon: num(v['home_lon']),
        source_file: source.file,
        source_line: source.line,
      }
    },
    quota(v, issue, source) {
      const amount = money(v['amount'])
      if (amount === undefined) return issue('amount', 'the quota has no amount', 'MISSING_VALUE')
      const owner = str(v['owner'])
      const team = str(v['team'])
      const territory = str(v['territory'])
      if (owner === undefined && team === undefined && territory === undefined) {
        return issue('owner', 'a quota needs an owner, team or territory', 'MISSING_VALUE')
      }
      const periodText = str(v['period'])
      let start = date(v['start'])
      let end = date(v['end'])
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
    },
    lead(v, issue, source) {
      const id = str(v['id'])
      if (id === undefined) return issue('id', 'the lead has no id', 'MISSING_VALUE')
      return {
        id,
        created: date(v['created']),
        source: str(v['source']),
        status: str(v['status']),
        owner: str(v['owner']),
        converted_date: date(v['converted_date']),
        deal_id: str(v['deal_id']),
        company: str(v['company']),
        email: str(v['email']),
        segment: str(v['segment']),
        region: str(v['region']),
        source_file: source.file,
        source_line: source.line,
      }
    },
    contract(v, issue, source) {
      const id = str(v['id'])
      const account = str(v['account_id'])
      const start = date(v['start'])
      const end = date(v['end'])
      const value = money(v['value'])
      if (id === undefined) return issue('id', 'the contract has no id', 'MISSING_VALUE')
      if (account === undefined) return issue('account_id', 'the contract has no account', 'MISSING_VALUE')
      if (start === undefined) return issue('start', 'the contract has no start date', 'MISSING_VALUE')
      if (end === undefined) return issue('end', 'the contract has no end date', 'MISSING_VALUE')
      if (value === undefined) return issue('value', 'the contract has no value', 'MISSING_VALUE')
      return {
        id,
        account_id: account,
        owner: str(v['owner']),
        product: str(v['product']),
        start,
        end,
        value,
        currency: str(v['currency']) ?? str(v['value#currency']),
        status: str(v['status']),
        auto_renew: v['auto_renew'] as boolean | undefined,
        churn_date: date(v['churn_date']),
        renewal_of: str(v['renewal_of']),
        source_file: source.file,
        source_line: source.line,
      }
    },
    stage_change(v, issue, source) {
      const dealId = str(v['deal_id'])
      const when = date(v['date'])
      const to = str(v['to_stage'])
      if (dealId === undefined) return issue('deal_id', 'the stage change has no deal id', 'MISSING_VALUE')
      if (when === undefined) return issue('date', 'the stage change has no date', 'MISSING_VALUE')
      if (to === undefined) return issue('to_stage', 'the stage change has no stage', 'MISSING_VALUE')
      const fcText = str(v['forecast_category'])
      return {
        deal_id: dealId,
        date: when,
        from_stage: str(v['from_stage']),
        to_stage: to,
        amount: money(v['amount']),
        close_date: date(v['close_date']),
        probability: num(v['probability']),
        forecast_category: fcText === undefined ? undefined : parseForecastCategory(fcText),
        source_file: source.file,
        source_line: source.line,
      }
    },
    spend(v, issue, source) {
      const period = str(v['period'])
      const amount = money(v['amount'])
      if (period === undefined) return issue('period', 'the spend row has no period', 'MISSING_VALUE')
      if (amount === undefined) return issue('amount', 'the spend row has no amount', 'MISSING_VALUE')
      return {
        period,
        channel: str(v['channel']),
        amount,
        source_file: source.file,
        source_line: source.line,
      }
    },
    nps(v, issue, source) {
      const when = date(v['date'])
      const score = num(v['score'])
      if (when === undefined) return issue('date', 'the response has no date', 'MISSING_VALUE')
      if (score === undefined) return issue('score', 'the response has no score', 'MISSING_VALUE')
      if (score < 0 || score > 10) return issue('score', `${score} is not an NPS score (0–10)`)
      return {
        date: when,
        account_id: str(v['account_id']),
        score,
        source_file: source.file,
        source_line: source.line,
      }
    },
  }
}

export function createRowMapper<E extends EntityName>(ctx: MapperContext): RowMapper<EntityRecords[E]> {
  const entity = ctx.match.entity as E
  const spec = entitySpecs[entity]
  const kinds = new Map(spec.fields.map((f) => [f.name, f.kind]))
  const compiled = ctx.match.bindings.map((b) =>
    compileField(ctx, b.field, kinds.get(b.field) ?? 'text', b.columns, b.headers[0] ?? b.field),
  )
  const headerOf = new Map(ctx.match.bindings.map((b) => [b.field, b.headers[0] ?? b.field]))
  const finish = finishers(ctx)[entity] as Finish<E>
  const { file, width } = ctx
  return {
    mapRow(cells, line) {
      const issues: RowIssue[] = []
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
      const values: Values = {}
      for (const c of compiled) c.parse(cells, values, issues, line)
      if (issues.length > 0) return { ok: false, issues }
      const record = finish(
        values,
        (field, message, code = 'BAD_VALUE') => {
          const header = headerOf.get(field)
          issues.push({
            file,
            line,
            column: header ?? field,
            message: header === undefined ? `no "${field}" column: ${message}` : message,
            code,
          })
          return null
        },
        { file, line },
      )
      if (record === null || issues.length > 0) return { ok: false, issues }
      return { ok: true, record }
    },
  }
}
