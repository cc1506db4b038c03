/**
 * The report as markdown for a wiki or chat: headings, tables (pipes escaped), and the charts as text
 * in fenced code blocks (80 columns, no colour).
 */
import { plainPaint } from '../charts/types.js'
import type { Block, Cell, ReportDocument } from './blocks.js'
import { chartText } from './chart-dispatch.js'

const CHART_WIDTH = 80

function escape(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('*', '\\*').replaceAll('_', '\\_')
}

function cellText(c: Cell): string {
  const t = escape(c.text)
  return c.tone === 'strong' && t !== '' ? `**${t}**` : t
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'text':
      return [block.tone === 'muted' ? `_${escape(block.text)}_` : escape(block.text)]
    case 'table':
      return [
        `| ${block.headers.map(escape).join(' | ')} |`,
        `| ${block.right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(cellText).join(' | ')} |`),
      ]
    case 'chart':
      return [
        `**${escape(block.chart.spec.title)}**`,
        '',
        '```text',
        ...chartText(block.chart, CHART_WIDTH, plainPaint).filter((_, i) => i > 0 || !isTitle(block, _)),
        '```',
      ]
  }
}

/** the text charts start with their title, which the bold line above already gives */
function isTitle(block: Block & { type: 'chart' }, line: string): boolean {
  return line.trim() === block.chart.spec.title
}

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escape(doc.title)}`, '', `_${escape(doc.subtitle)}_`, '', '## Alerts', '']
  if (doc.alerts.length === 0) out.push('No alerts.')
  for (const a of doc.alerts) out.push(`- ⚠️ ${escape(a)}`)
  for (const section of doc.sections) {
    out.push('', `## ${escape(section.title)}`)
    for (const block of section.blocks) out.push('', ...blockLines(block))
  }
  return `${out.join('\n')}\n`
}
