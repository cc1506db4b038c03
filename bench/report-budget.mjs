/* global process, console, URL */
// The budgets of issue 7 for `salesops report`, timed on the built CLI (run `npm run build` first):
//   1. the weekly report on the demo company (`report --demo`, every section, terminal format) < 5 s;
//   2. the report on the 1M-deal export (`report --deals deals.csv`: headline KPIs, forecast with its
//      backtest, funnel, data quality; the other inputs absent) < 30 s;
//   and, for information (no budget), the report on the whole 1M-deal company of the bench cache
//   (deals, previous export, 2M-row stage history, accounts, reps, quotas, contracts, leads, …).
//
//   node bench/report-budget.mjs [--deals-csv PATH] [--runs N]
//
// With no --deals-csv it uses the newest bench/.cache/demo-1000000-*/deals.csv (made by `npm run bench`).
// Prints one JSON object per line ({ name, seconds, budget, ok, rss_mib }) and exits 1 when a budget
// fails, so that bench/run.mjs can spawn it and append the figures to bench/results.md.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runOnce } from './measure.mjs'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const { values } = parseArgs({
  options: { 'deals-csv': { type: 'string' }, runs: { type: 'string', default: '3' } },
})
const runs = Math.max(1, Number(values.runs))
const bin = join(root, 'bin', 'salesops.js')
const results = []

async function measure(name, args, budget, extra = {}) {
  let best = Infinity
  let rss = 0
  for (let r = 0; r < runs; r++) {
    const run = await runOnce([bin, ...args, '--quiet', '-o', '/dev/null'], { cwd: root })
    if (run.code !== 0) {
      console.error(
        `[report-bench] ${name} failed (exit ${run.code}): ${run.stderr.trim().split('\n').at(-1)}`,
      )
      process.exit(1)
    }
    best = Math.min(best, run.wallS)
    rss = Math.max(rss, run.rssKiB ?? 0)
  }
  const result = { name, seconds: Math.round(best * 1000) / 1000, rss_mib: Math.round(rss / 1024), ...extra }
  if (budget !== undefined) Object.assign(result, { budget, ok: best < budget })
  results.push(result)
}

await measure('report --demo (all sections)', ['report', '--demo', '--format', 'terminal'], 5)

const csv = values['deals-csv'] ?? newestCachedDeals()
if (csv === undefined) {
  console.error('[report-bench] no 1M-deal export: run `npm run bench` or pass --deals-csv')
} else {
  const asOf = ['--as-of', '2026-11-27']
  await measure('report on 1M deals', ['report', '--deals', csv, ...asOf], 30, { runs })
  const dir = dirname(csv)
  const file = (name) => join(dir, name)
  const company = [
    ['--deals', 'deals.csv'],
    ['--previous-deals', 'open_pipeline_2026-11-20.csv'],
    ['--history', 'stage_history.csv'],
    ['--accounts', 'accounts.csv'],
    ['--reps', 'reps.csv'],
    ['--quotas', 'quotas.csv'],
    ['--contracts', 'contracts.csv'],
  ].filter(([, name]) => existsSync(file(name)))
  await measure(
    'report on the whole 1M-deal company (information)',
    ['report', ...company.flatMap(([option, name]) => [option, file(name)]), ...asOf],
    undefined,
  )
}

for (const r of results) console.log(JSON.stringify(r))
process.exitCode = results.every((r) => r.ok !== false) ? 0 : 1

function newestCachedDeals() {
  const cache = join(root, 'bench', '.cache')
  if (!existsSync(cache)) return undefined
  return readdirSync(cache)
    .filter((d) => d.startsWith('demo-1000000-'))
    .map((d) => join(cache, d, 'deals.csv'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
}
