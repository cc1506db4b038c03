import { describe, expect, it } from 'vitest'
import { day, rep } from '../../../test/support/factories.js'
import { lead } from '../leads/test-factories.js'
import { emptyRoutingState, parseRoutingState, routeLeads } from './route-leads.js'
import type { RoutingState } from './route-leads.js'

const asOf = day('2026-11-27')
const reps = [
  rep({ id: 'R1', name: 'Ann', region: 'East', capacity: 2 }),
  rep({ id: 'R2', name: 'Bob', region: 'West', capacity: 1 }),
  rep({ id: 'R3', name: 'Cid', region: 'West', capacity: 1, end_date: day('2026-01-31') }),
]
const fresh = (id: string, more: Partial<Parameters<typeof lead>[0]> = {}) =>
  lead({ id, owner: undefined, region: undefined, company: `co-${id}`, email: `${id}@x.com`, ...more })
const opts = { method: 'round-robin', asOf, reroute: false } as const

describe('routeLeads', () => {
  it('rotates over active reps in id order and skips reps that have left', () => {
    const { rows, state } = routeLeads([fresh('L1'), fresh('L2'), fresh('L3')], reps, emptyRoutingState, opts)
    expect(rows.map((r) => r.owner)).toEqual(['Ann', 'Bob', 'Ann'])
    expect(state).toEqual({ version: 1, counts: { R1: 2, R2: 1 }, last: 'R1' })
  })

  it('continues the rotation from the state of the previous run', () => {
    const state: RoutingState = { version: 1, counts: { R1: 2, R2: 1 }, last: 'R1' }
    const { rows } = routeLeads([fresh('L4'), fresh('L5')], reps, state, opts)
    expect(rows.map((r) => r.owner)).toEqual(['Bob', 'Ann'])
  })

  it('weights by capacity: Ann (2) gets two leads for each of Bob’s (1)', () => {
    const leads = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => fresh(id))
    const { rows } = routeLeads(leads, reps, emptyRoutingState, { ...opts, method: 'weighted' })
    expect(rows.filter((r) => r.owner === 'Ann')).toHaveLength(4)
    expect(rows.filter((r) => r.owner === 'Bob')).toHaveLength(2)
  })

  it('sends a duplicate (same company or email) to the earlier owner without advancing the rotation', () => {
    const { rows } = routeLeads(
      [fresh('L1', { company: 'Acme' }), fresh('L2', { company: ' acme ' }), fresh('L3')],
      reps,
      emptyRoutingState,
      opts,
    )
    expect(rows.map((r) => [r.owner, r.rule])).toEqual([
      ['Ann', 'round-robin'],
      ['Ann', 'duplicate'],
      ['Bob', 'round-robin'],
    ])
  })

  it('routes by region, falling back to all reps', () => {
    const { rows } = routeLeads(
      [fresh('L1', { region: 'West' }), fresh('L2', { region: 'West' }), fresh('L3')],
      reps,
      emptyRoutingState,
      { ...opts, method: 'territory' },
    )
    expect(rows.map((r) => [r.owner, r.rule])).toEqual([
      ['Bob', 'territory:West'],
      ['Bob', 'territory:West'],
      ['Ann', 'fallback'],
    ])
  })

  it('stops at --max-per-rep and reports the rest unassigned', () => {
    const { rows } = routeLeads([fresh('a'), fresh('b'), fresh('c')], reps, emptyRoutingState, {
      ...opts,
      maxPerRep: 1,
    })
    expect(rows.map((r) => r.rule)).toEqual(['round-robin', 'round-robin', 'unassigned'])
  })

  it('keeps every active rep within ±1 lead of fair over 30 simulated days with the state', () => {
    const team = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].map((id) => rep({ id, name: id, capacity: 10 }))
    let state = emptyRoutingState
    const total = new Map<string, number>()
    let n = 0
    for (let d = 0; d < 30; d++) {
      const leads = Array.from({ length: 3 + ((d * 5) % 7) }, () => fresh(`L${++n}`))
      const out = routeLeads(leads, team, parseRoutingState(JSON.stringify(state)) ?? emptyRoutingState, opts)
      state = out.state
      for (const r of out.rows) total.set(r.owner ?? '', (total.get(r.owner ?? '') ?? 0) + 1)
    }
    const fair = n / team.length
    for (const r of team) expect(Math.abs((total.get(r.name) ?? 0) - fair)).toBeLessThanOrEqual(1)
  })

  it('rejects a malformed state file', () => {
    expect(parseRoutingState('{"version":2}')).toBeUndefined()
    expect(parseRoutingState('not json')).toBeUndefined()
  })
})

describe('routeLeads eligibility', () => {
  it('gives no leads to reps without a capacity when others have one (managers)', () => {
    const team = [...reps, rep({ id: 'R0', name: 'Manager' })]
    const { rows } = routeLeads([fresh('a'), fresh('b'), fresh('c')], team, emptyRoutingState, opts)
    expect(rows.map((r) => r.owner)).toEqual(['Ann', 'Bob', 'Ann'])
  })
})
