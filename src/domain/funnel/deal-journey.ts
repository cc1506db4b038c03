/**
 * What one deal did in the funnel: the rows it counts in (`entered`), the rows it moved on from
 * (`advanced`), the row it was lost at, and its finished days per stage. Exact from stage history;
 * inferred from the final stage without it (see docs/metrics.md, "funnel").
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal, DealStatus } from '../../model/deal.js'
import type { FunnelStageList } from './funnel-stages.js'

export const funnelModes = ['ordered', 'any'] as const
/** ordered: a deal counts in every stage up to the furthest it reached; any: only in stages it entered */
export type FunnelMode = (typeof funnelModes)[number]

/** A deal as the funnel sees it (the CLI resolves its stage name through the stage table). */
export interface FunnelDeal {
  readonly id: string
  readonly created: CalendarDate | undefined
  readonly close_date: CalendarDate | undefined
  /** final status: decides won/lost/open even when the history ends elsewhere */
  readonly status: DealStatus
  /** the final stage, as the stage table names it */
  readonly stage: string
  /** open/won/lost of the final stage itself: a lost deal may keep the open stage it was lost in */
  readonly stage_status: DealStatus
  /** value of the --by field */
  readonly group: string | undefined
}

/** One move of a deal into a stage, the stage named as the stage table names it. */
export interface StageEntry {
  readonly deal_id: string
  readonly date: CalendarDate
  readonly stage: string
  /** open/won/lost of that stage */
  readonly status: DealStatus
}

export { dealGroupFields as groupFields } from '../shared/deal-fields.js'
export type { DealGroupField as GroupField } from '../shared/deal-fields.js'
import type { DealGroupField as GroupField } from '../shared/deal-fields.js'

/**
 * The funnel's view of a deal. `finalStage` is its stage resolved through the stage table (`order`
 * undefined when the table does not know it). A won or lost deal whose stage the table does not know
 * keeps no open stage: an unknown name on a closed deal is more likely a closed stage ("Closed -
 * Signed") than the stage it was lost in.
 */
export function funnelDeal(
  deal: Deal,
  finalStage: { readonly name: string; readonly status: DealStatus; readonly order: number | undefined },
  by?: GroupField,
): FunnelDeal {
  return {
    id: deal.id,
    created: deal.created,
    close_date: deal.close_date,
    status: deal.status,
    stage: finalStage.name,
    stage_status: deal.status !== 'open' && finalStage.order === undefined ? deal.status : finalStage.status,
    group: by === undefined ? undefined : deal[by],
  }
}

export interface DealJourney {
  readonly entered: ReadonlySet<number>
  /** rows (never the won row) from which the deal went on to a later row */
  readonly advanced: ReadonlySet<number>
  /** the row whose `lost_here` counts this deal (lost deals only) */
  readonly lostAt: number | undefined
  /** finished days per row: the sum of the deal's stays in that stage (rows it is still in are absent) */
  readonly days: ReadonlyMap<number, number>
  readonly source: 'history' | 'inferred'
  /** a lost deal whose last open stage is unknown: counted in the first stage only, lost there */
  readonly lostStageUnknown: boolean
  /** a stay without known days: still in the stage, or its start or end not in the history */
  readonly unfinished: boolean
}

function range(from: number, to: number): Set<number> {
  const s = new Set<number>()
  for (let i = from; i < to; i++) s.add(i)
  return s
}

/** Without history: a deal reached every row up to its final stage; won deals every row. */
export function inferredJourney(deal: FunnelDeal, stages: FunnelStageList): DealJourney {
  let reach: number
  let lostStageUnknown = false
  if (deal.status === 'won') reach = stages.won
  else {
    const at = deal.stage_status === 'open' ? stages.indexOf(deal.stage) : undefined
    if (at === undefined) {
      // a lost deal in a lost stage (or an open deal named like a closed stage): only the first stage
      reach = stages.won > 0 ? 0 : -1
      lostStageUnknown = deal.status === 'lost' && reach === 0
    } else reach = at
  }
  return {
    entered: range(0, reach + 1),
    advanced: range(0, reach),
    lostAt: deal.status === 'lost' && reach >= 0 ? reach : undefined,
    days: new Map(),
    source: 'inferred',
    lostStageUnknown,
    unfinished: false,
  }
}

interface Step {
  readonly stage: string
  /** row of an open stage; undefined for a won or lost stage */
  readonly row: number | undefined
  /** undefined for the deal's final stage when the history does not show the move into it */
  readonly date: CalendarDate | undefined
}

/**
 * From the deal's stage changes in date order (ties in file order). Falls back to the inferred
 * journey when the history names no open stage of the deal. The deals file is the newer record:
 * an open deal (or a lost deal that keeps its stage) whose final open stage is not the history's
 * last open stage moved there afterwards, on a day the history does not show.
 */
export function dealJourney(
  deal: FunnelDeal,
  entries: readonly StageEntry[] | undefined,
  stages: FunnelStageList,
  mode: FunnelMode,
): DealJourney {
  const path: Step[] = []
  for (const e of entries ?? []) {
    const row = e.status === 'open' ? stages.indexOf(e.stage) : undefined
    const last = path[path.length - 1]
    // an amount or close-date change repeats the stage: not a new stay
    if (last?.stage === e.stage) continue
    path.push({ stage: e.stage, row, date: e.date })
  }
  const openRows = (): number[] => path.flatMap((s) => (s.row === undefined ? [] : [s.row]))
  const historyRows = openRows()
  if (historyRows.length === 0) return inferredJourney(deal, stages)
  const finalRow =
    deal.status !== 'won' && deal.stage_status === 'open' ? stages.indexOf(deal.stage) : undefined
  if (finalRow !== undefined && finalRow !== historyRows[historyRows.length - 1])
    path.push({ stage: deal.stage, row: finalRow, date: undefined })
  const rows = openRows()
  const won = deal.status === 'won'
  let entered: Set<number>
  let advanced: Set<number>
  if (mode === 'ordered') {
    const reach = won ? stages.won : Math.max(...rows)
    entered = range(0, reach + 1)
    advanced = range(0, reach)
  } else {
    entered = new Set(rows)
    if (won) entered.add(stages.won)
    advanced = new Set()
    for (const row of entered) {
      if (row === stages.won) continue
      const first = path.findIndex((s) => s.row === row)
      if (won || path.slice(first + 1).some((s) => s.row !== undefined && s.row > row)) advanced.add(row)
    }
  }
  const days = new Map<number, number>()
  const unfinished = new Set<number>()
  path.forEach((step, i) => {
    if (step.row === undefined) return
    const next = path[i + 1]
    let end: number | undefined = next === undefined ? undefined : next.date
    if (
      next === undefined &&
      deal.status !== 'open' &&
      deal.close_date !== undefined &&
      step.date !== undefined &&
      deal.close_date >= step.date
    )
      end = deal.close_date
    // still in the stage, or a stay whose start or end the history does not show
    if (end === undefined || step.date === undefined) unfinished.add(step.row)
    else days.set(step.row, (days.get(step.row) ?? 0) + (end - step.date))
  })
  for (const row of unfinished) days.delete(row)
  return {
    entered,
    advanced,
    lostAt: deal.status === 'lost' ? rows[rows.length - 1] : undefined,
    days,
    source: 'history',
    lostStageUnknown: false,
    unfinished: unfinished.size > 0,
  }
}
