/**
 * Stage conversion funnel (docs/metrics.md, "funnel"): per stage in stage order, for the deals
 * created in a period (the cohort), optionally one funnel per group.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { groupBy } from '../shared/group-by.js'
import { mean, median, ratio } from '../shared/stats.js'
import { dealJourney, inferredJourney } from './deal-journey.js'
import type { DealJourney, FunnelDeal, FunnelMode, StageEntry } from './deal-journey.js'
import { funnelStageList } from './funnel-stages.js'
import type { FunnelStage, FunnelStageList } from './funnel-stages.js'
import { stagePhases } from './stage-phases.js'

export const conversionBases = ['next', 'cumulative'] as const
/** next: advanced ÷ entered; cumulative: advanced ÷ the deals of the funnel (its top) */
export type ConversionBasis = (typeof conversionBases)[number]

export interface FunnelOptions {
  /** the stage table, in pipeline order */
  readonly stages: readonly FunnelStage[]
  readonly mode: FunnelMode
  readonly conversion: ConversionBasis
  /** the cohort: deals created in [start, end); undefined = every deal, with or without a created date */
  readonly created?: { readonly start: CalendarDate; readonly end: CalendarDate }
  /** one funnel per value of FunnelDeal.group */
  readonly grouped?: boolean
  /** stage → phase, overriding the default thirds */
  readonly phases?: Readonly<Record<string, string>>
}

export interface FunnelRow {
  /** the --by value; undefined without --by */
  readonly group: string | undefined
  readonly stage: string
  readonly phase: string | null
  readonly entered: number
  /** null on the won row */
  readonly advanced: number | null
  readonly conversion_to_next: number | null
  readonly conversion_to_won: number | null
  /** null on the won row */
  readonly lost_here: number | null
  readonly avg_days_in_stage: number | null
  readonly median_days_in_stage: number | null
}

/** What the notes and --explain say about the run. */
export interface FunnelFacts {
  readonly historyGiven: boolean
  /** deals in the cohort */
  readonly cohort: number
  /** deals left out: created outside the period */
  readonly outsidePeriod: number
  /** deals left out: no created date while a period is set */
  readonly withoutCreated: number
  /** cohort deals whose journey comes from stage history */
  readonly fromHistory: number
  /** cohort deals inferred from their final stage (all of them without history) */
  readonly inferred: number
  /** cohort lost deals without a known last open stage (counted at the first stage) */
  readonly lostStageUnknown: number
  /** stage changes (and their deals) not in the deals file: ignored */
  readonly orphanChanges: number
  readonly orphanDeals: number
  /** open stages that the stage table does not know, listed after its stages */
  readonly unknownStages: readonly string[]
  /** stage names of the phase mapping that match no row */
  readonly unusedPhases: readonly string[]
  /** deals still in a stage (history only): that stage's days leave them out */
  readonly unfinishedStays: number
}

export interface FunnelResult {
  readonly rows: readonly FunnelRow[]
  readonly stages: FunnelStageList
  readonly facts: FunnelFacts
}

function inCohort(deal: FunnelDeal, created: FunnelOptions['created']): 'in' | 'outside' | 'undated' {
  if (created === undefined) return 'in'
  if (deal.created === undefined) return 'undated'
  return deal.created >= created.start && deal.created < created.end ? 'in' : 'outside'
}

/** Every stage change per deal id, in date order (ties keep file order). */
function historyByDeal(history: readonly StageEntry[]): Map<string, StageEntry[]> {
  const byDeal = new Map<string, StageEntry[]>()
  for (const e of history) {
    const list = byDeal.get(e.deal_id)
    if (list === undefined) byDeal.set(e.deal_id, [e])
    else list.push(e)
  }
  for (const list of byDeal.values()) if (list.length > 1) list.sort((a, b) => a.date - b.date)
  return byDeal
}

function groupRows(
  group: string | undefined,
  journeys: readonly { deal: FunnelDeal; journey: DealJourney }[],
  stages: FunnelStageList,
  phases: readonly (string | null)[],
  conversion: ConversionBasis,
): FunnelRow[] {
  const top = journeys.filter((j) => j.journey.entered.size > 0).length
  return stages.names.map((stage, row) => {
    let entered = 0
    let advanced = 0
    let wonAmongEntered = 0
    let lostHere = 0
    const days: number[] = []
    for (const { deal, journey } of journeys) {
      if (journey.entered.has(row)) {
        entered++
        if (deal.status === 'won') wonAmongEntered++
      }
      if (journey.advanced.has(row)) advanced++
      if (journey.lostAt === row) lostHere++
      const d = journey.days.get(row)
      if (d !== undefined) days.push(d)
    }
    const isWon = row === stages.won
    return {
      group,
      stage,
      phase: phases[row] ?? null,
      entered,
      advanced: isWon ? null : advanced,
      conversion_to_next: isWon ? null : ratio(advanced, conversion === 'next' ? entered : top),
      conversion_to_won: ratio(wonAmongEntered, entered),
      lost_here: isWon ? null : lostHere,
      avg_days_in_stage: isWon ? null : mean(days),
      median_days_in_stage: isWon ? null : median(days),
    }
  })
}

/**
 * The funnel rows of `deals` (one funnel, or one per group in key order with '(none)' last), with
 * `history` (stage changes, stage names resolved by the caller) or, when undefined, inferred from
 * each deal's final stage.
 */
export function funnelRows(
  deals: readonly FunnelDeal[],
  history: readonly StageEntry[] | undefined,
  options: FunnelOptions,
): FunnelResult {
  const cohort: FunnelDeal[] = []
  let outsidePeriod = 0
  let withoutCreated = 0
  for (const deal of deals) {
    const where = inCohort(deal, options.created)
    if (where === 'in') cohort.push(deal)
    else if (where === 'outside') outsidePeriod++
    else withoutCreated++
  }
  const byDeal = history === undefined ? new Map<string, StageEntry[]>() : historyByDeal(history)
  const dealIds = new Set(deals.map((d) => d.id))
  let orphanChanges = 0
  let orphanDeals = 0
  for (const [id, list] of byDeal) {
    if (dealIds.has(id)) continue
    orphanDeals++
    orphanChanges += list.length
  }
  const tableOpen = new Set(options.stages.filter((s) => s.status === 'open').map((s) => s.name))
  const unknownOpen = new Set<string>()
  for (const deal of cohort) {
    if (deal.stage_status === 'open' && !tableOpen.has(deal.stage)) unknownOpen.add(deal.stage)
    for (const e of byDeal.get(deal.id) ?? [])
      if (e.status === 'open' && !tableOpen.has(e.stage)) unknownOpen.add(e.stage)
  }
  const stages = funnelStageList(options.stages, unknownOpen)
  const { phases, unused } = stagePhases(stages, options.phases)
  const journeys = cohort.map((deal) => ({
    deal,
    journey:
      history === undefined
        ? inferredJourney(deal, stages)
        : dealJourney(deal, byDeal.get(deal.id), stages, options.mode),
  }))
  const rows: FunnelRow[] = []
  if (options.grouped === true) {
    for (const [key, members] of groupBy(journeys, (j) => j.deal.group))
      rows.push(...groupRows(key, members, stages, phases, options.conversion))
  } else {
    rows.push(...groupRows(undefined, journeys, stages, phases, options.conversion))
  }
  const fromHistory = journeys.filter((j) => j.journey.source === 'history').length
  return {
    rows,
    stages,
    facts: {
      historyGiven: history !== undefined,
      cohort: cohort.length,
      outsidePeriod,
      withoutCreated,
      fromHistory,
      inferred: cohort.length - fromHistory,
      lostStageUnknown: journeys.filter((j) => j.journey.lostStageUnknown).length,
      orphanChanges,
      orphanDeals,
      unknownStages: stages.unknown,
      unusedPhases: unused,
      unfinishedStays: journeys.filter((j) => j.journey.unfinished).length,
    },
  }
}
