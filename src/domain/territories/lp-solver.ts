/**
 * The linear-programming solver as the domain sees it: a model in CSC form goes in, a session that
 * solves it (and re-solves it after a cost change, warm) comes out. The CLI adapts HiGHS to this
 * (src/cli/commands/territories.ts), so the domain stays synchronous and free of I/O.
 */
export interface LpColumns {
  readonly colCost: Float64Array
  readonly colLower: Float64Array
  readonly colUpper: Float64Array
  /** compressed sparse columns: column j's entries are starts[j]..starts[j+1] (starts has one more entry) */
  readonly starts: Int32Array
  readonly indices: Int32Array
  readonly values: Float64Array
}

export interface LpModel extends LpColumns {
  readonly numCols: number
  readonly numRows: number
  readonly rowLower: Float64Array
  readonly rowUpper: Float64Array
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
  /** appends columns (after the existing ones); the next solve starts from the last basis */
  addColumns(columns: LpColumns): void
  /**
   * sets the upper bound of the listed columns (strictly increasing indexes; 0 bars a column, 1
   * frees it again); the next solve starts from the last basis
   */
  setUpperBounds(columns: Int32Array, upper: Float64Array): void
  dispose(): void
}

export interface BinaryResult {
  /** optimal: proven; feasible: the best solution found within the node limit; none: no solution found */
  readonly status: 'optimal' | 'feasible' | 'none'
  readonly objective: number
  readonly x: Float64Array
}

/** When a 0/1 solve may stop: a node limit, unlike a time limit, keeps results reproducible. */
export interface BinaryLimits {
  /** branch-and-bound nodes */
  readonly maxNodes: number
  /** stop once the solution is proven within this fraction of the optimum */
  readonly relativeGap: number
}

/** Minimises colCost·x over 0/1 columns subject to rowLower ≤ Ax ≤ rowUpper. */
export type BinarySolver = (model: LpModel, limits: BinaryLimits) => BinaryResult

/**
 * Minimises colCost·x subject to rowLower ≤ Ax ≤ rowUpper and the column bounds; `binary`, when the
 * solver has one, solves the same kind of model over 0/1 columns.
 */
export type LpSolver = ((model: LpModel) => LpSession) & { readonly binary?: BinarySolver }
