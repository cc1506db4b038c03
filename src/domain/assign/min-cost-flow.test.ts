import { describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { minCostAssignment } from './min-cost-flow.js'
import { assignmentLp } from './lp-assign.js'

/** seeded LCG (domain tests stay deterministic) */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('minCostAssignment', () => {
  it('re-routes an earlier item when that is cheaper than the greedy choice', () => {
    // costs a0 [1,4], a1 [2,6], a2 [3,4]; capacity r0 = 1, r1 = 2.
    // a0→r0: 1+6+4 = 11; a1→r0: 4+2+4 = 10 (optimum); a2→r0: 4+6+3 = 13
    const result = minCostAssignment({
      items: 3,
      bins: 2,
      costs: Float64Array.of(1, 4, 2, 6, 3, 4),
      capacity: [1, 2],
    })
    expect([...result.bin]).toEqual([1, 0, 1])
    expect(result.cost).toBe(10)
  })

  it('gives every item its cheapest bin when capacity does not bind', () => {
    const result = minCostAssignment({
      items: 2,
      bins: 2,
      costs: Float64Array.of(5, 1, 2, 9),
      capacity: [Infinity, Infinity],
    })
    expect([...result.bin]).toEqual([1, 0])
    expect(result.cost).toBe(3)
  })

  it('follows a chain of two moves to reach the only bin with room', () => {
    // capacities 1,1,1; a0 likes r0, a1 likes r1 (r0 second), a2 likes r0 most.
    // a0 [0,10,10], a1 [1,0,10], a2 [0,5,20]; optimum: a2→r0 (0), a0→r1 (10)?, …
    // by hand over the 6 permutations: (r0,r1,r2)=0+0+20=20, (r0,r2,r1)=0+10+5=15,
    // (r1,r0,r2)=10+1+20=31, (r1,r2,r0)=10+10+0=20, (r2,r0,r1)=10+1+5=16, (r2,r1,r0)=10+0+0=10
    const result = minCostAssignment({
      items: 3,
      bins: 3,
      costs: Float64Array.of(0, 10, 10, 1, 0, 10, 0, 5, 20),
      capacity: [1, 1, 1],
    })
    expect([...result.bin]).toEqual([2, 1, 0])
    expect(result.cost).toBe(10)
  })

  it('throws when the capacities cannot hold every item', () => {
    expect(() =>
      minCostAssignment({ items: 2, bins: 1, costs: Float64Array.of(1, 1), capacity: [1] }),
    ).toThrow(RangeError)
  })

  it('equals the HiGHS LP optimum on random 60 × 6 instances with binding capacities', async () => {
    const highs = await ((await import('highs')) as unknown as { default: () => Promise<Highs> }).default()
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = lcg(seed)
      const n = 60
      const m = 6
      const costs = Float64Array.from({ length: n * m }, () => Math.floor(rand() * 1000))
      const capacity = Array.from({ length: m }, () => 8 + Math.floor(rand() * 6)) // Σ ≥ 48…78
      while (capacity.reduce((s, c) => s + c, 0) < n) capacity[0] = (capacity[0] ?? 0) + 1
      const flow = minCostAssignment({ items: n, bins: m, costs, capacity })
      const all = Array.from({ length: n }, () => Array.from({ length: m }, (_, r) => r))
      const lp = highs.solve(
        assignmentLp({ items: n, bins: m, costs, use: Array<number>(n).fill(1), capacity }, all),
      )
      expect(lp.Status).toBe('Optimal')
      expect(flow.cost).toBe(Math.round(lp.ObjectiveValue))
      const load = new Array<number>(m).fill(0)
      for (const r of flow.bin) load[r] = (load[r] ?? 0) + 1
      load.forEach((l, r) => {
        expect(l).toBeLessThanOrEqual(capacity[r] ?? 0)
      })
    }
  })
})
