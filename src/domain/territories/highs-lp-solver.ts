/**
 * HiGHS (WebAssembly) as the domain's LP solver: dual simplex (a vertex solution, so few split
 * accounts), warm re-solves after a cost change. The caller loads HiGHS (asynchronously, once) and
 * passes it in; solving itself is synchronous.
 */
import type { Highs } from 'highs'
import type { LpSolver } from './lp-solver.js'

export function highsLpSolver(highs: Highs): LpSolver {
  return (m) => {
    const model = highs.createModel({
      numCols: m.numCols,
      numRows: m.numRows,
      colCost: m.colCost,
      colLower: m.colLower,
      colUpper: m.colUpper,
      rowLower: m.rowLower,
      rowUpper: m.rowUpper,
      matrix: {
        format: 'csc',
        numRows: m.numRows,
        numCols: m.numCols,
        starts: m.starts,
        indices: m.indices,
        values: m.values,
      },
    })
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
      dispose() {
        model.dispose()
      },
    }
  }
}

/** Loads HiGHS from its module namespace (the package is CommonJS to TypeScript; under ESM its default export is the loader). */
export type HighsModule = { default: () => Promise<Highs> }
