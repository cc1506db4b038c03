/* global process, console, performance */
// The measured acceptance of issue 5 §2 for `territories balance` (run `npm run build` first):
//   5,000 accounts × 20 territories from scratch: every territory within the band (potential ±3%),
//   within 0.5% of the LP bound, potential CV ≥ 10× lower than plain k-means, ≥ 90% of territories
//   in one piece, < 20 s (HiGHS load + balancing).
// Generator and k-means baseline: bench/territories-instance.mjs (../shared/reference/territories.md §6:
// a 1,000 × 1,000 km plane, 75% of accounts in 25 cities, potential ~ lognormal(σ = 1), workload =
// 8 + 6·√potential·lognormal(0.3) hours).
//
//   node bench/territories-balance.mjs [--accounts 5000] [--territories 20] [--band 0.03] [--seed 1] [--runs 1]
//
// Prints one JSON object per line ({ name, seconds, budget, ok, ... }) and exits 1 when a gate fails,
// so that bench/run.mjs can spawn it and append the figures to bench/results.md.
import { parseArgs } from 'node:util'
import { dist, generate, kmeans } from './territories-instance.mjs'

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
const { balanceTerritories, planTerritoryIds } = await import(
  dist('domain/territories/balance-territories.js')
)
const { territoryReport } = await import(dist('domain/territories/territory-report.js'))
const { neighbourGraph } = await import(dist('domain/territories/neighbour-graph.js'))
const { loadSolver } = await import(dist('cli/commands/territories.js'))

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
      mip_repair_moves: s.mipRepairMoves,
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
