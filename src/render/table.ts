/** Tables for people: cli-table3 with an injected Chalk, numbers right-aligned, totals row, markdown. */
import Table from 'cli-table3'
import type { ChalkInstance } from 'chalk'
import type { Columns } from '../model/columns.js'
import { humanValue, isNumericKind } from './format.js'
import type { HumanFormat } from './format.js'

export interface TableOptions extends HumanFormat {
  readonly chalk: ChalkInstance
  /** a last row, already computed from the records (never by adding up ratios) */
  readonly totals?: Record<string, unknown>
}

export function renderTable<Row>(rows: readonly Row[], columns: Columns<Row>, options: TableOptions): string {
  const { chalk } = options
  const table = new Table({
    head: columns.map((c) => chalk.bold(c.header)),
    style: { head: [], border: [], compact: false },
    colAligns: columns.map((c) => (isNumericKind(c.kind) ? 'right' : 'left')),
  })
  for (const row of rows) {
    table.push(columns.map((c) => humanValue(c.kind, row[c.key] as never, options)))
  }
  if (options.totals !== undefined) {
    const totals = options.totals
    table.push(columns.map((c) => chalk.bold(humanValue(c.kind, (totals[c.key] ?? null) as never, options))))
  }
  return `${table.toString()}\n`
}

function escapeMarkdown(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\r?\n/g, ' ')
}

export function renderMarkdown<Row>(
  rows: readonly Row[],
  columns: Columns<Row>,
  options: HumanFormat & { totals?: Record<string, unknown> },
): string {
  const lines = [
    `| ${columns.map((c) => escapeMarkdown(c.header)).join(' | ')} |`,
    `| ${columns.map((c) => (isNumericKind(c.kind) ? '---:' : '---')).join(' | ')} |`,
  ]
  const all: Record<string, unknown>[] = rows.map((r) => r as Record<string, unknown>)
  if (options.totals !== undefined) all.push(options.totals)
  for (const row of all) {
    lines.push(
      `| ${columns.map((c) => escapeMarkdown(humanValue(c.kind, (row[c.key] ?? null) as never, options))).join(' | ')} |`,
    )
  }
  return `${lines.join('\n')}\n`
}
