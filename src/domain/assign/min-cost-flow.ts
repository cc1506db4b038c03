/**
 * Exact minimum-cost assignment of N items to M bins with count capacities, by successive shortest
 * paths on the contracted bin graph (reference: territories.md §4.2).
 *
 * Items are inserted one at a time. The residual graph is kept on bins only: the edge r → s costs
 * the cheapest move of one of r's items to s (min over b at r of c[b][s] − c[b][r]). A new item a
 * reaches bin r directly (c[a][r]) or through a chain of such moves, ending at a bin with spare
 * capacity. Johnson potentials keep reduced edge costs non-negative, so a dense Dijkstra over the
 * M bins finds the shortest chain; it stops at the first bin with room, and the potentials are
 * updated with min(D, D_t) (still valid for every residual edge). Assignment is totally unimodular,
 * so the result equals the LP optimum. O(N·M²) in the worst case, far less when most items go
 * straight to a bin with room.
 */

/** `costs[a * m + r]`: cost of item a in bin r (finite; integers keep the arithmetic exact). */
export interface AssignmentProblem {
  readonly items: number
  readonly bins: number
  readonly costs: Float64Array
  /** per bin; Infinity for no limit */
  readonly capacity: readonly number[]
}

export interface AssignmentSolution {
  /** bin of each item */
  readonly bin: Int32Array
  readonly cost: number
}

/**
 * Minimum-cost assignment of every item to one bin, no bin above its capacity. Throws a RangeError
 * when the capacities cannot hold every item (callers add an unlimited "unassigned" bin).
 *
 * @example
 * // 2 items, 2 bins of capacity 1; c = [[1, 2], [1, 5]]: item 1 must take bin 0 → cost 2 + 1 = 3
 * minCostAssignment({ items: 2, bins: 2, costs: Float64Array.of(1, 2, 1, 5), capacity: [1, 1] }).cost //=> 3
 */
export function minCostAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { items: n, bins: m, costs, capacity } = problem
  const total = capacity.reduce((s, c) => s + c, 0)
  if (total < n) throw new RangeError(`capacity ${total} cannot hold ${n} items`)
  const bin = new Int32Array(n).fill(-1)
  const members: number[][] = Array.from({ length: m }, () => [])
  const position = new Int32Array(n)
  const edge = new Float64Array(m * m).fill(Infinity)
  const via = new Int32Array(m * m).fill(-1)
  const pi = new Float64Array(m)
  const dist = new Float64Array(m)
  const prev = new Int32Array(m)
  const done = new Uint8Array(m)

  const recomputeRow = (r: number): void => {
    const row = r * m
    edge.fill(Infinity, row, row + m)
    via.fill(-1, row, row + m)
    for (const b of members[r] ?? []) addToRow(r, b)
  }
  const addToRow = (r: number, b: number): void => {
    const row = r * m
    const base = b * m
    const own = costs[base + r] ?? 0
    for (let s = 0; s < m; s++) {
      if (s === r) continue
      const delta = (costs[base + s] ?? 0) - own
      const current = edge[row + s] ?? Infinity
      if (delta < current || (delta === current && b < (via[row + s] ?? -1))) {
        edge[row + s] = delta
        via[row + s] = b
      }
    }
  }
  const place = (b: number, r: number): void => {
    const list = members[r] ?? []
    position[b] = list.length
    list.push(b)
    bin[b] = r
  }
  const remove = (b: number, r: number): void => {
    const list = members[r] ?? []
    const i = position[b] ?? 0
    const last = list.pop() ?? b
    if (last !== b) {
      list[i] = last
      position[last] = i
    }
  }

  for (let a = 0; a < n; a++) {
    const base = a * m
    for (let r = 0; r < m; r++) {
      dist[r] = (costs[base + r] ?? 0) - (pi[r] ?? 0)
      prev[r] = -1
      done[r] = 0
    }
    let target = -1
    for (;;) {
      let u = -1
      let best = Infinity
      for (let r = 0; r < m; r++) {
        const d = dist[r] ?? Infinity
        if (done[r] === 0 && d < best) {
          best = d
          u = r
        }
      }
      if (u < 0) break
      if ((members[u]?.length ?? 0) < (capacity[u] ?? 0)) {
        target = u
        break
      }
      done[u] = 1
      const row = u * m
      const pu = pi[u] ?? 0
      for (let s = 0; s < m; s++) {
        if (done[s] === 1) continue
        const w = edge[row + s] ?? Infinity
        if (w === Infinity) continue
        const nd = best + w + pu - (pi[s] ?? 0)
        if (nd < (dist[s] ?? Infinity)) {
          dist[s] = nd
          prev[s] = u
        }
      }
    }
    if (target < 0) throw new RangeError('no bin with room is reachable')
    const dt = dist[target] ?? 0
    for (let r = 0; r < m; r++) pi[r] = (pi[r] ?? 0) + Math.min(dist[r] ?? Infinity, dt)
    // the chain of moves, read before any row changes
    const moves: [item: number, from: number, to: number][] = []
    let s = target
    while ((prev[s] ?? -1) >= 0) {
      const r = prev[s] ?? 0
      moves.push([via[r * m + s] ?? 0, r, s])
      s = r
    }
    const changed: number[] = []
    for (const [b, from, to] of moves) {
      remove(b, from)
      place(b, to)
      changed.push(from)
    }
    place(a, s)
    for (const r of changed) recomputeRow(r)
    if (!changed.includes(s)) addToRow(s, a)
    if (moves.length > 0 && !changed.includes(target)) {
      const first = moves[0]
      if (first !== undefined) addToRow(target, first[0])
    }
  }
  let cost = 0
  for (let a = 0; a < n; a++) cost += costs[a * m + (bin[a] ?? 0)] ?? 0
  return { bin, cost }
}
