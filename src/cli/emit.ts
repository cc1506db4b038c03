/**
 * The only writer of data: rows + declared columns → the chosen format → stdout or `--out`
 * (atomically). Everything else goes to stderr.
 */
import type { Columns } from '../model/columns.js'
import { UsageError } from '../errors.js'
import { toCsv } from '../io/to-csv.js'
import { toJson, toNdjson } from '../io/to-json.js'
import { createAtomicWriter, writeFileAtomic } from '../io/files.js'
import { renderMarkdown, renderTable } from '../render/table.js'
import type { OutputFormat } from './options.js'
import type { Session } from './session.js'

const byExtension: Readonly<Record<string, OutputFormat>> = {
  csv: 'csv',
  tsv: 'tsv',
  txt: 'table',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  md: 'markdown',
}

/** The format: --format, else the --out file's extension, else table on a terminal and csv in a pipe. */
export function outputFormat(session: Session): OutputFormat {
  const { format, out } = session.options
  if (format === 'terminal') return 'table'
  if (format === 'html')
    throw new UsageError(
      'FORMAT_NOT_SUPPORTED',
      '--format html is for `salesops report`; this command writes table, csv, tsv, json, ndjson or markdown',
    )
  if (format !== undefined) return format
  if (out !== undefined) return byExtension[out.split('.').pop()?.toLowerCase() ?? ''] ?? 'csv'
  return session.stdoutIsTTY ? 'table' : 'csv'
}

export function isHumanFormat(format: OutputFormat): boolean {
  return format === 'table' || format === 'markdown'
}

export interface EmitOptions {
  /** a totals row computed from the records (shown in table/markdown, and with --totals in machine formats) */
  readonly totals?: Record<string, unknown>
}

export function formatRows<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  session: Session,
  options: EmitOptions = {},
): string {
  const format = outputFormat(session)
  const human = { locale: session.locale, currency: session.currency }
  const machineRows: readonly Row[] =
    options.totals !== undefined && session.options.totals === true ? [...rows, options.totals as Row] : rows
  switch (format) {
    case 'table':
      return renderTable(rows, columns, {
        ...human,
        chalk: session.out === undefined ? session.chalk : session.plainChalk,
        ...(options.totals === undefined ? {} : { totals: options.totals }),
      })
    case 'markdown':
      return renderMarkdown(rows, columns, {
        ...human,
        ...(options.totals === undefined ? {} : { totals: options.totals }),
      })
    case 'csv':
      return toCsv(machineRows, columns, { guard: session.options.csvGuard })
    case 'tsv':
      return toCsv(machineRows, columns, { guard: session.options.csvGuard, delimiter: '\t' })
    case 'json':
      return toJson(machineRows, columns)
    case 'ndjson':
      return toNdjson(machineRows, columns)
  }
}

/** Writes already formatted data to stdout or --out. */
export async function writeData(text: string, session: Session): Promise<void> {
  const out = session.options.out
  if (out !== undefined) {
    await writeFileAtomic(out, text)
    return
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (error) reject(error)
      else resolve()
    })
  })
}

const BATCH = 5000

/** Writes text pieces to --out (atomically) or stdout, one piece at a time. */
async function writePieces(pieces: Iterable<string>, session: Session): Promise<void> {
  const out = session.options.out
  if (out === undefined) {
    for (const piece of pieces) await writeData(piece, session)
    return
  }
  const writer = createAtomicWriter(out)
  try {
    for (const piece of pieces) await writer.write(piece)
  } catch (error) {
    await writer.abort()
    throw error
  }
  await writer.commit()
}

export async function emit<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  session: Session,
  options: EmitOptions = {},
): Promise<void> {
  const format = outputFormat(session)
  if (rows.length <= BATCH || format === 'table' || format === 'markdown' || format === 'json') {
    await writeData(formatRows(rows, columns, session, options), session)
    return
  }
  // long csv/tsv/ndjson output is formatted and written in batches, so its text is never held whole
  const totals =
    options.totals !== undefined && session.options.totals === true ? [options.totals as Row] : []
  const all = [...rows, ...totals]
  const guard = session.options.csvGuard
  function* pieces(): Generator<string> {
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH)
      if (format === 'ndjson') yield toNdjson(batch, columns)
      else yield toCsv(batch, columns, { guard, header: i === 0, delimiter: format === 'tsv' ? '\t' : ',' })
    }
  }
  await writePieces(pieces(), session)
}
