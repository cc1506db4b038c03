/* global process, URL, setTimeout, clearTimeout */
// Runs one command as a child process and measures its wall time and peak RSS.
//
// Peak RSS comes from GNU /usr/bin/time (%M, KiB) when it is installed; otherwise node children are started
// with `--import bench/rss-probe.mjs`, which writes process.resourceUsage().maxRSS (KiB) on exit. Both read
// the kernel's getrusage high-water mark, so the numbers are comparable. BENCH_RSS_METHOD=probe forces the
// fallback (to test it where /usr/bin/time exists).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const TIME_BIN = '/usr/bin/time'
const PROBE = new URL('./rss-probe.mjs', import.meta.url).href

export const rssMethod = process.env.BENCH_RSS_METHOD === 'probe' || !existsSync(TIME_BIN) ? 'probe' : 'time'

/**
 * Run `node <args>` once. Resolves to { wallS, rssKiB, code, signal, stdout, stderr, timedOut }.
 * Wall time is taken here with a monotonic clock (finer than time's %e, and the wrapper adds ~1 ms).
 */
export async function runOnce(nodeArgs, { cwd, timeoutS = 900 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'salesops-bench-'))
  const rssFile = join(scratch, 'rss')
  const env = { ...process.env, NO_COLOR: '1' }
  let cmd, args
  if (rssMethod === 'time') {
    // -o keeps time's line out of the command's stderr; -f '%M' is peak RSS in KiB.
    cmd = TIME_BIN
    args = ['-o', rssFile, '-f', '%M', process.execPath, ...nodeArgs]
  } else {
    cmd = process.execPath
    args = ['--import', PROBE, ...nodeArgs]
    env.BENCH_RSS_FILE = rssFile
  }

  const started = process.hrtime.bigint()
  // detached: the child leads its own process group, so a timeout kills node as well as the time wrapper.
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout = (stdout + chunk).slice(-20_000)))
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }, timeoutS * 1000)
  const [code, signal] = await new Promise((resolve) => child.on('close', (c, s) => resolve([c, s])))
  clearTimeout(timer)
  const wallS = Number(process.hrtime.bigint() - started) / 1e9

  let rssKiB = null
  try {
    // GNU time prints "Command exited with non-zero status N" before the format line: take the last line.
    const last = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)
    if (/^\d+$/.test(last)) rssKiB = Number(last)
  } catch {
    // no file: the child was killed before it could report
  }
  rmSync(scratch, { recursive: true, force: true })
  return { wallS, rssKiB, code, signal, stdout, stderr, timedOut }
}

/**
 * Run a command `runs` times. Stops at the first failing run (a broken command is reported, not timed
 * again). Returns { runs: [...], medianS, minS, maxS, peakRssKiB, error }.
 */
export async function measure(nodeArgs, { runs, cwd, timeoutS, onRun } = {}) {
  const results = []
  let error = null
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(nodeArgs, { cwd, timeoutS })
    results.push(r)
    onRun?.(i, r)
    if (r.timedOut) {
      error = `timed out after ${timeoutS} s`
      break
    }
    if (r.code !== 0) {
      error = `exit ${r.code ?? r.signal}: ${lastLines(r.stderr || r.stdout, 3)}`
      break
    }
  }
  const ok = error ? [] : results
  const walls = ok.map((r) => r.wallS).sort((a, b) => a - b)
  const rss = ok.map((r) => r.rssKiB).filter((v) => v !== null)
  return {
    runs: results,
    medianS: walls.length ? median(walls) : null,
    minS: walls[0] ?? null,
    maxS: walls.at(-1) ?? null,
    // The budget is about the worst case, so report the highest peak of all runs.
    peakRssKiB: rss.length ? Math.max(...rss) : null,
    error,
  }
}

function median(sorted) {
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function lastLines(text, n) {
  return text.trim().split('\n').slice(-n).join(' | ').slice(0, 400)
}
