/**
 * Building blocks of the SVG charts: XML escaping, 1-decimal coordinates, element strings with
 * presentation attributes only (mail clients drop <style> and classes), and the document frame.
 */
import { truncateText, visibleWidth } from './visible-width.js'

/** A fixed palette that stays distinguishable for the common colour-vision deficiencies. */
export const COLOR = {
  accent: '#2563eb',
  muted: ['#9ca3af', '#d1d5db', '#6b7280'],
  up: '#16a34a',
  down: '#dc2626',
  warn: '#d97706',
  warnText: '#b45309',
  ink: '#111827',
  subtle: '#6b7280',
  grid: '#e5e7eb',
  axis: '#9ca3af',
  band: '#f3f4f6',
  background: '#ffffff',
} as const

export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif'
export const CHART_WIDTH = 680
export const TITLE_SIZE = 14
export const LABEL_SIZE = 12
export const TICK_SIZE = 11
export const VALUE_SIZE = 11
export const PADDING = 16

/** A coordinate rounded to 1 decimal; never NaN, Infinity or -0 in an attribute. */
export function num(x: number): string {
  const r = Math.round(x * 10) / 10
  if (!Number.isFinite(r) || r === 0) return '0'
  return String(r)
}

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Text made safe for element content and double- or single-quoted attributes; characters XML 1.0
 * forbids (control characters, lone surrogates) are dropped.
 */
export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * Estimated rendered width of `s` in a sans-serif font: 0.6 em per column is on the safe side
 * (wide CJK characters count as two columns).
 */
export function textWidth(s: string, fontSize: number): number {
  return visibleWidth(s) * fontSize * 0.6
}

/** `s` cut with "…" so that its estimated width fits `px`. */
export function fitText(s: string, px: number, fontSize: number): string {
  return truncateText(s, Math.max(0, Math.floor(px / (fontSize * 0.6))))
}

export interface TextOptions {
  readonly anchor?: 'start' | 'middle' | 'end'
  readonly size?: number
  readonly fill?: string
  readonly weight?: 'bold' | '600'
  /** markup appended inside the element after the escaped content (e.g. a `<tspan>`) */
  readonly suffix?: string
}

/** A `<text>` element; `content` is raw text, escaped here. */
export function svgText(x: number, y: number, content: string, options: TextOptions = {}): string {
  const anchor =
    options.anchor === undefined || options.anchor === 'start' ? '' : ` text-anchor="${options.anchor}"`
  const weight = options.weight === undefined ? '' : ` font-weight="${options.weight}"`
  return `<text x="${num(x)}" y="${num(y)}"${anchor} font-size="${options.size ?? LABEL_SIZE}" fill="${options.fill ?? COLOR.ink}"${weight}>${escapeXml(content)}${options.suffix ?? ''}</text>`
}

/** A rectangle between two corners in any order (so negative bars need no special case). */
export function svgRect(x0: number, y0: number, x1: number, y1: number, fill: string, extra = ''): string {
  const x = Math.min(x0, x1)
  const y = Math.min(y0, y1)
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.abs(x1 - x0))}" height="${num(Math.abs(y1 - y0))}" fill="${fill}"${extra}/>`
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra}/>`
}

export function svgCircle(cx: number, cy: number, r: number, attributes: string): string {
  return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" ${attributes}/>`
}

export function svgPoints(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')
}

/** "1 item", "3 items" */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`
}

/** Lowercase ASCII words joined by "-", for ids; "chart" when nothing is left. */
export function slug(s: string): string {
  const words = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '')
  return words === '' ? 'chart' : words
}

export interface Frame {
  readonly title: string
  readonly desc: string
  /** distinguishes charts inlined in one page (ids are `chart-<slug>-<counter>-title|desc`) */
  readonly counter: number
  readonly width: number
  readonly height: number
  readonly body: readonly string[]
}

/** The one `<svg>` element: accessible name and description, white background, visible title. */
export function svgDocument(frame: Frame): string {
  const counter = Number.isSafeInteger(frame.counter) ? frame.counter : 0
  const base = `chart-${slug(frame.title)}-${counter}`
  const w = num(frame.width)
  const h = num(frame.height)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${base}-title ${base}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${base}-title">${escapeXml(frame.title)}</title>`,
    `<desc id="${base}-desc">${escapeXml(frame.desc)}</desc>`,
    `<rect x="0" y="0" width="${w}" height="${h}" fill="${COLOR.background}"/>`,
    svgText(PADDING, 22, fitText(frame.title, frame.width - 2 * PADDING, TITLE_SIZE), {
      size: TITLE_SIZE,
      weight: '600',
    }),
    ...frame.body,
    '</svg>',
  ].join('\n')
}

/** The small chart drawn for empty input. */
export function svgNoData(title: string, counter: number, desc?: string): string {
  return svgDocument({
    title,
    desc: desc ?? 'No data.',
    counter,
    width: CHART_WIDTH,
    height: 72,
    body: [svgText(CHART_WIDTH / 2, 52, 'No data', { anchor: 'middle', fill: COLOR.subtle })],
  })
}

export interface LegendEntry {
  readonly label: string
  /** the swatch: a filled square, a solid or dashed line, or a light band */
  readonly swatch: 'square' | 'line' | 'dashed' | 'band'
  readonly color: string
}

/** A one-line legend starting at (x, y) (y = the text baseline); entries that would overflow are dropped. */
export function svgLegend(entries: readonly LegendEntry[], x: number, y: number, maxX: number): string[] {
  const out: string[] = []
  let cursor = x
  for (const entry of entries) {
    const label = truncateText(entry.label, 28)
    const width = 18 + textWidth(label, LABEL_SIZE)
    if (cursor + width > maxX) break
    const mid = y - 4
    switch (entry.swatch) {
      case 'square':
        out.push(svgRect(cursor, mid - 5, cursor + 10, mid + 5, entry.color))
        break
      case 'band':
        out.push(svgRect(cursor, mid - 5, cursor + 12, mid + 5, entry.color, ' fill-opacity="0.2"'))
        break
      case 'line':
        out.push(svgLine(cursor, mid, cursor + 12, mid, entry.color, ' stroke-width="2.5"'))
        break
      case 'dashed':
        out.push(
          svgLine(cursor, mid, cursor + 12, mid, entry.color, ' stroke-width="2" stroke-dasharray="4 2"'),
        )
        break
    }
    out.push(svgText(cursor + 16, y, label, { fill: COLOR.ink }))
    cursor += width + 16
  }
  return out
}
