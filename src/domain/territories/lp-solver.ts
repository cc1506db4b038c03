/**
 * The linear-programming solver as the domain sees it: a model in CSC form goes in, a session that
 * solves it (and re-solves it after a cost change, warm) comes out. The CLI adapts HiGHS to this
 * (src/cli/commands/territories.ts), so the domain stays synchronous and free of I/O.
 */
export interface LpModel {
  readonly numCols: number
  readonly numRows: number
  readonly colCost: Float64Array
  readonly colLower: Float64Array
  readonly colUpper: Float64Array
  readonly rowLower: Float64Array
  readonly rowUpper: Float64Array
  /** compressed sparse columns: column j's entries are starts[j]..starts[j+1] */
  readonly starts: Int32Array
  readonly indices: Int32Array
  readonly values: Float64Array
}

export interface LpResult {
  readonly status: 'optimal' | 'infeasible' | 'failed'
  readonly objective: number
  readonly x: Float64Array
}

export interface LpSession {
  solve(): LpResult
  /** replaces every column cost; the next solve starts from the last basis */
  setCosts(costs: Float64Array): void
  dispose(): void
}

/** Minimises colCost·x subject to rowLower ≤ Ax ≤ rowUpper and the column bounds. */
export type LpSolver = (model: LpModel) => LpSession
