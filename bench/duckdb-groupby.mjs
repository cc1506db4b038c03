/* global process, console, URL */
// The DuckDB anchor of the benchmark, run as its own child process so that its wall time and peak RSS are
// measured exactly like the salesops commands (process start-up and DuckDB's start-up included).
//
//   node bench/duckdb-groupby.mjs <deals.csv> <threads: 1 | default>
//
// Prints one JSON line: number of groups and the rows they cover (a cross-check of the file's row count).
import { createRequire } from 'node:module'

// @duckdb/node-api lives in bench/.deps (installed by bench/run.mjs on first use), never in the project's own
// node_modules, so resolve it from there.
const require = createRequire(new URL('./.deps/', import.meta.url))
const { DuckDBInstance } = require('@duckdb/node-api')

const [file, threads = '1', mode = 'group-by'] = process.argv.slice(2)
if (!file) {
  console.error('usage: node bench/duckdb-groupby.mjs <deals.csv> [1|default]')
  process.exit(2)
}

const instance = await DuckDBInstance.create(':memory:')
const connection = await instance.connect()
if (threads !== 'default') await connection.run(`SET threads = ${Number(threads)}`)

// The anchor query of /work/shared/reference/performance.md, on the canonical deals columns: the export has
// no status column, so "won" is the Closed Won stage.
const sqlString = `'${file.replaceAll("'", "''")}'`
if (mode === 'all-columns') {
  // every column read and typed (what salesops check does), not only the five the GROUP BY needs
  const all = await connection.runAndReadAll(
    `CREATE TEMP TABLE deals AS SELECT * FROM read_csv_auto(${`'${file.replaceAll("'", "''")}'`}); SELECT count(*) FROM deals`,
  )
  console.log(JSON.stringify({ rows: Number(all.getRows()[0][0]) }))
  process.exit(0)
}
const reader = await connection.runAndReadAll(`
  SELECT owner, date_trunc('quarter', close_date) q, count(*) n,
         count(*) FILTER (WHERE stage = 'Closed Won') won,
         sum(amount) FILTER (WHERE stage = 'Closed Won') won_amount,
         avg(date_diff('day', created, close_date)) FILTER (WHERE stage = 'Closed Won') cycle_days
  FROM read_csv_auto(${sqlString}) GROUP BY ALL`)
const rows = reader.getRowObjects()
const covered = rows.reduce((sum, row) => sum + Number(row.n), 0)
const used = await connection.runAndReadAll("SELECT current_setting('threads') t")
console.log(JSON.stringify({ groups: rows.length, rows: covered, threads: Number(used.getRows()[0][0]) }))
