/**
 * The recruiting pipeline of `capacity --candidates`. PURE.
 *
 * A candidate export has one row per candidate: `candidate, role, stage, applied, screen, interview,
 * offer, hired` — `stage` the current stage (applied, screen, interview, offer, hired, rejected or
 * withdrawn), the others the date the candidate reached each stage (empty when not reached).
 */
import { addDays } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import { median, ratio } from '../shared/stats.js'

export const candidateStages = ['applied', 'screen', 'interview', 'offer', 'hired'] as const
export type CandidateStage = (typeof candidateStages)[number]
export const closedStages = ['hired', 'rejected', 'withdrawn'] as const
export type CurrentStage = CandidateStage | (typeof closedStages)[number]

export interface Candidate {
  readonly candidate: string
  readonly role: string | undefined
  readonly stage: CurrentStage
  /** the date each stage was reached; `applied` always present */
  readonly reached: Partial<Record<CandidateStage, CalendarDate>>
  readonly line: number
}

export interface StageRow {
  stage: CandidateStage
  /** candidates that reached the stage (a later stage date counts as reaching it) */
  reached: number
  /** open candidates whose current stage this is */
  open: number
  /** reached the next stage ÷ reached this one (hired: null) */
  conversion: number | null
  /** reached hired ÷ reached this stage: the chance an open candidate here is hired */
  hire_rate: number | null
}

export interface CandidatePipeline {
  readonly stages: StageRow[]
  /** median days from applied to hired over the hired candidates */
  readonly timeToHireDays: number | null
  /** per open candidate: P(hired | current stage) and the expected hire date */
  readonly expected: readonly { candidate: string; probability: number; date: CalendarDate }[]
}

function reachedStage(c: Candidate, stage: CandidateStage): boolean {
  const k = candidateStages.indexOf(stage)
  return candidateStages.slice(k).some((s) => c.reached[s] !== undefined) || c.stage === stage
}

/**
 * Stage counts and conversions over every candidate; time to hire the median of hired − applied; an
 * open candidate is expected to be hired with the hire_rate of their current stage, on
 * applied + time to hire (or the as-of date when that has passed).
 */
export function candidatePipeline(candidates: readonly Candidate[], asOf: CalendarDate): CandidatePipeline {
  const reached = candidateStages.map((s) => candidates.filter((c) => reachedStage(c, s)).length)
  const hired = reached[candidateStages.length - 1] ?? 0
  const stages: StageRow[] = candidateStages.map((stage, k) => ({
    stage,
    reached: reached[k] ?? 0,
    open: candidates.filter((c) => c.stage === stage && stage !== 'hired').length,
    conversion: k + 1 < candidateStages.length ? ratio(reached[k + 1] ?? 0, reached[k] ?? 0) : null,
    hire_rate: ratio(hired, reached[k] ?? 0),
  }))
  const days = candidates.flatMap((c) =>
    c.reached.hired !== undefined && c.reached.applied !== undefined
      ? [c.reached.hired - c.reached.applied]
      : [],
  )
  const timeToHire = median(days)
  const expected = candidates.flatMap((c) => {
    if ((closedStages as readonly string[]).includes(c.stage) || timeToHire === null) return []
    const rate = stages.find((s) => s.stage === c.stage)?.hire_rate ?? null
    if (rate === null || rate === 0) return []
    const applied = c.reached.applied ?? asOf
    const date = Math.max(asOf, addDays(applied, Math.round(timeToHire))) as CalendarDate
    return [{ candidate: c.candidate, probability: rate, date }]
  })
  return { stages, timeToHireDays: timeToHire, expected }
}

/** Expected hires from the open pipeline landing on or before `date`. */
export function expectedHiresBy(pipeline: CandidatePipeline, date: CalendarDate): number {
  return pipeline.expected.reduce((a, e) => a + (e.date <= date ? e.probability : 0), 0)
}
