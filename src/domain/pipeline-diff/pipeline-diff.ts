/**
 * The pipeline bridge between two snapshots of the same deal export (kpi-definitions §6): how the
 * open pipeline of one close period in OLD became the open pipeline of that period in NEW.
 *
 * The population is the deals open in the period in OLD (the start) or in NEW (the end), matched
 * by id. Every such deal lands in exactly one waterfall category (two with `by`, when it changed
 * group), so that start + Σ movements = end exactly, in deals and in cents; `pipelineDiff` checks
 * this identity and throws when it fails (that would be a bug, not bad input).
 */
import { formatIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import { centsToDecimal } from '../../model/money.js'
import { NO_VALUE, compareKeys } from '../shared/group-by.js'
import type { Period } from '../shared/period.js'

export { dealGroupFields as groupFields } from '../shared/deal-fields.js'
export type { DealGroupField as GroupField } from '../shared/deal-fields.js'
import type { DealGroupField as GroupField } from '../shared/deal-fields.js'

/** Waterfall movements in output order; the transfers exist only when grouping. */
export const movementCategories = [
  'new',
  'pulled_in',
  'pushed_out',
  'amount_up',
  'amount_down',
  'won',
  'lost',
  'removed',
  'transfer_in',
  'transfer_out',
] as const
export type MovementCategory = (typeof movementCategories)[number]
export type WaterfallCategory = 'start' | MovementCategory | 'end'

/** Changes counted by `--moves`, in output order. */
export const moveChanges = [
  'stage_forward',
  'stage_backward',
  'stage_unordered',
  'forecast_category',
  'owner',
] as const
export type MoveChange = (typeof moveChanges)[number]

/** Every change a detail row can name, in output order. */
export const detailChanges = [...movementCategories, 'reopened', ...moveChanges, 'close_date'] as const
export type DetailChange = (typeof detailChanges)[number]

export interface PipelineDiffOptions {
  /** the close period: deals open with a close date in [start, end) form the pipeline */
  readonly period: Pick<Period, 'start' | 'end'>
  /** split every output by these fields (default: one waterfall) */
  readonly by?: readonly GroupField[]
}

export interface WaterfallRow {
  /** values of the `by` fields (empty without `by`); a missing value is '(none)' */
  readonly group: readonly string[]
  readonly category: WaterfallCategory
  /** start/end: open deals in the period; a movement: its signed change of that count */
  readonly deals: number
  /** start/end: their amount in cents; a movement: its signed change in cents */
  readonly amount: number
  /** how many deals the row is about (amount_up/amount_down change no count but do have deals) */
  readonly deals_affected: number
}

export interface MoveRow {
  /** values of the `by` fields, taken from NEW */
  readonly group: readonly string[]
  readonly change: MoveChange
  readonly from: string
  readonly to: string
  readonly deals: number
  /** the moved deals' amount in NEW, cents */
  readonly amount: number
}

export interface DetailRow {
  /** the group the change counts in: OLD's for outflows, NEW's otherwise */
  readonly group: readonly string[]
  readonly deal_id: string
  readonly name: string | undefined
  /** NEW's owner, or OLD's for a removed deal */
  readonly owner: string | undefined
  readonly change: DetailChange
  readonly old_value: string | undefined
  readonly new_value: string | undefined
  /** the deal's contribution to the waterfall row named by `change` (cents); null for the other changes */
  readonly amount_change: number | null
  readonly old_amount: number | undefined
  readonly new_amount: number | undefined
  readonly old_close_date: CalendarDate | undefined
  readonly new_close_date: CalendarDate | undefined
}

export interface PipelineDiff {
  readonly waterfall: readonly WaterfallRow[]
  readonly moves: readonly MoveRow[]
  readonly details: readonly DetailRow[]
}

/** One deal's share of one waterfall row. */
export interface Flow {
  readonly category: MovementCategory
  readonly group: readonly string[]
  /** +1, −1 or 0 */
  readonly deals: number
  /** cents */
  readonly amount: number
}

type CloseWindow = PipelineDiffOptions['period']
type KeyOf = (deal: Deal) => readonly string[]

/** Open with a close date in the period. Open deals without a close date are in no period. */
export function inPipeline(deal: Deal | undefined, period: CloseWindow): deal is Deal {
  const close = deal?.close_date
  return deal?.status === 'open' && close !== undefined && close >= period.start && close < period.end
}

/** An open deal without amount counts as zero (as in pipeline and forecast). */
function amountOf(deal: Deal): number {
  return deal.amount ?? 0
}

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

function compareGroups(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareKeys(a[i] ?? '', b[i] ?? '')
    if (c !== 0) return c
  }
  return a.length - b.length
}

function groupKey(by: readonly GroupField[]): KeyOf {
  return (deal) => by.map((field) => deal[field] ?? NO_VALUE)
}

/**
 * The waterfall row(s) of one deal, from its OLD and NEW versions (undefined = absent).
 *
 * - In the period in OLD and in NEW: `amount_up` / `amount_down` by the difference (no row when
 *   equal); with a changed group key, `transfer_out` of the OLD amount from the OLD group and
 *   `transfer_in` of the NEW amount to the NEW group instead.
 * - Only in OLD's pipeline: `removed` (absent in NEW), `won`, `lost`, else `pushed_out` (still open, close
 *   date after the period, before it, or blank), each −1 deal and −OLD amount, in OLD's group.
 * - Only in NEW's pipeline: `new` (absent in OLD), else `pulled_in` (open elsewhere or without a close date
 *   in OLD, or closed in OLD and reopened), each +1 deal and +NEW amount, in NEW's group.
 *
 * @example
 *   // OLD: open, 2026-12-20, $150; NEW: open, 2027-02-15; period 2026-Q4
 *   dealFlows(old, next, q4, () => []) //=> [{ category: 'pushed_out', group: [], deals: -1, amount: -15000 }]
 */
export function dealFlows(
  before: Deal | undefined,
  after: Deal | undefined,
  period: CloseWindow,
  keyOf: KeyOf = () => [],
): Flow[] {
  const was = inPipeline(before, period) ? before : undefined
  const is = inPipeline(after, period) ? after : undefined
  if (was !== undefined && is !== undefined) {
    const oldKey = keyOf(was)
    const newKey = keyOf(is)
    if (!sameKey(oldKey, newKey)) {
      return [
        { category: 'transfer_out', group: oldKey, deals: -1, amount: -amountOf(was) },
        { category: 'transfer_in', group: newKey, deals: 1, amount: amountOf(is) },
      ]
    }
    const delta = amountOf(is) - amountOf(was)
    if (delta === 0) return []
    return [{ category: delta > 0 ? 'amount_up' : 'amount_down', group: newKey, deals: 0, amount: delta }]
  }
  if (was !== undefined) {
    const category =
      after === undefined
        ? 'removed'
        : after.status === 'won'
          ? 'won'
          : after.status === 'lost'
            ? 'lost'
            : 'pushed_out'
    return [{ category, group: keyOf(was), deals: -1, amount: -amountOf(was) }]
  }
  if (is !== undefined) {
    return [
      {
        category: before === undefined ? 'new' : 'pulled_in',
        group: keyOf(is),
        deals: 1,
        amount: amountOf(is),
      },
    ]
  }
  return []
}

/** A non-waterfall change of one deal: field values before and after. */
export interface DealChange {
  readonly change: MoveChange | 'reopened' | 'close_date'
  readonly from: string | undefined
  readonly to: string | undefined
}

/**
 * What else changed on a deal of the population that is in both snapshots: `reopened` (closed in
 * OLD, open in the period in NEW); for deals open in both, the stage move (forward / backward by
 * the stage table's order; `stage_unordered` when either stage has no order; same order under
 * another name is no move), the forecast category, the owner, and the close date when the deal
 * stayed in the period (pushes out of and pulls into the period are waterfall rows already).
 */
export function dealChanges(
  before: Deal | undefined,
  after: Deal | undefined,
  period: CloseWindow,
): DealChange[] {
  if (before === undefined || after === undefined) return []
  const was = inPipeline(before, period)
  const is = inPipeline(after, period)
  if (!was && !is) return []
  if (before.status !== 'open') {
    return is ? [{ change: 'reopened', from: before.stage, to: after.stage }] : []
  }
  if (after.status !== 'open') return []
  const changes: DealChange[] = []
  if (before.stage !== after.stage) {
    const a = before.stage_order
    const b = after.stage_order
    const change =
      a === undefined || b === undefined
        ? 'stage_unordered'
        : b > a
          ? 'stage_forward'
          : b < a
            ? 'stage_backward'
            : undefined
    if (change !== undefined) changes.push({ change, from: before.stage, to: after.stage })
  }
  if (before.forecast_category !== after.forecast_category)
    changes.push({ change: 'forecast_category', from: before.forecast_category, to: after.forecast_category })
  if (before.owner !== after.owner) changes.push({ change: 'owner', from: before.owner, to: after.owner })
  if (was && is && before.close_date !== after.close_date)
    changes.push({
      change: 'close_date',
      from: isoOrUndefined(before.close_date),
      to: isoOrUndefined(after.close_date),
    })
  return changes
}

function isoOrUndefined(date: CalendarDate | undefined): string | undefined {
  return date === undefined ? undefined : formatIsoDate(date)
}

function moneyOrUndefined(amount: number | undefined): string | undefined {
  return amount === undefined ? undefined : centsToDecimal(amount)
}

/** old_value / new_value of a waterfall detail row: the field that decided the category. */
function flowValues(
  flow: Flow,
  before: Deal | undefined,
  after: Deal | undefined,
  keyOf: KeyOf,
): [string | undefined, string | undefined] {
  switch (flow.category) {
    case 'new':
    case 'removed':
    case 'won':
    case 'lost':
      return [before?.stage, after?.stage]
    case 'pulled_in':
    case 'pushed_out':
      return [isoOrUndefined(before?.close_date), isoOrUndefined(after?.close_date)]
    case 'amount_up':
    case 'amount_down':
      return [moneyOrUndefined(before?.amount), moneyOrUndefined(after?.amount)]
    case 'transfer_in':
    case 'transfer_out':
      return [
        before === undefined ? undefined : keyOf(before).join(', '),
        after === undefined ? undefined : keyOf(after).join(', '),
      ]
  }
}

function indexById(deals: readonly Deal[]): Map<string, Deal> {
  const byId = new Map<string, Deal>()
  for (const deal of deals) {
    if (byId.has(deal.id))
      throw new Error(`pipelineDiff: duplicate deal id "${deal.id}" (check snapshotProblem first)`)
    byId.set(deal.id, deal)
  }
  return byId
}

interface Tally {
  deals: number
  amount: number
  affected: number
}

function tally(): Tally {
  return { deals: 0, amount: 0, affected: 0 }
}

interface GroupTotals {
  readonly group: readonly string[]
  readonly start: Tally
  readonly end: Tally
  readonly movements: Map<MovementCategory, Tally>
}

/**
 * The bridge of the open pipeline in `period` from OLD to NEW, plus the stage / forecast-category /
 * owner moves and one detail row per change per deal (see the module comment and docs/metrics.md,
 * "pipeline diff"). Deal ids must be unique within each snapshot (`snapshotProblem`).
 *
 * @example
 *   // Q4: OLD has A (open, Nov, $100) and B (open, Dec, $50); NEW has A at $120 and B won.
 *   // start 2 deals $150 · amount_up 0 deals +$20 · won −1 deal −$50 · end 1 deal $120
 *   // 150 + 20 − 50 = 120 ✓ and 2 + 0 − 1 = 1 ✓
 */
export function pipelineDiff(
  oldDeals: readonly Deal[],
  newDeals: readonly Deal[],
  options: PipelineDiffOptions,
): PipelineDiff {
  const { period } = options
  const by = options.by ?? []
  const keyOf = groupKey(by)
  const before = indexById(oldDeals)
  const after = indexById(newDeals)
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareKeys)

  const groups = new Map<string, GroupTotals>()
  const totalsOf = (group: readonly string[]): GroupTotals => {
    const k = group.join('\u0000')
    let g = groups.get(k)
    if (g === undefined) {
      g = { group, start: tally(), end: tally(), movements: new Map() }
      groups.set(k, g)
    }
    return g
  }
  if (by.length === 0) totalsOf([])
  // start and end straight from the snapshots, so that the identity below is a real check
  for (const deal of oldDeals) {
    if (!inPipeline(deal, period)) continue
    const t = totalsOf(keyOf(deal)).start
    t.deals++
    t.affected++
    t.amount += amountOf(deal)
  }
  for (const deal of newDeals) {
    if (!inPipeline(deal, period)) continue
    const t = totalsOf(keyOf(deal)).end
    t.deals++
    t.affected++
    t.amount += amountOf(deal)
  }

  const details: DetailRow[] = []
  const moves = new Map<
    string,
    { group: readonly string[]; change: MoveChange; from: string; to: string; deals: number; amount: number }
  >()
  for (const id of ids) {
    const b = before.get(id)
    const a = after.get(id)
    const current = a ?? b
    if (current === undefined) continue
    const row = {
      deal_id: id,
      name: current.name,
      owner: current.owner,
      old_amount: b?.amount,
      new_amount: a?.amount,
      old_close_date: b?.close_date,
      new_close_date: a?.close_date,
    }
    for (const flow of dealFlows(b, a, period, keyOf)) {
      const g = totalsOf(flow.group)
      const t = g.movements.get(flow.category) ?? tally()
      t.deals += flow.deals
      t.amount += flow.amount
      t.affected++
      g.movements.set(flow.category, t)
      const [oldValue, newValue] = flowValues(flow, b, a, keyOf)
      details.push({
        group: flow.group,
        ...row,
        change: flow.category,
        old_value: oldValue,
        new_value: newValue,
        amount_change: flow.amount,
      })
    }
    for (const c of dealChanges(b, a, period)) {
      const group = keyOf(current)
      details.push({
        group,
        ...row,
        change: c.change,
        old_value: c.from,
        new_value: c.to,
        amount_change: null,
      })
      if (c.change === 'reopened' || c.change === 'close_date' || a === undefined) continue
      const from = c.from ?? NO_VALUE
      const to = c.to ?? NO_VALUE
      const k = [...group, c.change, from, to].join('\u0000')
      const m = moves.get(k) ?? { group, change: c.change, from, to, deals: 0, amount: 0 }
      m.deals++
      m.amount += amountOf(a)
      moves.set(k, m)
    }
  }

  const categories = movementCategories.filter(
    (c) => by.length > 0 || (c !== 'transfer_in' && c !== 'transfer_out'),
  )
  const waterfall: WaterfallRow[] = []
  for (const g of [...groups.values()].sort((x, y) => compareGroups(x.group, y.group))) {
    let deals = g.start.deals
    let amount = g.start.amount
    waterfall.push({ group: g.group, category: 'start', deals, amount, deals_affected: g.start.affected })
    for (const category of categories) {
      const t = g.movements.get(category) ?? tally()
      deals += t.deals
      amount += t.amount
      waterfall.push({
        group: g.group,
        category,
        deals: t.deals,
        amount: t.amount,
        deals_affected: t.affected,
      })
    }
    if (deals !== g.end.deals || amount !== g.end.amount) {
      throw new Error(
        `pipeline bridge does not balance${g.group.length > 0 ? ` for ${g.group.join(', ')}` : ''}: start + movements = ${deals} deals / ${amount} cents, end = ${g.end.deals} deals / ${g.end.amount} cents`,
      )
    }
    waterfall.push({
      group: g.group,
      category: 'end',
      deals: g.end.deals,
      amount: g.end.amount,
      deals_affected: g.end.affected,
    })
  }

  const changeOrder = (c: DetailChange): number => detailChanges.indexOf(c)
  details.sort(
    (x, y) =>
      compareGroups(x.group, y.group) ||
      compareKeys(x.deal_id, y.deal_id) ||
      changeOrder(x.change) - changeOrder(y.change),
  )
  const moveRows = [...moves.values()].sort(
    (x, y) =>
      compareGroups(x.group, y.group) ||
      changeOrder(x.change) - changeOrder(y.change) ||
      compareKeys(x.from, y.from) ||
      compareKeys(x.to, y.to),
  )
  return { waterfall, moves: moveRows, details }
}
