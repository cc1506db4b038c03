import { describe, expect, it } from 'vitest'
import { createRepairState } from './balance-territories.js'
import type { RepairInput } from './balance-territories.js'

/** accounts 0…n−1 on a line (edges i–i+1), potential 1 each, two territories, band ±1% */
const line = (asg: number[], cost: (i: number, j: number) => number, edges = true): RepairInput => {
  const n = asg.length
  return {
    n,
    K: 2,
    asg: Int32Array.from(asg),
    cands: asg.map(() => [0, 1]),
    bands: [{ attribute: 'potential', tolerance: 0.01 }],
    bandMean: [n / 2],
    value: [new Float64Array(n).fill(1)],
    locked: asg.map(() => false),
    current: asg.map(() => -1),
    moveLimits: [],
    cost,
    ...(edges ? { edges: Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const) } : {}),
  }
}

describe('band repair', () => {
  // 0-1-2 | 3: territory 0 holds 3 of 4 accounts; moving account 0 is cheapest (0 vs 5) but would
  // leave it cut off from territory 1, so the piece-keeping repair moves the boundary account 2
  const cost = (i: number, j: number) => (i === 2 && j === 1 ? 5 : 0)
  it('moves a boundary account, not a cheaper one that would make a stray piece', () => {
    const input = line([0, 0, 0, 1], cost)
    expect(createRepairState(input).repair()).toBe(1)
    expect(Array.from(input.asg)).toEqual([0, 0, 1, 1])
  })
  it('without a neighbour graph takes the cheapest move', () => {
    const input = line([0, 0, 0, 1], cost, false)
    createRepairState(input).repair()
    expect(Array.from(input.asg)).toEqual([1, 0, 0, 1])
  })
})

describe('piece clean-up with a compensating move', () => {
  it('joins a stray account to its neighbour and moves a boundary account back to keep the band', () => {
    // 0 0 1 0 1 1: both territories have a stray single account; moving 2 into territory 0 breaks
    // the band (4 vs 2), so account 3 (touching territory 1) moves back: 0 0 0 1 1 1
    const input = line([0, 0, 1, 0, 1, 1], () => 0)
    const state = createRepairState(input)
    expect(state.contiguity(input.edges ?? [])).toBeGreaterThanOrEqual(2)
    expect(Array.from(input.asg)).toEqual([0, 0, 0, 1, 1, 1])
    expect(state.outside()).toBe(0)
  })
  it('undoes the clean-up when no piece-keeping move restores the band', () => {
    // 0 1 0 1 1 1 with accounts 3–5 locked: whatever the clean-up tries, it never leaves a band broken
    const input = { ...line([0, 1, 0, 1, 1, 1], () => 0), locked: [false, false, false, true, true, true] }
    const state = createRepairState(input)
    state.contiguity(input.edges ?? [])
    expect(state.outside()).toBe(0)
  })
})

describe('move limits', () => {
  // 0-1-2 | 3 is today's plan; territory 0 holds 3 of 4 accounts and must give one away
  const today = (limit: number): RepairInput => ({
    ...line([0, 0, 0, 1], () => 0),
    current: [0, 0, 0, 1],
    moveLimits: [{ value: Float64Array.of(5, 5, 5, 5), limit }],
  })
  it('makes no move that would exceed the limit on moved potential', () => {
    const input = today(4) // moving any account moves 5 > 4
    const state = createRepairState(input)
    expect(state.repair()).toBe(0)
    expect(state.outside()).toBe(2)
  })
  it('repairs the band when the limit allows one move', () => {
    const input = today(5)
    const state = createRepairState(input)
    expect(state.repair()).toBe(1)
    expect(Array.from(input.asg)).toEqual([0, 0, 1, 1])
    expect(state.outside()).toBe(0)
  })
})
