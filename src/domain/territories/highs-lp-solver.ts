/**
 * HiGHS (WebAssembly) as the domain's LP solver: dual simplex (a vertex solution, so few split
 * accounts), warm re-solves after a change of costs, bounds or added columns. The caller loads HiGHS (asynchronously, once) and
 * passes it in; solving itself is synchronous.
 */
import type { Highs } from 'highs'
import type { BinarySolver, LpModel, LpSession, LpSolver } from './lp-solver.js'

/** The model in HiGHS's terms: costs, bounds and the constraint matrix in compressed columns. */
function description(m: LpModel) {
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
  }
}

export function highsLpSolver(highs: Highs): LpSolver {
  const binary: BinarySolver = (m, limits) => {
    const model = highs.createModel({
      ...description(m),
      integrality: new Int32Array(m.numCols).fill(highs.constants.variableType.integer),
    })
    try {
      model.options.set({
        output_flag: false,
        mip_max_nodes: limits.maxNodes,
        mip_rel_gap: limits.relativeGap,
      })
      model.run()
      const found = Number(model.info.get('primal_solution_status')) === 2 // feasible
      if (!found) return { status: 'none', objective: Number.NaN, x: new Float64Array(m.numCols) }
      return {
        status: model.getModelStatus() === highs.constants.modelStatus.optimal ? 'optimal' : 'feasible',
        objective: model.getObjectiveValue(),
        x: model.getSolution().colValue,
      }
    } finally {
      model.dispose()
    }
  }
  const solver = (m: LpModel): LpSession => {
    const model = highs.createModel(description(m))
    model.options.set({ output_flag: false, solver: 'simplex' })
    return {
      solve() {
        model.run()
        const status = model.getModelStatus()
        const { optimal, infeasible } = highs.constants.modelStatus
        const ok = status === optimal
        return {
          status: ok ? 'optimal' : status === infeasible ? 'infeasible' : 'failed',
          objective: ok ? model.getObjectiveValue() : Number.NaN,
          x: ok ? model.getSolution().colValue : new Float64Array(m.numCols),
        }
      },
      setCosts(costs) {
        if (costs.length > 0) model.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs)
      },
      addColumns(c) {
        const count = c.colCost.length
        if (count === 0) return
        model.addCols({
          cost: c.colCost,
          lower: c.colLower,
          upper: c.colUpper,
          matrix: {
            format: 'csc',
            numRows: m.numRows,
            numCols: count,
            starts: c.starts,
            indices: c.indices,
            values: c.values,
          },
        })
      },
      setUpperBounds(columns, upper) {
        if (columns.length > 0)
          model.changeColsBounds({ kind: 'set', indices: columns }, new Float64Array(columns.length), upper)
      },
      dispose() {
        model.dispose()
      },
    }
  }
  return Object.assign(solver, { binary })
}

/** Loads HiGHS from its module namespace (the package is CommonJS to TypeScript; under ESM its default export is the loader). */
export type HighsModule = { default: () => Promise<Highs> }
