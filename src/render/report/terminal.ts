/**
 * The report for a terminal: headings, wrapped sentences, aligned tables and unicode charts within
 * `width` columns (100 by default); colour only through the painter the shell passes (none when
 * stdout is not a terminal).
 */
import type { Paint } from '../charts/types.js'
import type { Block, ReportDocument, Tone } from './blocks.js'
import { chartText } from './chart-dispatch.js'
import { textTable } from './text-table.js'
import type { Painter } from './text-table.js'

export interface TerminalStyle extends Paint {
  strong(s: string): string
  heading(s: string): string
}

export const plainStyle: TerminalStyle = {
  accent: (s) => s,
  muted: (s) => s,
  good: (s) => s,
  bad: (s) => s,
  warn: (s) => s,
  strong: (s) => s,
  heading: (s) => s,
}

/** Greedy word wrap to `width` columns, continuation lines indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (candidate.length > width && line !== '') {
      lines.push(line)
      line = `${indent}${word}`
    } else line = candidate
  }
  if (line !== '') lines.push(line)
  return lines
}

function painter(style: TerminalStyle): Painter {
  return (tone: Tone | undefined, s: string) => (tone === undefined ? s : style[tone](s))
}

function blockLines(block: Block, width: number, style: TerminalStyle): string[] {
  const paint = painter(style)
  switch (block.type) {
    case 'text':
      return wrap(block.text, width).map((l) => paint(block.tone, l))
    case 'table':
      return textTable(block, width, paint)
    case 'chart':
      return chartText(block.chart, width, style)
  }
}

export function renderTerminal(doc: ReportDocument, width = 100, style: TerminalStyle = plainStyle): string {
  const out: string[] = []
  out.push(style.heading(doc.title), style.muted(doc.subtitle), '')
  out.push(style.strong('Alerts'))
  if (doc.alerts.length === 0) out.push(style.good('  ✓ no alerts'))
  for (const a of doc.alerts)
    out.push(...wrap(a, width - 4, '    ').map((l, i) => (i === 0 ? style.bad(`  ▲ ${l}`) : style.bad(l))))
  for (const section of doc.sections) {
    out.push(
      '',
      style.heading(`── ${section.title} ${'─'.repeat(Math.max(0, width - section.title.length - 4))}`),
    )
    section.blocks.forEach((block, i) => {
      if (i > 0) out.push('')
      out.push(...blockLines(block, width, style))
    })
  }
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`
}
