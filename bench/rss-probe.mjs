/* global process */
// Preloaded with `node --import <file URL of bench/rss-probe.mjs> …` when /usr/bin/time is not installed (the
// Debian package `time` is not on every machine). On exit it writes the process's peak resident set size, in
// KiB (what getrusage reports on Linux), to the file named by BENCH_RSS_FILE, so the harness can read it back
// without touching the command's own stdout/stderr. (An ES module preloaded with --import rather than a .cjs
// with --require: the project's lint config type-checks .cjs files and cannot parse this one.)
import { writeFileSync } from 'node:fs'

const target = process.env.BENCH_RSS_FILE
if (target) {
  // Do not leak the variable into grandchildren: their own probe would overwrite our number.
  delete process.env.BENCH_RSS_FILE
  process.on('exit', () => {
    try {
      writeFileSync(target, `${process.resourceUsage().maxRSS}\n`)
    } catch {
      // A failed probe must never change the command's exit code; the harness reports "n/a".
    }
  })
}
