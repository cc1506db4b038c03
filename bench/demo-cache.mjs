/* global process */
// Generates the benchmark export once (`salesops demo --deals N --seed S`, ~40 s for 1M deals) and keeps it
// in bench/.cache/demo-<deals>-seed<seed>-<generator hash>/.
//
// The key includes a hash of the built generator: every dist/demo/*.js plus the modules they import
// (model specs, random, CSV writer) and the demo command itself. A change to any of them gives a new
// folder, and stale folders of the same deals/seed are removed (each holds ~0.5 GB).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** Hash of the generator's built code: sorted relative paths and contents. */
export function generatorHash(root) {
  const dist = join(root, 'dist')
  const demoDir = join(dist, 'demo')
  if (!existsSync(demoDir)) throw new Error(`${relative(root, demoDir)} missing: run npm run build first`)
  const roots = readdirSync(demoDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(demoDir, f))
  roots.push(join(dist, 'io', 'to-csv.js'), join(dist, 'cli', 'commands', 'demo.js'))

  // Follow the relative imports of the generator (not of the demo command: that would pull in the whole CLI).
  const seen = new Set()
  const queue = roots.filter(existsSync)
  const follow = (file) => !file.endsWith(join('cli', 'commands', 'demo.js'))
  while (queue.length) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    if (!follow(file)) continue
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const dep = resolve(dirname(file), m[1])
      if (existsSync(dep)) queue.push(dep)
    }
  }

  const hash = createHash('sha256')
  for (const file of [...seen].sort()) {
    hash.update(relative(dist, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 12)
}

/**
 * Returns { dir, dealsCsv, sizeBytes, rows, hash, generatedS, reused } for the cached export, generating it
 * first when missing.
 */
export async function ensureDemo({ root, deals, seed, log }) {
  const hash = generatorHash(root)
  const cacheRoot = join(root, 'bench', '.cache')
  const prefix = `demo-${deals}-seed${seed}-`
  const dir = join(cacheRoot, prefix + hash)
  const metaFile = join(dir, 'bench-meta.json')

  // bench-meta.json is written last, so a folder without it is an interrupted run: start over.
  if (existsSync(metaFile)) return { ...JSON.parse(readFileSync(metaFile, 'utf8')), dir, reused: true }

  if (existsSync(cacheRoot)) {
    for (const name of readdirSync(cacheRoot)) {
      if (name.startsWith(prefix)) {
        log(`removing stale cache ${name}`)
        rmSync(join(cacheRoot, name), { recursive: true, force: true })
      }
    }
  }

  // Write into a temporary folder and rename it, so a cache folder is always complete.
  const tmp = `${dir}.tmp-${process.pid}`
  log(
    `generating ${deals.toLocaleString('en-US')} deals (seed ${seed}, generator ${hash}) into ${relative(root, dir)} …`,
  )
  const started = process.hrtime.bigint()
  const demo = spawnSync(
    process.execPath,
    ['bin/salesops.js', 'demo', '--out', tmp, '--deals', String(deals), '--seed', String(seed), '--quiet'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 },
  )
  const generatedS = Number(process.hrtime.bigint() - started) / 1e9
  const dealsTmp = join(tmp, 'deals.csv')
  if (demo.status !== 0 || !existsSync(dealsTmp)) {
    rmSync(tmp, { recursive: true, force: true })
    throw new Error(
      `salesops demo --deals ${deals} failed (exit ${demo.status ?? demo.signal}):\n${(demo.stderr || demo.stdout).trim().slice(-2000)}`,
    )
  }

  const meta = {
    hash,
    deals,
    seed,
    sizeBytes: statSync(dealsTmp).size,
    rows: await countRows(dealsTmp),
    generatedS: Math.round(generatedS * 10) / 10,
    generatedAt: new Date().toISOString(),
  }
  writeFileSync(join(tmp, 'bench-meta.json'), `${JSON.stringify(meta, null, 2)}\n`)
  renameSync(tmp, dir)
  return { ...meta, dir, reused: false }
}

/**
 * Data rows of a CSV: newlines outside quotes, minus the header. Quotes are tracked because a quoted cell may
 * hold a line break; a missing final newline still counts its row.
 */
async function countRows(file) {
  let lines = 0
  let inQuotes = false
  let last = 0x0a
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]
      if (c === 0x22) inQuotes = !inQuotes
      else if (c === 0x0a && !inQuotes) lines++
    }
    last = chunk[chunk.length - 1]
  }
  if (last !== 0x0a) lines++
  return Math.max(0, lines - 1)
}
