import { beforeAll, describe, expect, it } from 'vitest'
import { highsLpSolver } from './highs-lp-solver.js'
import type { HighsModule } from './highs-lp-solver.js'
import type { LpModel, LpSolver } from './lp-solver.js'

let solver: LpSolver
beforeAll(async () => {
  const module = (await import('highs')) as unknown as HighsModule
  solver = highsLpSolver(await module.default())
})

/** min −x₁ − x₂ subject to x₁ + x₂ ≤ 1.5, 0 ≤ x ≤ 1 */
const model: LpModel = {
  numCols: 2,
  numRows: 1,
  colCost: Float64Array.of(-1, -1),
  colLower: Float64Array.of(0, 0),
  colUpper: Float64Array.of(1, 1),
  rowLower: Float64Array.of(-Infinity),
  rowUpper: Float64Array.of(1.5),
  starts: Int32Array.of(0, 1, 2),
  indices: Int32Array.of(0, 0),
  values: Float64Array.of(1, 1),
}
const limits = { maxNodes: 100, relativeGap: 0 }

describe('highsLpSolver', () => {
  it('solves the LP to −1.5 (x₁ + x₂ = 1.5) and the 0/1 program to −1 (one of the two)', () => {
    const lp = solver(model)
    try {
      expect(lp.solve().objective).toBeCloseTo(-1.5, 9)
    } finally {
      lp.dispose()
    }
    const binary = solver.binary?.(model, limits)
    expect(binary?.status).toBe('optimal')
    expect(binary?.objective).toBeCloseTo(-1, 9)
    expect(Array.from(binary?.x ?? []).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9)
  })

  it('reports no 0/1 solution where only a fractional one exists (2x₁ + 2x₂ = 3)', () => {
    const odd: LpModel = {
      ...model,
      rowLower: Float64Array.of(3),
      rowUpper: Float64Array.of(3),
      values: Float64Array.of(2, 2),
    }
    expect(solver.binary?.(odd, limits).status).toBe('none')
  })

  it('re-solves warm after barring a column and after adding one', () => {
    const lp = solver(model)
    try {
      expect(lp.solve().objective).toBeCloseTo(-1.5, 9)
      lp.setUpperBounds(Int32Array.of(0), Float64Array.of(0)) // x₁ = 0 → x₂ = 1
      expect(lp.solve().objective).toBeCloseTo(-1, 9)
      // x₃ with cost −2 in the same row: x₂ + x₃ ≤ 1.5 → x₃ = 1, x₂ = 0.5 → −2.5
      lp.addColumns({
        colCost: Float64Array.of(-2),
        colLower: Float64Array.of(0),
        colUpper: Float64Array.of(1),
        starts: Int32Array.of(0, 1),
        indices: Int32Array.of(0),
        values: Float64Array.of(1),
      })
      const result = lp.solve()
      expect(result.objective).toBeCloseTo(-2.5, 9)
      expect(Array.from(result.x)).toEqual([0, 0.5, 1])
    } finally {
      lp.dispose()
    }
  })
})
