/** `inspect` for people: one block per file. PURE (returns a string). */
import type { ChalkInstance } from 'chalk'
import { formatIssue } from '../errors.js'
import type { Inspection } from '../model/inspection.js'
import { formatCount } from '../model/counts.js'

function percent(x: number): string {
  return `${Math.round(x * 100)}%`
}

function count(n: number): string {
  return formatCount(n)
}

export function renderInspection(items: readonly Inspection[], chalk: ChalkInstance): string {
  const out: string[] = []
  for (const it of items) {
    out.push(chalk.bold(it.file))
    const encoding = `${it.encoding.toUpperCase()}${it.bom ? ' with BOM' : ''}`
    out.push(
      `  format       ${it.format === 'xlsx' ? 'Excel workbook (.xlsx)' : `CSV, ${encoding}, ${it.delimiter}-delimited${it.sep_line ? ' (from its sep= line)' : ''}`}`,
    )
    const alt = it.alternatives[0]
    out.push(
      `  profile      ${it.profile} (confidence ${percent(it.confidence)})${alt === undefined ? '' : `; next best: ${alt.profile} as ${alt.entity} (${percent(alt.confidence)})`}`,
    )
    out.push(`  entity       ${it.entity}`)
    const extra = [
      it.invalid_rows > 0 ? chalk.red(`${count(it.invalid_rows)} invalid`) : '',
      it.footer_rows > 0 ? `${count(it.footer_rows)} footer rows dropped` : '',
      it.blank_rows > 0 ? `${count(it.blank_rows)} blank lines skipped` : '',
      it.deleted_rows > 0 ? `${count(it.deleted_rows)} rows marked deleted (IsDeleted) dropped` : '',
    ].filter((s) => s !== '')
    out.push(
      `  rows         ${count(it.rows)} (${count(it.valid_rows)} valid${extra.length > 0 ? `, ${extra.join(', ')}` : ''})`,
    )
    if (it.currencies.length > 0) {
      out.push(
        `  currencies   ${it.currencies.map((c) => `${c.currency} (${count(c.rows)})`).join(', ')}${it.currencies.length > 1 ? chalk.yellow('  mixed: pass --fx FILE --currency CODE') : ''}`,
      )
    }
    if (it.two_digit_years.length > 0)
      out.push(
        chalk.yellow(`  two-digit years in ${it.two_digit_years.join(', ')}: 00–29 → 20xx, 30–99 → 19xx`),
      )
    if (it.mojibake !== null) out.push(chalk.yellow(`  ${it.mojibake}`))
    out.push('  columns')
    const width = Math.min(34, Math.max(...it.columns.map((c) => c.header.length), 6)) + 1
    for (const c of it.columns) {
      const header = `"${c.header}"`.padEnd(width + 2)
      if (c.via === 'unmapped') out.push(chalk.dim(`    ${header}  (not used)`))
      else
        out.push(
          `    ${header}→ ${c.field}${c.format === '' ? '' : `  [${c.format}]`}${c.via === 'canonical name' ? chalk.dim('  (generic name)') : ''}`,
        )
    }
    if (it.stage_history_columns > 0)
      out.push(`    + ${it.stage_history_columns} "Date entered" columns → stage history`)
    if (it.stages.length > 0) {
      out.push('  stages')
      for (const s of it.stages) {
        const p = s.probability === null ? '—' : percent(s.probability)
        out.push(
          `    ${s.order === null ? '  ' : String(s.order).padStart(2)} ${s.stage.padEnd(26)} ${s.status.padEnd(5)} ${p.padStart(4)}  ${(s.forecast_category ?? '—').padEnd(11)} ${chalk.dim(`from ${s.from}`)}`,
        )
      }
    }
    if (it.issues.length > 0) {
      out.push(
        chalk.red(
          `  issues (first ${it.issues.length}${it.invalid_rows > it.issues.length ? ` of the rows' issues` : ''})`,
        ),
      )
      for (const issue of it.issues) out.push(`    ${formatIssue(issue)}`)
    }
    out.push('')
  }
  return out.join('\n')
}
