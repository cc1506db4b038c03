/**
 * Charts as lines of text for the terminal and for markdown code blocks: unicode bars with eighth-block
 * precision, sparklines, whiskers. Every function returns lines with no trailing spaces whose visible
 * width (ANSI escapes ignored) never exceeds `width`; colour comes only from the injected `paint`.
 *
 * Layout of a row: `label␠bars␠value`, the label column cut with "…" to at most 30% of the width, the
 * value column to at most 40%, the bars taking the rest.
 */
import { finite, finiteValues, zeroExtent } from './scale.js'
import { plainPaint } from './types.js'
import { percent, signed } from './labels.js'
import type {
  BarChartSpec,
  DivergingSpec,
  FanChartSpec,
  FunnelSpec,
  HBarSpec,
  Paint,
  WaterfallSpec,
} from './types.js'
import {
  cleanText,
  padEndVisible,
  padStartVisible,
  truncateText,
  truncateVisible,
  visibleWidth,
} from './visible-width.js'
import { waterfallBars } from './waterfall-bars.js'

const FULL = '█'
/** left-aligned partial blocks, index = eighths (1 → ▏ … 7 → ▉) */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const
const RIGHT_HALF = '▐'
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const
/** fills of the muted (prior) series of a grouped bar chart, whole cells */
const SHADES = ['░', '▒', '▓'] as const
const NULL_MARK = '—'

type Role = 'plain' | 'accent' | 'muted' | 'good' | 'bad' | 'warn'

interface Cell {
  ch: string
  role: Role
}

function paintAs(paint: Paint, role: Role, s: string): string {
  switch (role) {
    case 'plain':
      return s
    case 'accent':
      return paint.accent(s)
    case 'muted':
      return paint.muted(s)
    case 'good':
      return paint.good(s)
    case 'bad':
      return paint.bad(s)
    case 'warn':
      return paint.warn(s)
  }
}

function blankCells(width: number): Cell[] {
  return Array.from({ length: Math.max(0, width) }, () => ({ ch: ' ', role: 'plain' }))
}

function put(cells: Cell[], col: number, ch: string, role: Role): void {
  const cell = cells[col]
  if (cell === undefined) return
  cell.ch = ch
  cell.role = role
}

function isBlank(cells: readonly Cell[], col: number): boolean {
  return cells[col]?.ch === ' '
}

/** Runs of equally painted cells; spaces are never painted (so trailing spaces can be trimmed). */
function renderCells(cells: readonly Cell[], paint: Paint): string {
  let out = ''
  let run = ''
  let runRole: Role = 'plain'
  const flush = (): void => {
    if (run !== '') out += paintAs(paint, runRole, run)
    run = ''
  }
  for (const cell of cells) {
    const role: Role = cell.ch === ' ' ? 'plain' : cell.role
    if (role !== runRole) {
      flush()
      runRole = role
    }
    run += cell.ch
  }
  flush()
  return out
}

/**
 * A bar of `cells` columns at eighth-block precision (rounded to the nearest eighth).
 * @example blockBar(2.5) //=> '██▌'
 */
export function blockBar(cells: number): string {
  const eighths = Number.isFinite(cells) && cells > 0 ? Math.round(cells * 8) : 0
  return FULL.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '')
}

/** Draws a rightward bar from column `start`; `fill` null = eighth blocks, else whole cells of `fill`. */
function drawRight(cells: Cell[], start: number, length: number, role: Role, fill: string | null): void {
  const bar = fill === null ? blockBar(length) : fill.repeat(Math.max(0, Math.round(length)))
  let col = start
  for (const ch of bar) {
    put(cells, col, ch, role)
    col += 1
  }
}

/** Draws a leftward bar ending just before column `end`, at half-cell precision (▐ is the only right-aligned partial block fonts have). */
function drawLeft(cells: Cell[], end: number, length: number, role: Role, fill: string | null): void {
  const halves = Number.isFinite(length) && length > 0 ? Math.round(length * 2) : 0
  const full = fill === null ? Math.floor(halves / 2) : Math.round(halves / 2)
  for (let k = 1; k <= full; k += 1) put(cells, end - k, fill ?? FULL, role)
  if (fill === null && halves % 2 === 1) put(cells, end - full - 1, RIGHT_HALF, role)
}

/** A value scale over [lo, hi] (zero included) onto `cells` columns. */
interface ColumnScale {
  /** fractional column of a value: 0 at lo, `cells` at hi */
  readonly col: (value: number) => number
  /** cells per unit */
  readonly k: number
  /** the column where zero sits (an integer) */
  readonly zero: number
}

function columnScale(values: readonly number[], cells: number): ColumnScale {
  const [lo, max] = zeroExtent(values)
  const hi = lo === max ? 1 : max
  const k = cells / (hi - lo)
  return { col: (v) => (v - lo) * k, k, zero: Math.round(-lo * k) }
}

/** The cell holding `value` (clamped inside the plot). */
function cellOf(scale: ColumnScale, value: number, cells: number): number {
  return Math.min(cells - 1, Math.max(0, Math.floor(scale.col(value))))
}

/** Draws a bar from zero to `value` in either direction. */
function drawFromZero(
  cells: Cell[],
  scale: ColumnScale,
  value: number,
  role: Role,
  fill: string | null,
): void {
  if (value >= 0) drawRight(cells, scale.zero, value * scale.k, role, fill)
  else drawLeft(cells, scale.zero, -value * scale.k, role, fill)
}

interface Columns {
  readonly labelW: number
  readonly valueW: number
  readonly barW: number
}

/** Label and value columns as narrow as their content allows (capped), the bars take the rest. */
function columns(width: number, labels: readonly string[], values: readonly string[], extra = 0): Columns {
  const widest = (xs: readonly string[]): number => xs.reduce((m, s) => Math.max(m, visibleWidth(s)), 0)
  const labelW = Math.min(widest(labels), Math.max(4, Math.floor(width * 0.3)))
  const valueW = Math.min(widest(values), Math.max(4, Math.floor(width * 0.4)))
  const barW = Math.max(1, width - labelW - valueW - extra - 2)
  return { labelW, valueW, barW }
}

function label(s: string, width: number): string {
  return padEndVisible(truncateText(cleanText(s), width), width)
}

function value(s: string, width: number): string {
  return truncateText(cleanText(s), width)
}

/** Trailing spaces removed, then cut to `width` as a last guard (ANSI-aware). */
function finish(line: string, width: number): string {
  return truncateVisible(line.replace(/ +$/, ''), width)
}

function header(title: string, width: number): string[] {
  const t = cleanText(title).trim()
  return t === '' ? [] : [truncateText(t, width)]
}

function noData(title: string, width: number): string[] {
  return [...header(title, width), truncateText('no data', width)]
}

/**
 * A sparkline over the range of the finite values: ▁ for the minimum, █ for the maximum,
 * a space for null (or a non-finite number). A constant series is all ▁ when zero, else all ▄.
 * @example sparkline([0, 1, 2, 3, 4, 5, 6, 7]) //=> '▁▂▃▄▅▆▇█'
 */
export function sparkline(values: readonly (number | null)[]): string {
  const present = finiteValues(values)
  const min = Math.min(...present)
  const max = Math.max(...present)
  return values
    .map((raw) => {
      const v = finite(raw)
      if (v === null) return ' '
      if (max === min) return v === 0 ? SPARKS[0] : SPARKS[3]
      return SPARKS[Math.round(((v - min) / (max - min)) * 7)] ?? ' '
    })
    .join('')
}

/**
 * Grouped bars as rows: per category one row per series, series[0] in accent eighth blocks (█▌),
 * later series in whole shaded cells (░, ▒, ▓); the value after each bar, "—" for null; a legend
 * when there are several series.
 */
export function textBarChart(spec: BarChartSpec, width: number, paint: Paint = plainPaint): string[] {
  const { categories, series, format } = spec
  if (categories.length === 0 || series.length === 0) return noData(spec.title, width)
  const values = series.map((s) => categories.map((_, i) => finite(s.values[i])))
  const texts = values.map((row) => row.map((v) => (v === null ? NULL_MARK : format(v))))
  const cols = columns(width, categories, texts.flat())
  const scale = columnScale(finiteValues(values.flat()), cols.barW)
  const lines = header(spec.title, width)
  categories.forEach((category, i) => {
    values.forEach((row, j) => {
      const v = row[i] ?? null
      const cells = blankCells(cols.barW)
      const fill = j === 0 ? null : (SHADES[(j - 1) % SHADES.length] ?? '░')
      if (v !== null) drawFromZero(cells, scale, v, j === 0 ? 'accent' : 'muted', fill)
      const bars = renderCells(cells, paint).replace(/ +$/, '')
      const name = j === 0 ? label(category, cols.labelW) : ' '.repeat(cols.labelW)
      const text = value(texts[j]?.[i] ?? NULL_MARK, cols.valueW)
      lines.push(finish(bars === '' ? `${name} ${text}` : `${name} ${bars} ${text}`, width))
    })
  })
  if (series.length > 1) {
    const legend = series.map((s, j) => {
      const swatch = j === 0 ? paint.accent(FULL) : paint.muted(SHADES[(j - 1) % SHADES.length] ?? '░')
      return `${swatch} ${truncateText(cleanText(s.name), 24)}`
    })
    lines.push(finish(legend.join('   '), width))
  }
  return lines
}

/**
 * One row per period on a shared scale: the actual as a bar, the forecast as `├──●──┤`
 * (p10, p50, p90), the target as `┊` where the row is empty; then the numbers:
 * `actual`, `p50 (p10–p90)`, `┊ target`. A legend line names the glyphs.
 */
export function textFanChart(spec: FanChartSpec, width: number, paint: Paint = plainPaint): string[] {
  const { format } = spec
  if (spec.points.length === 0) return noData(spec.title, width)
  const pts = spec.points.map((p) => ({
    label: p.label,
    actual: finite(p.actual),
    p10: finite(p.p10),
    p50: finite(p.p50),
    p90: finite(p.p90),
    target: finite(p.target),
  }))
  // the numbers, shortened when the value column (40% of the width) cannot hold them:
  // detail 2 = everything, 1 = without the target (its ┊ marker stays), 0 = p50 without the range
  const textsAt = (detail: number): string[] =>
    pts.map((p) => {
      const parts: string[] = []
      if (p.actual !== null) parts.push(format(p.actual))
      const range = p.p10 !== null && p.p90 !== null ? `${format(p.p10)}–${format(p.p90)}` : null
      if (p.p50 !== null)
        parts.push(range === null || detail === 0 ? format(p.p50) : `${format(p.p50)} (${range})`)
      else if (range !== null) parts.push(range)
      if (p.target !== null && detail === 2) parts.push(`┊ ${format(p.target)}`)
      return parts.length === 0 ? NULL_MARK : parts.join('  ')
    })
  const room = Math.max(4, Math.floor(width * 0.4))
  let detail = 2
  let texts = textsAt(detail)
  while (detail > 0 && texts.some((t) => visibleWidth(t) > room)) {
    detail -= 1
    texts = textsAt(detail)
  }
  const cols = columns(
    width,
    pts.map((p) => p.label),
    texts,
  )
  const w = cols.barW
  const scale = columnScale(finiteValues(pts.flatMap((p) => [p.actual, p.p10, p.p50, p.p90, p.target])), w)
  const lines = header(spec.title, width)
  pts.forEach((p, i) => {
    const cells = blankCells(w)
    if (p.actual !== null) drawFromZero(cells, scale, p.actual, 'accent', null)
    if (p.p10 !== null && p.p90 !== null) {
      const a = cellOf(scale, Math.min(p.p10, p.p90), w)
      const b = cellOf(scale, Math.max(p.p10, p.p90), w)
      for (let c = a; c <= b; c += 1) put(cells, c, '─', 'accent')
      if (a < b) {
        put(cells, a, '├', 'accent')
        put(cells, b, '┤', 'accent')
      }
    }
    if (p.p50 !== null) put(cells, cellOf(scale, p.p50, w), '●', 'accent')
    if (p.target !== null) {
      const t = cellOf(scale, p.target, w)
      if (isBlank(cells, t)) put(cells, t, '┊', 'plain')
    }
    lines.push(
      finish(
        `${label(p.label, cols.labelW)} ${renderCells(cells, paint)} ${value(texts[i] ?? '', cols.valueW)}`,
        width,
      ),
    )
  })
  const legend: string[] = []
  if (pts.some((p) => p.actual !== null)) legend.push(`${paint.accent(FULL)} actual`)
  if (pts.some((p) => p.p50 !== null || (p.p10 !== null && p.p90 !== null))) {
    legend.push(`${paint.accent('├─●─┤')} p10 · forecast · p90`)
  }
  if (pts.some((p) => p.target !== null)) legend.push('┊ target')
  if (legend.length > 0) lines.push(finish(legend.join('   '), width))
  return lines
}

/**
 * Rows whose bars float from the running total: totals from zero (accent), increases (good) and
 * decreases (bad) between the running totals before and after; values right-aligned, "+30" / "−50".
 */
export function textWaterfall(spec: WaterfallSpec, width: number, paint: Paint = plainPaint): string[] {
  const { steps, format } = spec
  if (steps.length === 0) return noData(spec.title, width)
  const bars = waterfallBars(steps)
  const texts = steps.map((s) => {
    const v = finite(s.value) ?? 0
    return s.kind === 'total' ? format(v) : signed(format, v)
  })
  const cols = columns(
    width,
    steps.map((s) => s.label),
    texts,
  )
  const scale = columnScale(
    bars.flatMap((b) => [b.from, b.to]),
    cols.barW,
  )
  const roles = { total: 'accent', up: 'good', down: 'bad' } as const
  const lines = header(spec.title, width)
  bars.forEach((bar, i) => {
    const cells = blankCells(cols.barW)
    const start = Math.round(scale.col(Math.min(bar.from, bar.to)))
    drawRight(cells, start, scale.col(Math.max(bar.from, bar.to)) - start, roles[bar.kind], null)
    const text = padStartVisible(value(texts[i] ?? '', cols.valueW), cols.valueW)
    lines.push(
      finish(`${label(steps[i]?.label ?? '', cols.labelW)} ${renderCells(cells, paint)} ${text}`, width),
    )
  })
  return lines
}

/**
 * Stages top to bottom, bars left-aligned with width ∝ value (eighth blocks; negatives as empty),
 * the value right-aligned, then the conversion from the previous stage ("50.0%", "—" when null).
 */
export function textFunnel(spec: FunnelSpec, width: number, paint: Paint = plainPaint): string[] {
  const { stages, format } = spec
  if (stages.length === 0) return noData(spec.title, width)
  const values = stages.map((s) => Math.max(0, finite(s.value) ?? 0))
  const texts = stages.map((s) => format(finite(s.value) ?? 0))
  const rates = stages.map((s) =>
    s.rate === undefined ? '' : s.rate === null || !Number.isFinite(s.rate) ? NULL_MARK : percent(s.rate),
  )
  const rateW = rates.reduce((m, r) => Math.max(m, visibleWidth(r)), 0)
  const cols = columns(
    width,
    stages.map((s) => s.label),
    texts,
    rateW > 0 ? rateW + 2 : 0,
  )
  const scale = columnScale(values, cols.barW)
  const lines = header(spec.title, width)
  stages.forEach((stage, i) => {
    const cells = blankCells(cols.barW)
    drawRight(cells, 0, (values[i] ?? 0) * scale.k, 'accent', null)
    const rate = rates[i] ?? ''
    const tail = rate === '' ? '' : `  ${' '.repeat(rateW - visibleWidth(rate))}${paint.muted(rate)}`
    const text = padStartVisible(value(texts[i] ?? '', cols.valueW), cols.valueW)
    lines.push(
      finish(`${label(stage.label, cols.labelW)} ${renderCells(cells, paint)} ${text}${tail}`, width),
    )
  })
  return lines
}

/**
 * One bar per item (eighth blocks; negatives to the left of zero), the value right after the bar,
 * flagged items in the warning colour and marked "!"; the reference as a `┊` column in the empty
 * part of each row and named on a last line.
 */
export function textHBars(spec: HBarSpec, width: number, paint: Paint = plainPaint): string[] {
  const { items, format, reference } = spec
  if (items.length === 0) return noData(spec.title, width)
  const values = items.map((item) => finite(item.value))
  const ref = reference === undefined ? null : finite(reference.value)
  const texts = values.map(
    (v, i) => `${v === null ? NULL_MARK : format(v)}${items[i]?.flag === true ? ' !' : ''}`,
  )
  const cols = columns(
    width,
    items.map((item) => item.label),
    texts,
  )
  // with a reference the last column is kept free, so that a bar reaching it leaves the marker visible
  const plotW = ref === null ? cols.barW : Math.max(1, cols.barW - 1)
  const scale = columnScale(finiteValues([...values, ref]), plotW)
  // ceil: a bar below the reference never reaches the marker's cell, one at the reference ends just before it
  const refCol = ref === null ? null : Math.min(cols.barW - 1, Math.max(0, Math.ceil(scale.col(ref) - 1e-9)))
  const lines = header(spec.title, width)
  items.forEach((item, i) => {
    const v = values[i] ?? null
    const flagged = item.flag === true
    const cells = blankCells(cols.barW)
    if (v !== null) drawFromZero(cells, scale, v, flagged ? 'warn' : 'accent', null)
    if (refCol !== null && isBlank(cells, refCol)) put(cells, refCol, '┊', 'muted')
    const bars = renderCells(cells, paint).replace(/ +$/, '')
    const raw = value(texts[i] ?? NULL_MARK, cols.valueW)
    const text = flagged ? paint.warn(raw) : raw
    const name = label(item.label, cols.labelW)
    lines.push(finish(bars === '' ? `${name} ${text}` : `${name} ${bars} ${text}`, width))
  })
  if (reference !== undefined && refCol !== null) {
    const name = cleanText(reference.label)
    const at = cols.labelW + 1 + refCol
    const rightward = at + 2 + visibleWidth(name) <= width
    lines.push(
      finish(
        rightward
          ? `${' '.repeat(at)}${paint.muted('┊')} ${name}`
          : `${padStartVisible(`${truncateText(name, Math.max(0, at - 1))} `, at)}${paint.muted('┊')}`,
        width,
      ),
    )
  }
  return lines
}

/**
 * Bars left and right of a centre axis `│` on a symmetric scale, the ±band edges as `┊`, items beyond
 * the band in the warning colour and marked "!"; signed values in a column after the plot.
 */
export function textDiverging(spec: DivergingSpec, width: number, paint: Paint = plainPaint): string[] {
  const { items, format } = spec
  if (items.length === 0) return noData(spec.title, width)
  const values = items.map((item) => finite(item.value))
  const band = spec.band === undefined ? null : finite(Math.abs(spec.band))
  const outside = (v: number | null): boolean => band !== null && v !== null && Math.abs(v) > band
  const texts = values.map((v) => `${v === null ? NULL_MARK : signed(format, v)}${outside(v) ? ' !' : ''}`)
  const cols = columns(
    width,
    items.map((item) => item.label),
    texts,
  )
  const half = Math.max(1, Math.floor((cols.barW - 1) / 2))
  const plotW = 2 * half + 1
  const reach = Math.max(band ?? 0, ...finiteValues(values).map((v) => Math.abs(v))) || 1
  const k = half / reach
  const bandCells = band === null ? 0 : Math.round(band * k)
  const lines = header(spec.title, width)
  items.forEach((item, i) => {
    const v = values[i] ?? null
    const cells = blankCells(plotW)
    const role: Role = outside(v) ? 'warn' : 'accent'
    if (v !== null && v > 0) drawRight(cells, half + 1, v * k, role, null)
    if (v !== null && v < 0) drawLeft(cells, half, -v * k, role, null)
    put(cells, half, '│', 'muted')
    if (bandCells > 0) {
      for (const c of [half - bandCells, half + bandCells]) if (isBlank(cells, c)) put(cells, c, '┊', 'muted')
    }
    const raw = value(texts[i] ?? NULL_MARK, cols.valueW)
    const text = outside(v) ? paint.warn(raw) : raw
    lines.push(finish(`${label(item.label, cols.labelW)} ${renderCells(cells, paint)} ${text}`, width))
  })
  if (band !== null) {
    lines.push(finish(`${paint.muted('│')} 0   ${paint.muted('┊')} ±${cleanText(format(band))} band`, width))
  }
  return lines
}
