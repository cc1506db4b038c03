/**
 * The report as one self-contained HTML file: inline CSS and inline SVG charts, no scripts, no
 * fonts or images to fetch, so it reads the same in a browser, a mail client and printed to PDF.
 */
import { escapeXml } from '../charts/svg-kit.js'
import type { Block, Cell, ReportDocument, Tone } from './blocks.js'
import { chartSvg } from './chart-dispatch.js'

const CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #f3f4f6; color: #111827; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 24px 16px 48px; }
header h1 { font-size: 22px; margin: 0 0 4px; }
header p { margin: 0; color: #6b7280; }
section { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px 20px; margin-top: 16px; break-inside: avoid-page; }
section h2 { font-size: 17px; margin: 0 0 10px; }
.alerts { border-color: #fca5a5; background: #fef2f2; }
.alerts.none { border-color: #86efac; background: #f0fdf4; }
.alerts ul { margin: 0; padding-left: 20px; }
.alerts li { margin: 2px 0; color: #991b1b; }
p { margin: 8px 0; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
th { color: #374151; font-weight: 600; border-bottom: 2px solid #d1d5db; }
td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 12px 0; }
figure svg { max-width: 100%; height: auto; }
.accent { color: #2563eb; letter-spacing: 1px; } .good { color: #15803d; } .bad { color: #b91c1c; } .warn { color: #b45309; } .muted { color: #6b7280; } .strong { font-weight: 600; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } section { border: none; padding: 8px 0; } }
`

function tone(t: Tone | undefined): string {
  return t === undefined ? '' : ` class="${t}"`
}

function td(c: Cell, right: boolean): string {
  const classes = [right ? 'num' : '', c.tone ?? ''].filter((x) => x !== '')
  return `<td${classes.length === 0 ? '' : ` class="${classes.join(' ')}"`}>${escapeXml(c.text)}</td>`
}

function blockHtml(block: Block, counter: () => number): string {
  switch (block.type) {
    case 'text':
      return `<p${tone(block.tone)}>${escapeXml(block.text)}</p>`
    case 'table': {
      const head = block.headers
        .map((h, i) => `<th${block.right[i] === true ? ' class="num"' : ''}>${escapeXml(h)}</th>`)
        .join('')
      const rows = block.rows
        .map((r) => `<tr>${r.map((c, i) => td(c, block.right[i] === true)).join('')}</tr>`)
        .join('\n')
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    }
    case 'chart':
      return `<figure class="chart" data-chart="${block.chart.kind}">${chartSvg(block.chart, counter())}</figure>`
  }
}

export function renderHtml(doc: ReportDocument): string {
  let n = 0
  const counter = () => ++n
  const alerts =
    doc.alerts.length === 0
      ? '<section id="alerts" class="alerts none"><h2>Alerts</h2><p class="good">No alerts.</p></section>'
      : `<section id="alerts" class="alerts"><h2>Alerts</h2><ul>${doc.alerts.map((a) => `<li>${escapeXml(a)}</li>`).join('')}</ul></section>`
  const sections = doc.sections.map(
    (s) =>
      `<section id="${escapeXml(s.id)}">\n<h2>${escapeXml(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, counter)).join('\n')}\n</section>`,
  )
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeXml(doc.title)}</h1><p>${escapeXml(doc.subtitle)}</p></header>
${alerts}
${sections.join('\n')}
</main>
</body>
</html>
`
}
