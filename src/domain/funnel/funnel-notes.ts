/** The funnel's messages for stderr and the definitions printed by --explain (pure text). */
import type { FunnelMode } from './deal-journey.js'
import type { ConversionBasis, FunnelFacts } from './funnel-rows.js'
import { formatCount } from '../../model/counts.js'

export interface FunnelNote {
  readonly level: 'note' | 'warning'
  readonly text: string
}

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`

/** What the reader must know to trust the numbers; `firstStage` is the funnel's first row. */
export function funnelNotes(facts: FunnelFacts, firstStage: string, cohort: string): FunnelNote[] {
  const notes: FunnelNote[] = []
  if (facts.cohort === 0) notes.push({ level: 'warning', text: `no deals in the cohort (${cohort})` })
  if (facts.withoutCreated > 0)
    notes.push({
      level: 'note',
      text: `${plural(facts.withoutCreated, 'deal', 'deals')} without a created date left out of the cohort`,
    })
  if (!facts.historyGiven) {
    notes.push({
      level: 'note',
      text: "no stage history (--history): 'entered' is inferred from each deal's final stage (every stage up to it; won deals: every stage); days in stage need the history",
    })
  } else if (facts.inferred > 0) {
    notes.push({
      level: 'note',
      text: `${plural(facts.inferred, 'deal', 'deals')} of ${formatCount(facts.cohort)} without stage history: inferred from the final stage`,
    })
  }
  if (facts.lostStageUnknown > 0)
    notes.push({
      level: 'note',
      text: `${plural(facts.lostStageUnknown, 'lost deal does', 'lost deals do')} not show the stage lost in: counted as entering only "${firstStage}" and lost there`,
    })
  if (facts.orphanChanges > 0)
    notes.push({
      level: 'note',
      text: `ignored ${plural(facts.orphanChanges, 'stage change', 'stage changes')} of ${plural(facts.orphanDeals, 'deal', 'deals')} not in the deals file`,
    })
  if (facts.unknownStages.length > 0)
    notes.push({
      level: 'warning',
      text: `stages not in the stage table, listed after its open stages: ${facts.unknownStages.join(', ')} (order them with the config's stages:)`,
    })
  if (facts.unusedPhases.length > 0)
    notes.push({
      level: 'warning',
      text: `the phase mapping names stages that are not in the funnel: ${facts.unusedPhases.join(', ')}`,
    })
  return notes
}

export interface ExplainContext {
  readonly mode: FunnelMode
  readonly conversion: ConversionBasis
  readonly history: boolean
  /** e.g. "deals created in 2026-Q4 (2026-10-01 to 2026-12-31)" */
  readonly cohort: string
  readonly wonStage: string
  /** --phases, when given */
  readonly phases?: Readonly<Record<string, string>>
}

export function funnelExplain(c: ExplainContext): string[] {
  const entered = !c.history
    ? 'deals whose final stage is this stage or a later one (no history: inferred; won deals reached every stage; a lost deal reached the open stage its record keeps, else only the first stage)'
    : c.mode === 'ordered'
      ? 'deals whose furthest stage in the history is this stage or a later one in table order (a skipped stage counts as passed); won deals reached every stage'
      : 'deals with a stage change into this stage, in any order (a skipped stage is not entered); won row: won deals'
  const advanced =
    c.history && c.mode === 'any'
      ? 'entered deals that, after first entering this stage, entered a later stage or were won'
      : 'entered deals that reached a later stage (or won)'
  return [
    `funnel — stage conversion (--funnel-mode ${c.mode}, --conversion ${c.conversion}${c.history ? ', with stage history' : ', without stage history'}):`,
    `  cohort: ${c.cohort}`,
    "  rows: the stage table's open stages in order, then open stages it does not know (name order), then " +
      `"${c.wonStage}"; lost stages are no row`,
    `  entered = ${entered}`,
    `  advanced = ${advanced}`,
    c.conversion === 'next'
      ? '  conversion_to_next = advanced ÷ entered (null when entered = 0)'
      : '  conversion_to_next (cumulative) = advanced ÷ deals in the funnel (every cohort deal counted in any stage)',
    '  conversion_to_won = won deals among entered ÷ entered',
    '  lost_here = lost deals whose last open stage was this one',
    c.history
      ? "  days in stage = per deal, the days from entering the stage to the next stage change (stays added up when a deal comes back; a closed deal's last stay ends at its close date); a deal still in the stage, or with a stay whose start or end the history does not show, is left out of that stage; avg = mean, median over the deals left"
      : '  days in stage: null without stage history',
    c.phases === undefined
      ? '  phase: open stages in thirds by position (awareness, consideration, decision); won: decision'
      : `  phase: ${Object.entries(c.phases)
          .map(([stage, phase]) => `${stage}=${phase}`)
          .join(', ')}; other stages in thirds by position`,
  ]
}

/** The line under a table: the switches in effect and the cohort. */
export function funnelFooter(
  mode: FunnelMode,
  conversion: ConversionBasis,
  history: boolean,
  facts: FunnelFacts,
  cohort: string,
): string {
  return `${mode} funnel, ${conversion === 'next' ? 'next-step' : 'cumulative'} conversion, ${history ? 'stage history' : 'no stage history'}; cohort of ${formatCount(facts.cohort)}: ${cohort}`
}
