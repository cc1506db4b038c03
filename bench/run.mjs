/* global process, console, URL */
// `npm run bench` (= npm run build && node bench/run.mjs): times salesops `check` and `inspect` on a 1M-deal
// export against a DuckDB GROUP BY anchor, checks the budget, and appends the results to bench/results.md.
//
//   node bench/run.mjs [--runs N] [--deals N] [--seed N] [--only check|inspect|duckdb|forecast|territories|assign|report] [--timeout S]
//
// See bench/README.md for what is measured and why.
import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureDemo } from './demo-cache.mjs'
import { measure, rssMethod } from './measure.mjs'

// The newest @duckdb/node-api when this was written; it ships N-API prebuilt binaries inside registry packages
// (no download at install time) and runs on Node 20. The older `duckdb` package fetches its binary from
// elsewhere and fails where only the npm registry is reachable.
const DUCKDB_VERSION = '1.5.6-r.1'
// Budget of the issue: check within 2.5× the DuckDB threads=1 anchor and within 300 MiB peak RSS.
const BUDGET_WALL_RATIO = 2.5
const BUDGET_RSS_MIB = 300

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const benchDir = join(root, 'bench')
const log = (msg) => console.error(`[bench] ${msg}`)

const flags = parseFlags({
  runs: { type: 'string', default: '3' },
  deals: { type: 'string', default: '1000000' },
  seed: { type: 'string', default: '42' },
  only: { type: 'string' },
  timeout: { type: 'string', default: '900' },
  help: { type: 'boolean', short: 'h' },
})
if (flags.help) {
  console.log(readFileSync(join(benchDir, 'README.md'), 'utf8'))
  process.exit(0)
}
const runs = positiveInt('runs', flags.runs)
const deals = positiveInt('deals', flags.deals)
const seed = positiveInt('seed', flags.seed, 0)
const timeoutS = positiveInt('timeout', flags.timeout)
const only = flags.only
if (only && !['check', 'inspect', 'duckdb', 'forecast', 'territories', 'assign', 'report'].includes(only))
  usage(`--only must be check, inspect, duckdb, forecast, territories, assign or report`)
if (!existsSync(join(root, 'dist', 'cli', 'main.js')))
  usage('dist/ missing: run `npm run bench` (it builds first)')

const wants = (name) => !only || only === name
if (wants('duckdb')) ensureDuckdb()

let data
try {
  data = await ensureDemo({ root, deals, seed, log })
} catch (error) {
  console.error(`[bench] FAIL: cannot generate the benchmark export: ${error.message}`)
  process.exit(1)
}
const dealsCsv = join(data.dir, 'deals.csv')
const sizeMiB = data.sizeBytes / 2 ** 20
log(
  `${relative(root, dealsCsv)}: ${sizeMiB.toFixed(1)} MiB, ${data.rows.toLocaleString('en-US')} rows` +
    (data.reused ? ' (cached)' : ` (generated in ${data.generatedS} s)`),
)

// Outputs go to a scratch folder rather than /dev/null: salesops writes -o files atomically (temp + rename).
const scratch = mkdtempSync(join(os.tmpdir(), 'salesops-bench-out-'))
const commands = [
  // DuckDB first: it also warms the page cache, so no salesops command pays for a cold read.
  {
    name: 'duckdb',
    anchor: true,
    label: 'DuckDB GROUP BY, threads=1 (anchor)',
    args: ['bench/duckdb-groupby.mjs', dealsCsv, '1'],
  },
  {
    name: 'duckdb',
    label: 'DuckDB GROUP BY, default threads',
    args: ['bench/duckdb-groupby.mjs', dealsCsv, 'default'],
  },
  // For comparison only (not the budget's anchor): DuckDB parsing and typing every column, as check does.
  {
    name: 'duckdb',
    label: 'DuckDB all 21 columns, threads=1',
    args: ['bench/duckdb-groupby.mjs', dealsCsv, '1', 'all-columns'],
  },
  {
    name: 'check',
    label: 'salesops check --format csv',
    args: [
      'bin/salesops.js',
      'check',
      '--deals',
      dealsCsv,
      '--format',
      'csv',
      '--quiet',
      '-o',
      join(scratch, 'findings.csv'),
    ],
  },
  {
    name: 'inspect',
    label: 'salesops inspect --format json',
    args: ['bin/salesops.js', 'inspect', dealsCsv, '--format', 'json', '-o', join(scratch, 'inspect.json')],
  },
].filter((c) => wants(c.name))

const results = []
try {
  for (const command of commands) {
    log(`${command.label}: ${runs} run(s)`)
    const m = await measure(command.args, {
      runs,
      cwd: root,
      timeoutS,
      onRun: (i, r) =>
        log(
          `  run ${i + 1}: ${r.wallS.toFixed(2)} s, ${mib(r.rssKiB)} MiB${r.code === 0 ? '' : `, exit ${r.code ?? r.signal}`}`,
        ),
    })
    if (command.name === 'duckdb' && !m.error) {
      // Its rows must match the file's: a different count means the anchor read a different file.
      const out = JSON.parse(m.runs.at(-1).stdout.trim().split('\n').at(-1))
      if (out.rows !== data.rows) log(`  WARNING: DuckDB counted ${out.rows} rows, the file has ${data.rows}`)
      if (!command.anchor && out.threads !== undefined) command.label += ` (${out.threads})`
    }
    results.push({ ...command, ...m })
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

// Report.
const anchor = results.find((r) => r.anchor)
const anchorS = anchor?.medianS ?? null
const table = [
  ['command', 'wall s (median)', 'min–max s', 'peak RSS MiB', `× DuckDB t=1`],
  ...results.map((r) =>
    r.error
      ? [r.label, `ERROR: ${r.error}`, '', mib(r.runs.at(-1)?.rssKiB ?? null), '']
      : [
          r.label,
          r.medianS.toFixed(2),
          `${r.minS.toFixed(2)}–${r.maxS.toFixed(2)}`,
          mib(r.peakRssKiB),
          anchorS ? `${(r.medianS / anchorS).toFixed(2)}×` : 'n/a',
        ],
  ),
]

const check = results.find((r) => r.name === 'check')
const verdicts = []
if (check) {
  if (check.error) {
    verdicts.push(
      `FAIL  check wall ≤ ${BUDGET_WALL_RATIO}× DuckDB threads=1: check did not complete (${check.error})`,
    )
    verdicts.push(`FAIL  check peak RSS ≤ ${BUDGET_RSS_MIB} MiB: check did not complete`)
  } else {
    if (anchorS === null) {
      verdicts.push(
        `n/a   check wall ≤ ${BUDGET_WALL_RATIO}× DuckDB threads=1: the anchor was not measured (run without --only)`,
      )
    } else {
      const ratio = check.medianS / anchorS
      verdicts.push(
        `${ratio <= BUDGET_WALL_RATIO ? 'PASS' : 'FAIL'}  check wall ≤ ${BUDGET_WALL_RATIO}× DuckDB threads=1: ` +
          `${check.medianS.toFixed(2)} s vs ${anchorS.toFixed(2)} s = ${ratio.toFixed(2)}× ` +
          `(limit ${(anchorS * BUDGET_WALL_RATIO).toFixed(2)} s)`,
      )
    }
    const rssMiB = check.peakRssKiB === null ? null : check.peakRssKiB / 1024
    verdicts.push(
      rssMiB === null
        ? `n/a   check peak RSS ≤ ${BUDGET_RSS_MIB} MiB: not measured`
        : `${rssMiB <= BUDGET_RSS_MIB ? 'PASS' : 'FAIL'}  check peak RSS ≤ ${BUDGET_RSS_MIB} MiB: ${rssMiB.toFixed(0)} MiB`,
    )
  }
}

const cpus = os.cpus()
const machine =
  `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ` +
  `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}`
const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' })
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' })
const revision =
  git.status === 0
    ? `${git.stdout.trim()}${dirty.stdout.trim() ? ' + uncommitted src changes' : ''}`
    : 'unknown'
const fileLine =
  `${relative(root, dealsCsv)}: ${sizeMiB.toFixed(1)} MiB (${data.sizeBytes.toLocaleString('en-US')} bytes), ` +
  `${data.rows.toLocaleString('en-US')} rows (demo --deals ${deals} --seed ${seed}, generator ${data.hash})`

// The budgets of the analytics issues, each measured by its own script (one JSON line per measurement):
// forecasting (issue 4), territories and assignment (issue 5), the weekly report (issue 7).
// `--only forecast|territories|assign|report` narrows. territories: 5,000 × 20 from scratch, re-balancing
// a drifted plan (with two ungated comparisons), 50,000 × 50 through the CLI.
const budgetScripts = [
  { name: 'forecast', args: ['bench/forecast-budget.mjs', '--deals-csv', dealsCsv, '--runs', String(runs)] },
  { name: 'territories', args: ['bench/territories-balance.mjs'] },
  { name: 'territories', args: ['bench/territories-drift.mjs', '--compare'] },
  { name: 'territories', args: ['bench/territories-large.mjs'] },
  { name: 'assign', args: ['bench/assign-accounts.mjs'] },
  { name: 'report', args: ['bench/report-budget.mjs', '--deals-csv', dealsCsv, '--runs', String(runs)] },
]
for (const script of budgetScripts) {
  if (only !== undefined && only !== script.name) continue
  log(`${script.name} budgets (${script.args[0]})`)
  const run = spawnSync(process.execPath, script.args, { cwd: root, encoding: 'utf8' })
  for (const line of run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))) {
    const r = JSON.parse(line)
    const { name, ok, seconds, budget, ...rest } = r
    const facts = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
      .join(' ')
    const timing =
      seconds === undefined
        ? ''
        : `${Number(seconds).toFixed(2)} s${budget === undefined ? '' : ` (budget ${budget} s)`}`
    verdicts.push(
      `${ok === undefined ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${name}: ${[timing, facts].filter((x) => x !== '').join('; ')}`,
    )
  }
  if (run.status !== 0 && run.status !== 1)
    log(`  ${script.name} did not run: ${run.stderr.trim().split('\n').at(-1)}`)
}

console.log()
console.log(`file:    ${fileLine}`)
console.log(
  `machine: ${machine}; Node ${process.version}; peak RSS via ${rssMethod === 'time' ? '/usr/bin/time' : 'rss-probe.mjs'}`,
)
console.log()
console.log(textTable(table))
if (verdicts.length) {
  console.log()
  console.log(
    `Budgets (on the ${deals.toLocaleString('en-US')}-deal export${deals === 1_000_000 ? '' : '; the budget is set for 1,000,000 deals'}):`,
  )
  for (const v of verdicts) console.log(`  ${v}`)
  if (verdicts.some((v) => v.startsWith('FAIL'))) console.log('\n  *** BUDGET FAIL ***')
}

// Append to results.md (created with a header the first time).
const resultsFile = join(benchDir, 'results.md')
if (!existsSync(resultsFile)) {
  writeFileSync(
    resultsFile,
    `# Benchmark results

Appended by \`npm run bench\` (bench/run.mjs; see bench/README.md). Each section is one run: wall time is the
median of the runs of each command (whole child process: Node start-up and, for DuckDB, its own start-up
included); peak RSS is the highest resident set of the child over those runs, in MiB. The anchor is DuckDB's
GROUP BY on the same file with threads=1. Budget: \`check\` wall ≤ ${BUDGET_WALL_RATIO}× the anchor and peak RSS
≤ ${BUDGET_RSS_MIB} MiB. The machine is shared and noisy: compare ratios within one section, not absolute times across
sections.
`,
  )
}
const md = [
  '',
  `## ${new Date().toISOString()}`,
  '',
  `- machine: ${machine}`,
  `- Node ${process.version}, DuckDB @duckdb/node-api ${DUCKDB_VERSION}, peak RSS via ${rssMethod === 'time' ? '/usr/bin/time' : 'rss-probe.mjs'}`,
  `- salesops revision: ${revision}`,
  `- file: ${fileLine}`,
  `- runs per command: ${runs}${only ? `, only ${only}` : ''}`,
  '',
  `| ${table[0].join(' | ')} |`,
  `|${table[0].map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ...table.slice(1).map((row) => `| ${row.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`),
  '',
  ...(verdicts.length
    ? [
        deals === 1_000_000 ? 'Budget:' : 'Budget (indicative only: it is set for 1,000,000 deals):',
        '',
        ...verdicts.map((v) => `- **${v.slice(0, 4).trim()}** ${v.slice(4).trim()}`),
        '',
      ]
    : []),
].join('\n')
appendFileSync(resultsFile, md)
log(`appended to ${relative(root, resultsFile)}`)
// A budget FAIL is a finding of the report, not an error of the harness: exit 0.

// ---------------------------------------------------------------------------------------------------------

/** Installs @duckdb/node-api into bench/.deps when it is missing or at another version. */
function ensureDuckdb() {
  const depsDir = join(benchDir, '.deps')
  const pkg = join(depsDir, 'node_modules', '@duckdb', 'node-api', 'package.json')
  if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === DUCKDB_VERSION) return
  log(`installing @duckdb/node-api@${DUCKDB_VERSION} into bench/.deps (bench only, not in package.json)`)
  // --no-save: bench/.deps keeps no package.json or lock of its own; --prefix keeps it out of the root project.
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      depsDir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      `@duckdb/node-api@${DUCKDB_VERSION}`,
    ],
    { cwd: benchDir, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  if (npm.status !== 0 || !existsSync(pkg)) {
    console.error('[bench] FAIL: could not install @duckdb/node-api into bench/.deps')
    process.exit(1)
  }
}

function mib(kib) {
  return kib === null || kib === undefined ? 'n/a' : (kib / 1024).toFixed(0)
}

function textTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

function parseFlags(options) {
  try {
    return parseArgs({ options }).values
  } catch (error) {
    return usage(error.message)
  }
}

function positiveInt(name, value, min = 1) {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer ≥ ${min}, got ${value}`)
  return n
}

function usage(message) {
  console.error(
    `[bench] ${message}\nusage: node bench/run.mjs [--runs N] [--deals N] [--seed N] [--only check|inspect|duckdb|forecast|territories|assign|report] [--timeout S]`,
  )
  process.exit(2)
}
