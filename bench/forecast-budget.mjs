/* global process, console, URL, performance */
// The forecasting budgets of issue 4, timed on the built CLI and kernel (run `npm run build` first):
//   1. Monte Carlo kernel: 10,000 open deals × 10,000 simulations < 5 s (dist/domain/forecast/monte-carlo.js);
//   2. `salesops forecast` on the 1M-deal export (deals.csv, no history: age buckets) < 10 s.
//
//   node bench/forecast-budget.mjs [--deals-csv PATH] [--runs N] [--skip-cli]
//
// With no --deals-csv it uses the newest bench/.cache/demo-1000000-*/deals.csv (made by `npm run bench`).
// Prints one JSON object per line ({ name, seconds, budget, ok }) and exits 1 when a budget fails, so that
// bench/run.mjs can spawn it and append the figures to bench/results.md.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const { values } = parseArgs({
  options: {
    'deals-csv': { type: 'string' },
    runs: { type: 'string', default: '3' },
    'skip-cli': { type: 'boolean', default: false },
  },
})
const runs = Math.max(1, Number(values.runs))
const results = []

const { simulate } = await import(join(root, 'dist', 'domain', 'forecast', 'monte-carlo.js'))
const n = 10000
const amounts = new Float64Array(n)
const cumulative = new Float64Array(n)
for (let i = 0; i < n; i++) {
  amounts[i] = 1_000_000 + ((i * 7919) % 9_000_000) // 10k–100k in cents
  cumulative[i] = ((i * 104729) % 1000) / 1000
}
let best = Infinity
let quantiles
for (let r = 0; r < runs; r++) {
  const started = performance.now()
  quantiles = simulate({
    amounts,
    cumulative,
    closed: [0],
    newMean: [0],
    newSd: [0],
    sigma: 0.15,
    simulations: 10000,
    seed: 1,
  })
  best = Math.min(best, (performance.now() - started) / 1000)
}
results.push({
  name: 'montecarlo 10k deals x 10k sims',
  seconds: round(best),
  budget: 5,
  ok: best < 5,
  quantiles: quantiles?.[0],
})

if (!values['skip-cli']) {
  const csv = values['deals-csv'] ?? newestCachedDeals()
  if (csv === undefined) {
    console.error('[forecast-bench] no 1M-deal export: run `npm run bench` or pass --deals-csv')
  } else {
    let cliBest = Infinity
    for (let r = 0; r < runs; r++) {
      const started = performance.now()
      const out = spawnSync(
        process.execPath,
        [
          join(root, 'bin', 'salesops.js'),
          'forecast',
          csv,
          '--as-of',
          '2026-11-27',
          '--format',
          'csv',
          '--quiet',
        ],
        { encoding: 'utf8', maxBuffer: 16 << 20 },
      )
      const seconds = (performance.now() - started) / 1000
      if (out.status !== 0) {
        console.error(out.stderr)
        process.exit(1)
      }
      cliBest = Math.min(cliBest, seconds)
    }
    results.push({
      name: 'forecast on 1M deals',
      file: csv,
      seconds: round(cliBest),
      budget: 10,
      ok: cliBest < 10,
    })
  }
}

for (const r of results) console.log(JSON.stringify(r))
process.exitCode = results.every((r) => r.ok) ? 0 : 1

function round(x) {
  return Math.round(x * 1000) / 1000
}

function newestCachedDeals() {
  const cache = join(root, 'bench', '.cache')
  if (!existsSync(cache)) return undefined
  const dirs = readdirSync(cache)
    .filter((d) => d.startsWith('demo-1000000-'))
    .map((d) => join(cache, d, 'deals.csv'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  return dirs[0]
}
