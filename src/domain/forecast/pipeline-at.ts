/**
 * The pipeline as it was at an instant t (as-of replay): which deals were open, and their stage,
 * amount, close date, probability and forecast category at that time.
 *
 * With a stage history the state of a deal at t is its last history row dated before t, so a deal
 * that was open at t never shows its later stage, amount or close date (no peeking). Without a
 * history only the export is known: a deal still open in the export keeps its fields; a deal closed
 * since t keeps only its amount (a known leakage) and has no stage, probability or close date.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal, DealStatus, ForecastCategory } from '../../model/deal.js'
import type { StageChange } from '../../model/stage-change.js'

export interface StageInfo {
  readonly status: DealStatus
  /** the most common probability of the stage's deals (undefined when none has one) */
  readonly probability: number | undefined
  /** the most common forecast category of the stage's deals */
  readonly category: ForecastCategory | undefined
}

/** Stage facts by lower-cased stage name. */
export type StageTable = ReadonlyMap<string, StageInfo>

export interface ForecastInput {
  readonly deals: readonly Deal[]
  /** stage history per deal id, oldest first; undefined when no history export was given */
  readonly history: ReadonlyMap<string, readonly StageChange[]> | undefined
  readonly stages: StageTable
  /** the first close date of a closed deal: periods starting before it are not used for learning */
  readonly firstClose: CalendarDate | undefined
}

/** A deal open at t, with its fields as of t. Amounts in cents. */
export interface OpenDeal {
  readonly deal: Deal
  readonly stage: string
  readonly amount: number
  readonly closeDate: CalendarDate | undefined
  readonly probability: number
  readonly category: ForecastCategory
  /** t − created in days; undefined without a created date */
  readonly ageDays: number | undefined
}

export const UNKNOWN_STAGE = '(unknown)'

function stageKey(stage: string): string {
  return stage.trim().toLowerCase()
}

function mostCommon<T>(counts: Map<T, number>): T | undefined {
  let best: T | undefined
  let bestCount = 0
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}

/**
 * The stage table implied by the deals: a stage's status is that of its deals; its probability and
 * category are the most common among them (first seen wins ties).
 */
export function stageTableOf(deals: readonly Deal[]): StageTable {
  const acc = new Map<
    string,
    { status: DealStatus; probs: Map<number, number>; cats: Map<ForecastCategory, number> }
  >()
  for (const d of deals) {
    const key = stageKey(d.stage)
    let entry = acc.get(key)
    if (entry === undefined) {
      entry = { status: d.status, probs: new Map(), cats: new Map() }
      acc.set(key, entry)
    }
    if (d.probability !== undefined) entry.probs.set(d.probability, (entry.probs.get(d.probability) ?? 0) + 1)
    if (d.forecast_category !== undefined)
      entry.cats.set(d.forecast_category, (entry.cats.get(d.forecast_category) ?? 0) + 1)
  }
  const table = new Map<string, StageInfo>()
  for (const [key, e] of acc) {
    table.set(key, { status: e.status, probability: mostCommon(e.probs), category: mostCommon(e.cats) })
  }
  return table
}

/** Deals, their optional stage history and the derived stage table, ready for forecasting. */
export function forecastInput(
  deals: readonly Deal[],
  history: readonly StageChange[] | undefined,
): ForecastInput {
  let byDeal: Map<string, StageChange[]> | undefined
  if (history !== undefined) {
    byDeal = new Map()
    for (const row of history) {
      const list = byDeal.get(row.deal_id)
      if (list === undefined) byDeal.set(row.deal_id, [row])
      else list.push(row)
    }
    // stable sort: rows of the same day keep the export's order
    for (const list of byDeal.values()) list.sort((a, b) => a.date - b.date)
  }
  let firstClose: CalendarDate | undefined
  for (const d of deals) {
    if (
      d.status !== 'open' &&
      d.close_date !== undefined &&
      (firstClose === undefined || d.close_date < firstClose)
    )
      firstClose = d.close_date
  }
  return { deals, history: byDeal, stages: stageTableOf(deals), firstClose }
}

/** The same input restricted to some deals (a group); the stage table stays the company's. */
export function subsetInput(input: ForecastInput, deals: readonly Deal[]): ForecastInput {
  return { ...input, deals }
}

/** Won with a close date in [start, end) (final export: closes before t are known at t). */
export function wonIn(deal: Deal, start: number, end: number): boolean {
  return (
    deal.status === 'won' &&
    deal.close_date !== undefined &&
    deal.close_date >= start &&
    deal.close_date < end
  )
}

/**
 * The won deals of a deals array sorted by close date, with their created dates (NaN when absent),
 * amounts and prefix sums of the amounts: a window's won amount is then two binary searches instead
 * of a pass over every deal (the backtest asks for hundreds of windows). Amounts are whole cents, so
 * the sums are exact and equal to adding the deals one by one.
 */
export interface WonIndex {
  readonly close: Float64Array
  readonly created: Float64Array
  readonly amount: Float64Array
  /** prefix[i] = Σ amount[0..i) */
  readonly prefix: Float64Array
}

const wonIndexes = new WeakMap<readonly Deal[], WonIndex>()

/** The index of `deals`, built once per array (memoised; the array is never modified). */
export function wonIndexOf(deals: readonly Deal[]): WonIndex {
  const cached = wonIndexes.get(deals)
  if (cached !== undefined) return cached
  const won = deals.filter((d) => d.status === 'won' && d.close_date !== undefined)
  won.sort((a, b) => (a.close_date ?? 0) - (b.close_date ?? 0))
  const n = won.length
  const index: WonIndex = {
    close: new Float64Array(n),
    created: new Float64Array(n),
    amount: new Float64Array(n),
    prefix: new Float64Array(n + 1),
  }
  won.forEach((d, i) => {
    index.close[i] = d.close_date ?? 0
    index.created[i] = d.created ?? Number.NaN
    index.amount[i] = d.amount ?? 0
    index.prefix[i + 1] = (index.prefix[i] ?? 0) + (d.amount ?? 0)
  })
  wonIndexes.set(deals, index)
  return index
}

/** The first index whose close date is ≥ day. */
export function firstCloseAtOrAfter(index: WonIndex, day: number): number {
  let lo = 0
  let hi = index.close.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((index.close[mid] ?? 0) < day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Σ amount of the deals won with a close date in [start, end), in cents. */
export function wonAmount(deals: readonly Deal[], start: number, end: number): number {
  if (end <= start) return 0
  const index = wonIndexOf(deals)
  const a = firstCloseAtOrAfter(index, start)
  const b = firstCloseAtOrAfter(index, end)
  return (index.prefix[b] ?? 0) - (index.prefix[a] ?? 0)
}

/** Index of the last row dated before t, or −1. */
function lastBefore(rows: readonly StageChange[], t: number): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((rows[mid]?.date ?? 0) < t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

function categoryFor(
  stage: string,
  category: ForecastCategory | undefined,
  stages: StageTable,
): ForecastCategory {
  return category ?? stages.get(stageKey(stage))?.category ?? 'pipeline'
}

/** The state of a deal at t from its history rows, or undefined when it was not open at t. */
function fromHistory(
  deal: Deal,
  rows: readonly StageChange[],
  t: CalendarDate,
  stages: StageTable,
): Omit<OpenDeal, 'deal' | 'ageDays'> | undefined {
  const i = lastBefore(rows, t)
  const row = rows[i]
  if (row === undefined) return undefined // nothing recorded before t: not yet in the pipeline
  const info = stages.get(stageKey(row.to_stage))
  if (info !== undefined && info.status !== 'open') return undefined
  // fields missing on the row carry over from earlier rows (never from later ones)
  let amount = row.amount
  let closeDate = row.close_date
  for (let j = i - 1; j >= 0 && (amount === undefined || closeDate === undefined); j--) {
    const earlier = rows[j]
    amount ??= earlier?.amount
    closeDate ??= earlier?.close_date
  }
  return {
    stage: row.to_stage,
    amount: amount ?? deal.amount ?? 0,
    closeDate,
    probability: row.probability ?? info?.probability ?? 0,
    category: categoryFor(row.to_stage, row.forecast_category, stages),
  }
}

/**
 * The deals open at t: created before t, not closed before t, and (with history) recorded in an
 * open stage by their last history row before t. Export order.
 */
export function pipelineAt(input: ForecastInput, t: CalendarDate): OpenDeal[] {
  const open: OpenDeal[] = []
  const { history, stages } = input
  for (const deal of input.deals) {
    if (deal.created !== undefined && deal.created >= t) continue
    const closed = deal.status !== 'open'
    if (closed && (deal.close_date === undefined || deal.close_date < t)) continue
    const ageDays = deal.created === undefined ? undefined : t - deal.created
    const rows = history?.get(deal.id)
    if (rows !== undefined) {
      const state = fromHistory(deal, rows, t, stages)
      if (state !== undefined) open.push({ deal, ageDays, ...state })
      continue
    }
    if (!closed) {
      open.push({
        deal,
        ageDays,
        stage: deal.stage,
        amount: deal.amount ?? 0,
        closeDate: deal.close_date,
        probability: deal.probability ?? stages.get(stageKey(deal.stage))?.probability ?? 0,
        category: categoryFor(deal.stage, deal.forecast_category, stages),
      })
    } else {
      // closed since t and no history: only the amount is known (leakage), nothing about its stage
      open.push({
        deal,
        ageDays,
        stage: UNKNOWN_STAGE,
        amount: deal.amount ?? 0,
        closeDate: undefined,
        probability: 0,
        category: 'pipeline',
      })
    }
  }
  return open
}
