/* global process, console, URL, performance */
// The assign budget of issue 5: `assign accounts`, 10,000 accounts × 200 reps with count capacities,
// exact min-cost flow (dist/domain/assign/assign-accounts.js) under 10 s. Run `npm run build` first.
//
//   node bench/assign-accounts.mjs [--accounts N] [--reps R] [--runs N] [--seed N] [--greedy] [--band 0.1]
//
// --band τ also times the LP route once (--balance-quota τ: HiGHS LP + rounding + repair; no budget).
//
// Synthetic instance after territories.md §6: a 1,000 × 1,000 km plane (coordinates as lat/lon degrees
// scaled so that 1 unit ≈ 1 km), 75% of accounts in 25 cities, potential ~ lognormal(σ = 1), workload =
// 8 + 6·√potential·lognormal(0.3); reps with home bases, 2–3 of 12 skills, capacity 1.05·N/R ± 20%;
// 90% of accounts owned. Prints one JSON object per line ({ name, seconds, budget, ok, ... }) and exits 1
// when the budget fails, so that bench/run.mjs can spawn it and append the figures to bench/results.md.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    reps: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    greedy: { type: 'boolean', default: false },
    band: { type: 'string' },
  },
})
const N = Number(values.accounts)
const R = Number(values.reps)
const runs = Math.max(1, Number(values.runs))
const { assignAccounts } = await import(join(root, 'dist', 'domain', 'assign', 'assign-accounts.js'))
const { defaultWeights } = await import(join(root, 'dist', 'domain', 'assign', 'assign-cost.js'))

function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
const normal = (rand) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())

function instance(seed) {
  const rand = rng(seed)
  // 1 degree of latitude ≈ 111.2 km: a 1,000 km square is ~9 degrees near the equator
  const deg = (km) => km / 111.2
  const cities = Array.from({ length: 25 }, () => [rand() * 1000, rand() * 1000])
  const skills = Array.from({ length: 12 }, (_, i) => `Industry ${i + 1}`)
  const reps = Array.from({ length: R }, (_, r) => {
    const n = 2 + Math.floor(rand() * 2)
    const own = new Set()
    while (own.size < n) own.add(skills[Math.floor(rand() * skills.length)])
    const [x, y] = rand() < 0.75 ? cities[Math.floor(rand() * 25)] : [rand() * 1000, rand() * 1000]
    return {
      id: `R${r}`,
      name: `Rep ${r}`,
      skills: [...own],
      capacity: Math.max(1, Math.round(((1.05 * N) / R) * (0.8 + 0.4 * rand()))),
      home_lat: deg(y),
      home_lon: deg(x),
      source_file: 'reps.csv',
      source_line: r + 2,
    }
  })
  const accounts = Array.from({ length: N }, (_, a) => {
    let x
    let y
    if (rand() < 0.75) {
      const [cx, cy] = cities[Math.floor(rand() * 25)]
      x = Math.min(1000, Math.max(0, cx + normal(rand) * 30))
      y = Math.min(1000, Math.max(0, cy + normal(rand) * 30))
    } else {
      x = rand() * 1000
      y = rand() * 1000
    }
    const potential = Math.round(Math.exp(normal(rand)) * 1000000)
    return {
      id: `A${a}`,
      industry: skills[Math.floor(rand() * skills.length)],
      lat: deg(y),
      lon: deg(x),
      potential,
      workload: 8 + 6 * Math.sqrt(potential / 100000) * Math.exp(0.3 * normal(rand)),
      owner: rand() < 0.9 ? `Rep ${Math.floor(rand() * R)}` : undefined,
      source_file: 'accounts.csv',
      source_line: a + 2,
    }
  })
  return { accounts, reps }
}

const { accounts, reps } = instance(Number(values.seed))
const options = { asOf: 20000, capacityBy: 'accounts', fit: ['industry'], weights: defaultWeights }
const times = []
let result
for (let i = 0; i < runs; i++) {
  const t0 = performance.now()
  result = assignAccounts(accounts, reps, options)
  times.push((performance.now() - t0) / 1000)
}
times.sort((a, b) => a - b)
const seconds = times[Math.floor(times.length / 2)]
const budget = 10
const line = {
  name: `assign accounts ${N} × ${R} (min-cost flow)`,
  seconds: Number(seconds.toFixed(3)),
  min: Number(times[0].toFixed(3)),
  budget,
  ok: seconds <= budget,
  totalCost: result.totalCost,
  keptShare: result.keptShare === null ? null : Number(result.keptShare.toFixed(4)),
  unassigned: result.unassigned,
}
console.log(JSON.stringify(line))

if (values.greedy) {
  // baseline: each account (in input order) to its cheapest rep with room, same costs
  const { buildCosts } = await import(join(root, 'dist', 'domain', 'assign', 'assign-cost.js'))
  const byName = new Map(reps.map((r, i) => [r.name, i]))
  const model = buildCosts(accounts, reps, (a) => byName.get(a.owner) ?? -1, ['industry'], defaultWeights)
  const room = reps.map((r) => r.capacity)
  let cost = 0
  for (let a = 0; a < N; a++) {
    let best = -1
    for (let r = 0; r < R; r++)
      if (room[r] > 0 && (best < 0 || model.costs[a * R + r] < model.costs[a * R + best])) best = r
    room[best]--
    cost += model.costs[a * R + best] / 100
  }
  console.log(
    JSON.stringify({
      name: 'greedy baseline',
      totalCost: Number(cost.toFixed(2)),
      vsOptimum: Number((cost / result.totalCost - 1).toFixed(4)),
    }),
  )
}
if (values.band !== undefined) {
  const highs = await (await import('highs')).default()
  const t0 = performance.now()
  const banded = assignAccounts(accounts, reps, {
    ...options,
    balanceQuota: Number(values.band),
    solver: highs,
  })
  const seconds = (performance.now() - t0) / 1000
  console.log(
    JSON.stringify({
      name: `assign accounts ${N} × ${R} --balance-quota ${Number(values.band) * 100}% (LP + repair)`,
      seconds: Number(seconds.toFixed(3)),
      totalCost: banded.totalCost,
      lpBound: Number(banded.lpBound.toFixed(2)),
      gapToBound: Number((banded.totalCost / banded.lpBound - 1).toFixed(4)),
      vsUnconstrained: Number((banded.totalCost / result.totalCost - 1).toFixed(4)),
      splits: banded.splits,
      violations: banded.violations,
    }),
  )
}
process.exitCode = line.ok ? 0 : 1
