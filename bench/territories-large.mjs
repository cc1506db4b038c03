/* global process, console, performance */
// The scale acceptance of issue 5 §2 (run `npm run build` first): `salesops territories balance` on
// 50,000 accounts × 50 territories completes under 120 s with the band held (potential ±3%, every
// territory inside it). Runs the built CLI end to end on a generated CSV (read, neighbour graph, HiGHS
// load, LP rounds, rounding, repair, report, output), from scratch (no territory column).
// Instance: bench/territories-instance.mjs (the §6 generator: 1,000 × 1,000 km, 25 cities).
//
//   node bench/territories-large.mjs [--accounts 50000] [--territories 50] [--band 0.03] [--seed 1] [--runs 1]
//
// Prints one JSON object per line ({ name, seconds, budget, ok, ... }) and exits 1 when a gate fails.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generate, root } from './territories-instance.mjs'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '50000' },
    territories: { type: 'string', default: '50' },
    band: { type: 'string', default: '0.03' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
  },
})
const N = Number(values.accounts)
const K = Number(values.territories)
const band = Number(values.band)
const budget = 120
const dir = mkdtempSync(join(os.tmpdir(), 'salesops-territories-large-'))
const csv = join(dir, 'accounts.csv')
const lines = ['id,lat,lon,potential,workload']
for (const a of generate(N, Number(values.seed)))
  lines.push(
    `${a.id},${a.lat.toFixed(5)},${a.lon.toFixed(5)},${(a.potential / 100).toFixed(2)},${a.workload}`,
  )
writeFileSync(csv, `${lines.join('\n')}\n`)

let failed = false
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const summary = join(dir, 'summary.csv')
    const started = performance.now()
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'bin', 'salesops.js'),
        'territories',
        'balance',
        csv,
        '--territories',
        String(K),
        '--balance',
        `potential:${band * 100}%`,
        '--seed',
        String(values.seed),
        '--format',
        'csv',
        '--out',
        join(dir, 'plan.csv'),
        '--summary',
        summary,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    )
    const seconds = (performance.now() - started) / 1000
    const name = `territories balance ${N}x${K} from scratch (CLI end to end), potential ±${band * 100}%`
    if (result.status !== 0) {
      console.log(
        JSON.stringify({
          name,
          seconds: Number(seconds.toFixed(2)),
          budget,
          ok: false,
          stderr: result.stderr.trim().split('\n').at(-1),
        }),
      )
      failed = true
      continue
    }
    const pairs = new Map(
      readFileSync(summary, 'utf8')
        .split('key,value\n')[1]
        .trim()
        .split('\n')
        .map((l) => l.split(',')),
    )
    const worst = Number(pairs.get('worst_dev'))
    const gates = {
      within_band: Number(pairs.get('outside_band')) === 0 && worst <= band + 1e-4,
      time: seconds < budget,
    }
    const ok = Object.values(gates).every(Boolean)
    failed ||= !ok
    console.log(
      JSON.stringify({
        name,
        seconds: Number(seconds.toFixed(2)),
        budget,
        ok,
        gates,
        balance_seconds: Number(pairs.get('seconds')),
        worst_dev: worst,
        cv: Number(pairs.get('cv')),
        gap_to_bound: Number(pairs.get('gap_to_bound')),
        contiguous_share: Number(pairs.get('contiguous_share')),
        mean_km: Number(pairs.get('mean_distance_km')),
        rounds: Number(pairs.get('rounds')),
        splits: Number(pairs.get('splits')),
        mip_repair_moves: Number(pairs.get('mip_repair_moves')),
        repair_moves: Number(pairs.get('repair_moves')),
        contiguity_moves: Number(pairs.get('contiguity_moves')),
      }),
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
