/* global process, console, URL, performance */
// The measured acceptance of issue 5 §2 for `territories balance` (run `npm run build` first):
//   5,000 accounts × 20 territories from scratch: every territory within the band (potential ±3%),
//   within 0.5% of the LP bound, potential CV ≥ 10× lower than plain k-means, ≥ 90% of territories
//   in one piece, < 20 s (HiGHS load + balancing).
// Generator (../shared/reference/territories.md §6): a 1,000 × 1,000 km plane, 75% of accounts in 25
// cities, potential ~ lognormal(σ = 1), workload = 8 + 6·√potential·lognormal(0.3) hours.
//
//   node bench/territories-balance.mjs [--accounts 5000] [--territories 20] [--band 0.03] [--seed 1] [--runs 1]
//
// Prints one JSON object per line ({ name, seconds, budget, ok, ... }) and exits 1 when a gate fails,
// so that bench/run.mjs can spawn it and append the figures to bench/results.md.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '5000' },
    territories: { type: 'string', default: '20' },
    band: { type: 'string', default: '0.03' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
  },
})
const N = Number(values.accounts)
const K = Number(values.territories)
const band = Number(values.band)
const seed = Number(values.seed)
const dist = (p) => join(root, 'dist', ...p.split('/'))
const { createRandom } = await import(dist('domain/shared/random.js'))
const { balanceTerritories, planTerritoryIds } = await import(
  dist('domain/territories/balance-territories.js')
)
const { territoryReport } = await import(dist('domain/territories/territory-report.js'))
const { neighbourGraph } = await import(dist('domain/territories/neighbour-graph.js'))
const { loadSolver } = await import(dist('cli/commands/territories.js'))

/** §6 generator; plane km → lat/lon around 45°N 10°E */
function generate(n, rngSeed) {
  const r = createRandom(rngSeed)
  const cities = Array.from({ length: 25 }, () => ({
    x: r.next() * 1000,
    y: r.next() * 1000,
    s: 10 + r.next() * 30,
  }))
  const out = []
  for (let i = 0; i < n; i++) {
    let x
    let y
    if (r.next() < 0.75) {
      const c = r.pick(cities)
      x = c.x + r.normal() * c.s
      y = c.y + r.normal() * c.s
    } else {
      x = r.next() * 1000
      y = r.next() * 1000
    }
    const potential = Math.round(Math.exp(r.normal()) * 1_000_000) // cents, median $10,000
    const workload = Math.round(8 + 6 * Math.sqrt(potential / 100_000) * Math.exp(0.3 * r.normal()))
    out.push({
      id: `A${String(i + 1).padStart(5, '0')}`,
      lat: 45 + y / 111.195,
      lon: 10 + x / (111.195 * Math.cos((45 * Math.PI) / 180)),
      potential,
      workload,
      territory: undefined,
      locked: false,
    })
  }
  return out
}

/** plain k-means (Lloyd, k-means++ seeding, best of 5 restarts by inertia) on the same plane */
function kmeans(accounts, k, rngSeed) {
  const r = createRandom(rngSeed)
  const pts = accounts.map((a) => [a.lon * 111.195 * Math.cos((45 * Math.PI) / 180), a.lat * 111.195])
  let best
  for (let restart = 0; restart < 5; restart++) {
    const c = [pts[Math.floor(r.next() * pts.length)]]
    while (c.length < k) {
      const d = pts.map((p) => Math.min(...c.map((q) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)))
      let t = r.next() * d.reduce((s, v) => s + v, 0)
      let pick = pts.length - 1
      for (let i = 0; i < d.length; i++)
        if ((t -= d[i]) < 0) {
          pick = i
          break
        }
      c.push(pts[pick])
    }
    const asg = new Array(pts.length).fill(0)
    for (let it = 0; it < 100; it++) {
      let changed = false
      pts.forEach((p, i) => {
        let bj = 0
        let bd = Infinity
        c.forEach((q, j) => {
          const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2
          if (d < bd) {
            bd = d
            bj = j
          }
        })
        if (asg[i] !== bj) {
          asg[i] = bj
          changed = true
        }
      })
      const sx = new Array(k).fill(0),
        sy = new Array(k).fill(0),
        sn = new Array(k).fill(0)
      pts.forEach((p, i) => {
        sx[asg[i]] += p[0]
        sy[asg[i]] += p[1]
        sn[asg[i]]++
      })
      for (let j = 0; j < k; j++) if (sn[j] > 0) c[j] = [sx[j] / sn[j], sy[j] / sn[j]]
      if (!changed) break
    }
    const inertia = pts.reduce((s, p, i) => s + (p[0] - c[asg[i]][0]) ** 2 + (p[1] - c[asg[i]][1]) ** 2, 0)
    if (best === undefined || inertia < best.inertia) best = { inertia, asg: [...asg] }
  }
  return best.asg.map((j) => `K${String(j + 1).padStart(2, '0')}`)
}

const accounts = generate(N, seed)
const graph = neighbourGraph(accounts)
const km = kmeans(accounts, K, seed)
const kmReport = territoryReport(
  accounts.map((a, i) => ({ ...a, territory: km[i] })),
  { balance: ['potential'], graph },
)
let failed = false
for (let run = 0; run < Number(values.runs); run++) {
  const started = performance.now()
  const solver = await loadSolver()
  const ids = planTerritoryIds(accounts, K)
  const result = balanceTerritories(
    accounts,
    { territories: ids, bands: [{ attribute: 'potential', tolerance: band }], graph, seed },
    solver,
  )
  const seconds = (performance.now() - started) / 1000
  if (!result.ok) {
    console.log(JSON.stringify({ name: `territories balance ${N}x${K}`, ok: false, reason: result.reason }))
    process.exit(1)
  }
  const plan = accounts.map((a, i) => ({ ...a, territory: result.territoryOf[i] }))
  const rep = territoryReport(plan, { balance: ['potential'], territories: ids, graph })
  const s = result.stats
  const gates = {
    within_band: s.outsideBand === 0 && rep.summary.worst_dev <= band + 1e-9,
    gap_to_bound: s.gapToBound !== null && s.gapToBound <= 0.005,
    cv_vs_kmeans: rep.summary.cv * 10 <= kmReport.summary.cv,
    contiguous: rep.summary.contiguous_share >= 0.9,
    time: seconds < 20,
  }
  const ok = Object.values(gates).every(Boolean)
  failed ||= !ok
  console.log(
    JSON.stringify({
      name: `territories balance ${N}x${K} from scratch, potential ±${band * 100}%`,
      seconds: Number(seconds.toFixed(2)),
      budget: 20,
      ok,
      gates,
      worst_dev: Number(rep.summary.worst_dev.toFixed(4)),
      cv: Number(rep.summary.cv.toFixed(4)),
      kmeans_cv: Number(kmReport.summary.cv.toFixed(4)),
      kmeans_mean_km: Number(kmReport.summary.mean_distance_km.toFixed(1)),
      mean_km: Number(rep.summary.mean_distance_km.toFixed(1)),
      gap_to_bound: Number(s.gapToBound.toFixed(5)),
      contiguous: `${rep.rows.filter((r) => r.pieces === 1).length}/${K}`,
      rounds: s.rounds,
      splits: s.splits,
      repair_moves: s.repairMoves,
      swaps: s.swaps,
      improving_moves: s.improvingMoves,
      contiguity_moves: s.contiguityMoves,
      lp_bound: Number(s.lpBound.toFixed(3)),
      stage_costs: s.stageCosts,
    }),
  )
}
process.exit(failed ? 1 : 0)
