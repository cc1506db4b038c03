/**
 * The accounts' neighbour graph: Delaunay triangulation of their locations, minus the edges longer
 * than the 95th percentile of edge lengths (sea crossings, gaps between regions). Coincident
 * accounts are joined to the first account at the same place.
 */
import Delaunator from 'delaunator'
import { haversineKm } from './geometry.js'

export interface NeighbourGraph {
  /** undirected edges as pairs of account indexes, each once (a < b) */
  readonly edges: readonly (readonly [number, number])[]
  /** edges at or below this length in km were kept (null: no edges at all) */
  readonly maxEdgeKm: number | null
}

/** Delaunay edges with lengths above the `quantile` (0.95) of all edge lengths removed. */
export function neighbourGraph(
  points: readonly { lat: number; lon: number }[],
  quantile = 0.95,
): NeighbourGraph {
  const firstAt = new Map<string, number>()
  const unique: number[] = []
  const joined: [number, number][] = []
  points.forEach((p, i) => {
    const key = `${p.lat},${p.lon}`
    const first = firstAt.get(key)
    if (first === undefined) {
      firstAt.set(key, i)
      unique.push(i)
    } else joined.push([first, i])
  })
  const coords = new Float64Array(unique.length * 2)
  unique.forEach((i, k) => {
    const p = points[i] as { lat: number; lon: number }
    coords[2 * k] = p.lon * Math.cos((p.lat * Math.PI) / 180) // shape-preserving enough for adjacency
    coords[2 * k + 1] = p.lat
  })
  const seen = new Set<number>()
  const candidate: [number, number][] = []
  const add = (a: number, b: number): void => {
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    const key = lo * points.length + hi
    if (lo === hi || seen.has(key)) return
    seen.add(key)
    candidate.push([lo, hi])
  }
  if (unique.length >= 2) {
    const d = new Delaunator(coords)
    const t = d.triangles
    for (let e = 0; e < t.length; e++) {
      const next = e % 3 === 2 ? e - 2 : e + 1
      add(unique[t[e] as number] as number, unique[t[next] as number] as number)
    }
    if (t.length === 0) {
      // all points on one line: Delaunator's hull lists them in order along it
      const h = d.hull
      for (let k = 1; k < h.length; k++)
        add(unique[h[k - 1] as number] as number, unique[h[k] as number] as number)
    }
  }
  const at = (i: number) => points[i] as { lat: number; lon: number }
  const lengths = candidate.map(([a, b]) => haversineKm(at(a).lat, at(a).lon, at(b).lat, at(b).lon))
  const sorted = [...lengths].sort((x, y) => x - y)
  const maxEdgeKm =
    sorted.length === 0
      ? null
      : (sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? null)
  const edges: (readonly [number, number])[] = []
  candidate.forEach((e, k) => {
    if (maxEdgeKm !== null && (lengths[k] ?? 0) <= maxEdgeKm) edges.push(e)
  })
  for (const e of joined) edges.push(e)
  return { edges, maxEdgeKm }
}

/**
 * Connected pieces of each group on the graph, using only edges whose two ends are in the same
 * group. Returns, per account, the id of its piece (the smallest account index in it).
 */
export function pieceOf(groupOf: readonly number[], edges: NeighbourGraph['edges']): Int32Array {
  const parent = new Int32Array(groupOf.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] as number
    let c = i
    while (parent[c] !== r) {
      const n = parent[c] as number
      parent[c] = r
      c = n
    }
    return r
  }
  for (const [a, b] of edges) {
    if (groupOf[a] !== groupOf[b]) continue
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const out = new Int32Array(groupOf.length)
  for (let i = 0; i < out.length; i++) out[i] = find(i)
  return out
}
