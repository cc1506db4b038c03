import { describe, expect, it } from 'vitest'
import { addDays, parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { DealStatus } from '../../model/deal.js'
import type { FunnelDeal, StageEntry } from './deal-journey.js'
import { funnelRows } from './funnel-rows.js'
import type { FunnelOptions, FunnelRow } from './funnel-rows.js'
import type { FunnelStage } from './funnel-stages.js'

const DAY0 = parseIsoDate('2025-01-01') ?? (0 as CalendarDate)
/** day n after 2025-01-01 */
const d = (n: number): CalendarDate => addDays(DAY0, n)

const TABLE: FunnelStage[] = [
  { name: 'A', status: 'open' },
  { name: 'B', status: 'open' },
  { name: 'C', status: 'open' },
  { name: 'D', status: 'open' },
  { name: 'Won', status: 'won' },
  { name: 'Lost', status: 'lost' },
]
const statusOf = (stage: string): DealStatus => (stage === 'Won' ? 'won' : stage === 'Lost' ? 'lost' : 'open')

function deal(id: string, stage: string, overrides: Partial<FunnelDeal> = {}): FunnelDeal {
  return {
    id,
    created: d(0),
    close_date: undefined,
    status: statusOf(stage),
    stage,
    stage_status: statusOf(stage),
    group: undefined,
    ...overrides,
  }
}

/** `moves('d1', ['A', 0], ['C', 10])` → stage changes on days 0 and 10 */
function moves(id: string, ...steps: [string, number][]): StageEntry[] {
  return steps.map(([stage, n]) => ({ deal_id: id, date: d(n), stage, status: statusOf(stage) }))
}

// d1 skips B: A day 0 → C day 10 → won day 30
// d2 goes back: A 0 → B 5 → C 15 → B 20 → C 26 → D 30 → lost day 40
// d3 lost from B: A 0 → B 4 → (B again on day 7: an amount change, not a new stay) → lost day 10
// d4 is still open in C since day 12
const DEALS = [
  deal('d1', 'Won', { close_date: d(30) }),
  deal('d2', 'Lost', { close_date: d(40) }),
  deal('d3', 'Lost', { close_date: d(10) }),
  deal('d4', 'C'),
]
const HISTORY = [
  ...moves('d1', ['A', 0], ['C', 10], ['Won', 30]),
  ...moves('d2', ['A', 0], ['B', 5], ['C', 15], ['B', 20], ['C', 26], ['D', 30], ['Lost', 40]),
  ...moves('d3', ['A', 0], ['B', 4], ['B', 7], ['Lost', 10]),
  ...moves('d4', ['A', 0], ['B', 2], ['C', 12]),
]
const options = (o: Partial<FunnelOptions> = {}): FunnelOptions => ({
  stages: TABLE,
  mode: 'ordered',
  conversion: 'next',
  ...o,
})
const column = <K extends keyof FunnelRow>(rows: readonly FunnelRow[], key: K): FunnelRow[K][] =>
  rows.map((r) => r[key])

describe('funnelRows with stage history, ordered mode (default)', () => {
  const { rows, facts } = funnelRows(DEALS, HISTORY, options())

  it('lists the open stages in table order, then won, with the default phases by thirds', () => {
    expect(column(rows, 'stage')).toEqual(['A', 'B', 'C', 'D', 'Won'])
    // 4 open stages: floor(3i/4) = 0, 0, 1, 2 → awareness, awareness, consideration, decision
    expect(column(rows, 'phase')).toEqual(['awareness', 'awareness', 'consideration', 'decision', 'decision'])
  })

  it('counts a deal in every stage up to the furthest it reached, a skipped stage included', () => {
    // furthest: d1 won (every row), d2 D, d3 B, d4 C
    // A: all 4; B: all 4 (d1 skipped B but passed it); C: d1 d2 d4 = 3; D: d1 d2 = 2; won: d1
    expect(column(rows, 'entered')).toEqual([4, 4, 3, 2, 1])
    // advanced = reached a later row: A 4; B d1 d2 d4 = 3; C d1 d2 = 2; D d1 = 1; won row null
    expect(column(rows, 'advanced')).toEqual([4, 3, 2, 1, null])
  })

  it('divides advanced by entered for next-step conversion, and won among entered for conversion to won', () => {
    // 4/4, 3/4, 2/3, 1/2
    expect(column(rows, 'conversion_to_next')).toEqual([1, 0.75, 2 / 3, 0.5, null])
    // won d1 is in every row: 1/4, 1/4, 1/3, 1/2, 1/1
    expect(column(rows, 'conversion_to_won')).toEqual([0.25, 0.25, 1 / 3, 0.5, 1])
  })

  it('counts a lost deal at the last open stage it was in', () => {
    // d2 was lost from D, d3 from B
    expect(column(rows, 'lost_here')).toEqual([0, 1, 0, 1, null])
  })

  it('adds up the stays of a deal that comes back, and leaves out a deal still in the stage', () => {
    // A: d1 0→10 = 10, d2 0→5 = 5, d3 0→4 = 4, d4 0→2 = 2 → mean 21/4 = 5.25, median (4+5)/2 = 4.5
    // B: d2 (15−5) + (26−20) = 16, d3 10−4 = 6 (day 7 is no new stay), d4 12−2 = 10 → mean 32/3, median 10
    // C: d1 30−10 = 20, d2 (20−15) + (30−26) = 9; d4 is still in C → mean 14.5, median 14.5
    // D: d2 40−30 = 10
    expect(column(rows, 'avg_days_in_stage')).toEqual([5.25, 32 / 3, 14.5, 10, null])
    expect(column(rows, 'median_days_in_stage')).toEqual([4.5, 10, 14.5, 10, null])
  })

  it('reports every deal as read from history and one unfinished stay', () => {
    expect(facts).toMatchObject({
      cohort: 4,
      fromHistory: 4,
      inferred: 0,
      unfinishedStays: 1,
      orphanChanges: 0,
    })
  })

  it('divides advanced by the deals in the funnel for cumulative conversion', () => {
    const cumulative = funnelRows(DEALS, HISTORY, options({ conversion: 'cumulative' })).rows
    // 4/4, 3/4, 2/4, 1/4
    expect(column(cumulative, 'conversion_to_next')).toEqual([1, 0.75, 0.5, 0.25, null])
  })
})

describe('funnelRows with stage history, any mode', () => {
  const { rows } = funnelRows(DEALS, HISTORY, options({ mode: 'any' }))

  it('counts a deal only in the stages it entered, once however often it came back', () => {
    // A: all 4; B: d2 d3 d4 (d1 skipped it); C: d1 d2 d4; D: d2; won: d1
    expect(column(rows, 'entered')).toEqual([4, 3, 3, 1, 1])
  })

  it('counts as advanced a deal that entered a later stage after first entering this one, or won', () => {
    // A: all 4; B: d2 (C), d4 (C), not d3 (lost) = 2; C: d1 (won), d2 (D) = 2, not d4 (still in C); D: 0
    expect(column(rows, 'advanced')).toEqual([4, 2, 2, 0, null])
    // 4/4, 2/3, 2/3, 0/1
    expect(column(rows, 'conversion_to_next')).toEqual([1, 2 / 3, 2 / 3, 0, null])
    // won among entered: A 1/4, B 0/3, C 1/3, D 0/1, won 1/1
    expect(column(rows, 'conversion_to_won')).toEqual([0.25, 0, 1 / 3, 0, 1])
  })

  it('divides by the 4 deals in the funnel for cumulative conversion', () => {
    const cumulative = funnelRows(DEALS, HISTORY, options({ mode: 'any', conversion: 'cumulative' })).rows
    // 4/4, 2/4, 2/4, 0/4
    expect(column(cumulative, 'conversion_to_next')).toEqual([1, 0.5, 0.5, 0, null])
  })

  it('keeps lost_here and the days of the ordered mode', () => {
    expect(column(rows, 'lost_here')).toEqual([0, 1, 0, 1, null])
    expect(column(rows, 'avg_days_in_stage')).toEqual([5.25, 32 / 3, 14.5, 10, null])
  })
})

describe('funnelRows without stage history', () => {
  // d5 is lost but its record keeps the open stage it was lost in (Pipedrive keeps it, with status lost)
  const deals = [...DEALS, deal('d5', 'B', { status: 'lost', close_date: d(9) })]
  const { rows, facts } = funnelRows(deals, undefined, options())

  it('infers reach from the final stage: won deals every stage, lost deals without an open stage only the first', () => {
    // reach: d1 won (all), d2 and d3 lost in "Lost" (A only), d4 C, d5 B
    // A: 5; B: d1 d4 d5 = 3; C: d1 d4 = 2; D: d1 = 1; won: d1
    expect(column(rows, 'entered')).toEqual([5, 3, 2, 1, 1])
    // A: d1 d4 d5 = 3; B: d1 d4 = 2; C: d1 = 1; D: d1 = 1
    expect(column(rows, 'advanced')).toEqual([3, 2, 1, 1, null])
    // 3/5, 2/3, 1/2, 1/1
    expect(column(rows, 'conversion_to_next')).toEqual([0.6, 2 / 3, 0.5, 1, null])
    // lost at A: d2 and d3 (stage unknown); at B: d5
    expect(column(rows, 'lost_here')).toEqual([2, 1, 0, 0, null])
  })

  it('has no days in stage and says how many lost deals were put at the first stage', () => {
    expect(column(rows, 'avg_days_in_stage')).toEqual([null, null, null, null, null])
    expect(facts).toMatchObject({ historyGiven: false, inferred: 5, fromHistory: 0, lostStageUnknown: 2 })
  })

  it('gives the same answer in any mode, since nothing but the final stage is known', () => {
    expect(funnelRows(deals, undefined, options({ mode: 'any' })).rows).toEqual(rows)
  })
})

describe('funnelRows: cohort, groups and odd data', () => {
  it('keeps only deals created in [start, end) and counts those without a created date', () => {
    const deals = [
      deal('in', 'A', { created: d(10) }),
      deal('edge', 'A', { created: d(20) }), // end is exclusive
      deal('before', 'A', { created: d(9) }),
      deal('undated', 'A', { created: undefined }),
    ]
    const { rows, facts } = funnelRows(deals, undefined, options({ created: { start: d(10), end: d(20) } }))
    expect(rows[0]?.entered).toBe(1)
    expect(facts).toMatchObject({ cohort: 1, outsidePeriod: 2, withoutCreated: 1 })
  })

  it('builds one funnel per group, in key order with deals without a value last', () => {
    const deals = [
      deal('1', 'B', { group: 'Zoe' }),
      deal('2', 'A', { group: undefined }),
      deal('3', 'Won', { group: 'Ava' }),
    ]
    const { rows } = funnelRows(deals, undefined, options({ grouped: true }))
    expect(rows.map((r) => `${r.group ?? ''}:${r.stage}:${r.entered}`)).toEqual([
      'Ava:A:1',
      'Ava:B:1',
      'Ava:C:1',
      'Ava:D:1',
      'Ava:Won:1',
      'Zoe:A:1',
      'Zoe:B:1',
      'Zoe:C:0',
      'Zoe:D:0',
      'Zoe:Won:0',
      '(none):A:1',
      '(none):B:0',
      '(none):C:0',
      '(none):D:0',
      '(none):Won:0',
    ])
  })

  it('ignores stage changes of deals not in the deals file and counts them', () => {
    const history = [...HISTORY, ...moves('zz', ['A', 0], ['B', 3])]
    const { rows, facts } = funnelRows(DEALS, history, options())
    expect(column(rows, 'entered')).toEqual([4, 4, 3, 2, 1])
    expect(facts).toMatchObject({ orphanChanges: 2, orphanDeals: 1 })
  })

  it('infers a deal that has no stage change of its own, and says so', () => {
    const deals = [...DEALS, deal('d6', 'D')]
    const { rows, facts } = funnelRows(deals, HISTORY, options())
    // d6 reached A..D by inference: A 4+1, B 4+1, C 3+1, D 2+1
    expect(column(rows, 'entered')).toEqual([5, 5, 4, 3, 1])
    expect(facts).toMatchObject({ fromHistory: 4, inferred: 1 })
  })

  it('lists an open stage the table does not know after its stages, without a phase', () => {
    const deals = [deal('x', 'Legal', { stage_status: 'open' })]
    const history: StageEntry[] = [
      { deal_id: 'x', date: d(0), stage: 'A', status: 'open' },
      { deal_id: 'x', date: d(3), stage: 'Legal', status: 'open' },
    ]
    const { rows, facts } = funnelRows(deals, history, options())
    expect(column(rows, 'stage')).toEqual(['A', 'B', 'C', 'D', 'Legal', 'Won'])
    expect(column(rows, 'entered')).toEqual([1, 1, 1, 1, 1, 0])
    expect(rows[4]?.phase).toBeNull()
    // A: 3 days (0→3); still in Legal: no days there
    expect(column(rows, 'avg_days_in_stage')).toEqual([3, null, null, null, null, null])
    expect(facts.unknownStages).toEqual(['Legal'])
  })

  it("ends a closed deal's last stay at its close date when the history stops before the close", () => {
    const deals = [deal('w', 'Won', { close_date: d(25) })]
    const { rows } = funnelRows(deals, moves('w', ['A', 0], ['B', 5]), options())
    // A 0→5 = 5, B 5→25 (close date) = 20
    expect(column(rows, 'avg_days_in_stage')).toEqual([5, 20, null, null, null])
  })

  it('takes the final stage from the deals file when the history stops before it', () => {
    // history: A on day 0, B on day 4; the deals file (newer) has the deal open in D
    const deals = [deal('h', 'D')]
    const history = moves('h', ['A', 0], ['B', 4])
    const ordered = funnelRows(deals, history, options()).rows
    expect(column(ordered, 'entered')).toEqual([1, 1, 1, 1, 0])
    const any = funnelRows(deals, history, options({ mode: 'any' })).rows
    // entered A, B and D; not C; B advanced (to D, after B)
    expect(column(any, 'entered')).toEqual([1, 1, 0, 1, 0])
    expect(column(any, 'advanced')).toEqual([1, 1, 0, 0, null])
    // A: 4 days; B ended on a day the history does not show, D is still open: no days
    expect(column(any, 'avg_days_in_stage')).toEqual([4, null, null, null, null])
  })

  it('gives zeros and null ratios for an empty cohort, never NaN', () => {
    const { rows, facts } = funnelRows([], undefined, options())
    expect(column(rows, 'entered')).toEqual([0, 0, 0, 0, 0])
    expect(column(rows, 'conversion_to_next')).toEqual([null, null, null, null, null])
    expect(column(rows, 'conversion_to_won')).toEqual([null, null, null, null, null])
    expect(facts.cohort).toBe(0)
  })

  it('maps phases from the mapping, ignoring case, and reports names that match no stage', () => {
    const { rows, facts } = funnelRows(
      DEALS,
      HISTORY,
      options({ phases: { a: 'lead', D: 'evaluation', Typo: 'x' } }),
    )
    expect(column(rows, 'phase')).toEqual(['lead', 'awareness', 'consideration', 'evaluation', 'decision'])
    expect(facts.unusedPhases).toEqual(['Typo'])
  })
})
