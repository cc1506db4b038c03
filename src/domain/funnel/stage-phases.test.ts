import { describe, expect, it } from 'vitest'
import { funnelStageList } from './funnel-stages.js'
import type { FunnelStage } from './funnel-stages.js'
import { stagePhases } from './stage-phases.js'

const open = (...names: string[]): FunnelStage[] => names.map((name) => ({ name, status: 'open' }))

describe('stagePhases', () => {
  it.each([
    // floor(3i/n) for i = 0..n-1
    [1, ['awareness']], // floor(0) = 0
    [3, ['awareness', 'consideration', 'decision']],
    [5, ['awareness', 'awareness', 'consideration', 'consideration', 'decision']], // 0, 0.6, 1.2, 1.8, 2.4
    [6, ['awareness', 'awareness', 'consideration', 'consideration', 'decision', 'decision']], // 0, .5, 1, 1.5, 2, 2.5
  ] as const)('splits %i open stages into thirds by position', (n, expected) => {
    const names = Array.from({ length: n }, (_, i) => `S${i}`)
    const { phases } = stagePhases(funnelStageList(open(...names), []))
    expect(phases.slice(0, n)).toEqual(expected)
  })

  it('gives the won row decision and unknown stages no phase', () => {
    const { phases } = stagePhases(funnelStageList(open('A', 'B', 'C'), ['Legal']))
    expect(phases).toEqual(['awareness', 'consideration', 'decision', null, 'decision'])
  })

  it('lets a mapping override any row, ignoring case, and lists mapped names that match no row', () => {
    const stages = funnelStageList(
      [...open('Prospecting', 'Proposal'), { name: 'Closed Won', status: 'won' }],
      [],
    )
    const { phases, unused } = stagePhases(stages, {
      prospecting: 'lead',
      'CLOSED WON': 'customer',
      Demo: 'x',
    })
    expect(phases).toEqual(['lead', 'consideration', 'customer'])
    expect(unused).toEqual(['Demo'])
  })
})
