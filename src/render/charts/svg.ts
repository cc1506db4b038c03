/**
 * Charts as self-contained SVG strings for the HTML report: no scripts, no CSS classes, no external
 * resources; presentation attributes only, so that mail clients and print-to-PDF render them as is.
 *
 * Each function returns one `<svg role="img">` with a `<title>` and `<desc>`. The ids those need are
 * `chart-<slug of the title>-<counter>-title|desc`: pass a different `counter` to each chart of a page.
 * Coordinates are rounded to 1 decimal, so output is deterministic and never holds NaN or Infinity.
 */
import { finite, finiteValues, linear, niceTicks, zeroExtent } from './scale.js'
import type { Ticks } from './scale.js'
import {
  CHART_WIDTH,
  COLOR,
  LABEL_SIZE,
  PADDING,
  TICK_SIZE,
  VALUE_SIZE,
  escapeXml,
  fitText,
  plural,
  svgCircle,
  svgDocument,
  svgLegend,
  svgLine,
  svgNoData,
  svgPoints,
  svgRect,
  svgText,
  textWidth,
} from './svg-kit.js'
import type { LegendEntry } from './svg-kit.js'
import { percent, signed } from './labels.js'
import type {
  BarChartSpec,
  DivergingSpec,
  FanChartSpec,
  Fmt,
  FunnelSpec,
  HBarSpec,
  WaterfallSpec,
} from './types.js'
import { waterfallBars } from './waterfall-bars.js'

const RIGHT = CHART_WIDTH - PADDING

function maxWidth(labels: readonly string[], fontSize: number): number {
  return labels.reduce((m, s) => Math.max(m, textWidth(s, fontSize)), 0)
}

interface ValueAxis {
  readonly ticks: Ticks
  readonly labels: readonly string[]
  /** left edge of the plot (tick labels sit to its left) */
  readonly left: number
  readonly y: (value: number) => number
}

/** A vertical value axis over [lo, hi] (zero included by the caller), 1-2-5 ticks labelled with `format`. */
function valueAxis(lo: number, hi: number, format: Fmt, plotTop: number, plotBottom: number): ValueAxis {
  const ticks = niceTicks(lo, hi)
  const labels = ticks.values.map((t) => format(t))
  const left = Math.min(170, Math.max(48, PADDING + maxWidth(labels, TICK_SIZE) + 10))
  return { ticks, labels, left, y: linear(ticks.lo, ticks.hi, plotBottom, plotTop) }
}

/** Horizontal gridlines with their labels; a label equal to the previous one (rounding) is skipped. */
function horizontalGrid(axis: ValueAxis, right: number): string[] {
  const out: string[] = []
  let previous: string | undefined
  axis.ticks.values.forEach((t, i) => {
    const y = axis.y(t)
    out.push(svgLine(axis.left, y, right, y, COLOR.grid))
    const label = axis.labels[i] ?? ''
    if (label !== previous) {
      out.push(svgText(axis.left - 6, y + 4, label, { anchor: 'end', size: TICK_SIZE, fill: COLOR.subtle }))
    }
    previous = label
  })
  return out
}

/**
 * Labels under evenly spaced slots: in full when they fit, else cut with "…", else every k-th label
 * when even a cut one would not be readable (many narrow slots).
 */
function slotLabels(labels: readonly string[], x: (i: number) => number, slot: number, y: number): string[] {
  const widest = maxWidth(labels, TICK_SIZE)
  const minReadable = 5 * TICK_SIZE * 0.6
  const every = widest <= slot - 4 || slot - 4 >= minReadable ? 1 : Math.ceil((minReadable + 6) / slot)
  const room = every * slot - 4
  const out: string[] = []
  labels.forEach((label, i) => {
    if (i % every !== 0) return
    out.push(
      svgText(x(i), y, fitText(label, room, TICK_SIZE), {
        anchor: 'middle',
        size: TICK_SIZE,
        fill: COLOR.subtle,
      }),
    )
  })
  return out
}

function seriesColor(index: number): string {
  if (index === 0) return COLOR.accent
  return COLOR.muted[(index - 1) % COLOR.muted.length] ?? COLOR.axis
}

/**
 * Grouped vertical bars: one group per category, one bar per series (series[0] in the accent colour,
 * later series in greys). Null values leave a gap. Values are printed above each bar when they fit,
 * else only series[0]'s above its group, else not at all (the report's table carries them).
 */
export function svgBarChart(spec: BarChartSpec, counter = 0): string {
  const { title, categories, series, format } = spec
  if (categories.length === 0 || series.length === 0) return svgNoData(title, counter, spec.desc)
  const values = series.map((s) => categories.map((_, i) => finite(s.values[i])))
  const [lo, hi] = zeroExtent(finiteValues(values.flat()))
  const hasLegend = series.length > 1
  const plotTop = hasLegend ? 64 : 44
  const height = hasLegend ? 320 : 300
  const plotBottom = height - 36
  const axis = valueAxis(lo, hi, format, plotTop, plotBottom)
  const band = (RIGHT - axis.left) / categories.length
  const groupW = Math.min(band * 0.8, series.length * 56)
  const slotW = groupW / series.length
  const gap = series.length > 1 ? Math.min(2, slotW * 0.15) : 0
  const y0 = axis.y(0)
  const centre = (i: number): number => axis.left + band * (i + 0.5)

  const labelled = values.flat().filter((v) => v !== null)
  const eachFits = labelled.every((v) => textWidth(format(v), VALUE_SIZE) <= slotW - 1)
  const firstFits = (values[0] ?? []).every((v) => v === null || textWidth(format(v), VALUE_SIZE) <= band - 4)

  const body: string[] = []
  if (hasLegend) {
    body.push(
      ...svgLegend(
        series.map((s, j) => ({ label: s.name, swatch: 'square', color: seriesColor(j) })),
        axis.left,
        48,
        RIGHT,
      ),
    )
  }
  body.push(...horizontalGrid(axis, RIGHT))
  categories.forEach((_, i) => {
    const x0 = centre(i) - groupW / 2
    values.forEach((row, j) => {
      const v = row[i] ?? null
      if (v === null) return
      const x = x0 + j * slotW
      body.push(svgRect(x, y0, x + slotW - gap, axis.y(v), seriesColor(j)))
      if (eachFits) {
        const y = v >= 0 ? axis.y(v) - 4 : axis.y(v) + 12
        body.push(svgText(x + (slotW - gap) / 2, y, format(v), { anchor: 'middle', size: VALUE_SIZE }))
      }
    })
    const first = values[0]?.[i] ?? null
    if (!eachFits && firstFits && first !== null) {
      const column = values.map((row) => row[i] ?? null).filter((v) => v !== null)
      const y = first >= 0 ? axis.y(Math.max(0, ...column)) - 4 : axis.y(Math.min(0, ...column)) + 12
      body.push(svgText(centre(i), y, format(first), { anchor: 'middle', size: VALUE_SIZE, weight: '600' }))
    }
  })
  body.push(svgLine(axis.left, y0, RIGHT, y0, COLOR.axis))
  body.push(...slotLabels(categories, centre, band, plotBottom + 18))

  const names = series.map((s) => s.name).join(', ')
  const span = categories.length === 1 ? categories[0] : `${categories[0]} to ${categories.at(-1)}`
  return svgDocument({
    title,
    desc:
      spec.desc ??
      `Bar chart of ${names} for ${plural(categories.length, 'category', 'categories')} (${span}).`,
    counter,
    width: CHART_WIDTH,
    height,
    body,
  })
}

interface Run {
  readonly indexes: readonly number[]
  /** the last actual before the run, so the forecast starts where history ends */
  readonly anchor: number | null
}

/** Maximal runs of consecutive indexes where `has(i)` holds. */
function runs(count: number, has: (i: number) => boolean, anchorOf: (i: number) => number | null): Run[] {
  const out: Run[] = []
  let current: number[] = []
  for (let i = 0; i <= count; i += 1) {
    if (i < count && has(i)) {
      current.push(i)
    } else if (current.length > 0) {
      const start = current[0] ?? 0
      out.push({ indexes: current, anchor: start > 0 ? anchorOf(start - 1) : null })
      current = []
    }
  }
  return out
}

/**
 * Actuals as a solid line with dots; the forecast as a p50 dashed line inside a shaded p10–p90 band,
 * both starting from the last actual; targets as short dark ticks. The last forecast point is
 * labelled on the right with its p90, p50 and p10.
 */
export function svgFanChart(spec: FanChartSpec, counter = 0): string {
  const { title, format } = spec
  if (spec.points.length === 0) return svgNoData(title, counter, spec.desc)
  const pts = spec.points.map((p) => ({
    label: p.label,
    actual: finite(p.actual),
    p10: finite(p.p10),
    p50: finite(p.p50),
    p90: finite(p.p90),
    target: finite(p.target),
  }))
  const n = pts.length
  const [lo, hi] = zeroExtent(finiteValues(pts.flatMap((p) => [p.actual, p.p10, p.p50, p.p90, p.target])))
  const present = (v: number | null | undefined): boolean => v !== null && v !== undefined
  const hasBand = (i: number): boolean => present(pts[i]?.p10) && present(pts[i]?.p90)
  const hasP50 = (i: number): boolean => present(pts[i]?.p50)
  const hasActual = (i: number): boolean => present(pts[i]?.actual)

  const legend: LegendEntry[] = []
  if (pts.some((_, i) => hasActual(i))) legend.push({ label: 'Actual', swatch: 'line', color: COLOR.accent })
  if (pts.some((_, i) => hasP50(i))) legend.push({ label: 'Forecast', swatch: 'dashed', color: COLOR.accent })
  if (pts.some((_, i) => hasBand(i))) legend.push({ label: 'P10–P90', swatch: 'band', color: COLOR.accent })
  if (pts.some((p) => p.target !== null)) legend.push({ label: 'Target', swatch: 'line', color: COLOR.ink })

  const plotTop = legend.length > 0 ? 64 : 44
  const height = legend.length > 0 ? 320 : 300
  const plotBottom = height - 36
  const axis = valueAxis(lo, hi, format, plotTop, plotBottom)

  let last = -1
  pts.forEach((p, i) => {
    if (p.p50 !== null || hasBand(i)) last = i
  })
  const lastPoint = pts[last]
  const endLabels: { text: string; value: number; strong: boolean }[] = []
  if (lastPoint !== undefined) {
    if (lastPoint.p90 !== null)
      endLabels.push({ text: `P90 ${format(lastPoint.p90)}`, value: lastPoint.p90, strong: false })
    if (lastPoint.p50 !== null)
      endLabels.push({ text: `Forecast ${format(lastPoint.p50)}`, value: lastPoint.p50, strong: true })
    if (lastPoint.p10 !== null)
      endLabels.push({ text: `P10 ${format(lastPoint.p10)}`, value: lastPoint.p10, strong: false })
  }
  const endRoom =
    endLabels.length > 0
      ? Math.min(
          200,
          maxWidth(
            endLabels.map((l) => l.text),
            VALUE_SIZE,
          ) + 8,
        )
      : 0
  const right = RIGHT - endRoom
  const band = (right - axis.left) / n
  const x = (i: number): number => axis.left + band * (i + 0.5)
  const y = axis.y
  const actualAt = (i: number): number | null => pts[i]?.actual ?? null

  const body: string[] = [...svgLegend(legend, axis.left, 48, RIGHT), ...horizontalGrid(axis, right)]

  for (const run of runs(n, hasBand, actualAt)) {
    const upper: [number, number][] = run.indexes.map((i) => [x(i), y(pts[i]?.p90 ?? 0)])
    const lower: [number, number][] = run.indexes.map((i) => [x(i), y(pts[i]?.p10 ?? 0)])
    if (run.anchor !== null) {
      const start = (run.indexes[0] ?? 1) - 1
      upper.unshift([x(start), y(run.anchor)])
      lower.unshift([x(start), y(run.anchor)])
    }
    if (upper.length === 1) {
      const [[ux, uy]] = upper as [[number, number]]
      const [[, ly]] = lower as [[number, number]]
      body.push(svgLine(ux, uy, ux, ly, COLOR.accent, ' stroke-width="8" stroke-opacity="0.2"'))
    } else {
      body.push(
        `<polygon points="${svgPoints([...upper, ...lower.reverse()])}" fill="${COLOR.accent}" fill-opacity="0.2" stroke="none"/>`,
      )
    }
  }

  for (const run of runs(n, hasP50, actualAt)) {
    const line: [number, number][] = run.indexes.map((i) => [x(i), y(pts[i]?.p50 ?? 0)])
    if (run.anchor !== null) line.unshift([x((run.indexes[0] ?? 1) - 1), y(run.anchor)])
    if (line.length > 1) {
      body.push(
        `<polyline points="${svgPoints(line)}" fill="none" stroke="${COLOR.accent}" stroke-width="2" stroke-dasharray="6 4"/>`,
      )
    }
    for (const i of run.indexes) {
      body.push(
        svgCircle(
          x(i),
          y(pts[i]?.p50 ?? 0),
          3,
          `fill="${COLOR.background}" stroke="${COLOR.accent}" stroke-width="1.5"`,
        ),
      )
    }
  }

  const actualLabels = pts.flatMap((p) => (p.actual === null ? [] : [format(p.actual)]))
  const labelEveryActual = maxWidth(actualLabels, VALUE_SIZE) <= band - 4
  let lastActual = -1
  pts.forEach((p, i) => {
    if (p.actual !== null) lastActual = i
  })
  for (const run of runs(n, hasActual, () => null)) {
    const line: [number, number][] = run.indexes.map((i) => [x(i), y(pts[i]?.actual ?? 0)])
    if (line.length > 1) {
      body.push(
        `<polyline points="${svgPoints(line)}" fill="none" stroke="${COLOR.accent}" stroke-width="2.5"/>`,
      )
    }
    for (const i of run.indexes) {
      const v = pts[i]?.actual ?? 0
      body.push(svgCircle(x(i), y(v), 3.5, `fill="${COLOR.accent}"`))
      if (labelEveryActual || i === lastActual) {
        body.push(svgText(x(i), y(v) - 8, format(v), { anchor: 'middle', size: VALUE_SIZE }))
      }
    }
  }

  const tick = Math.min(band * 0.35, 14)
  pts.forEach((p, i) => {
    if (p.target === null) return
    body.push(svgLine(x(i) - tick, y(p.target), x(i) + tick, y(p.target), COLOR.ink, ' stroke-width="2"'))
  })

  // end labels top to bottom (p90, p50, p10); one closer than a line height to the previous is dropped
  let previousY = -Infinity
  for (const label of endLabels) {
    const ly = y(label.value) + 4
    if (ly - previousY < VALUE_SIZE + 1) continue
    body.push(
      svgText(x(last) + 8, ly, label.text, {
        size: VALUE_SIZE,
        fill: label.strong ? COLOR.accent : COLOR.subtle,
        ...(label.strong ? { weight: '600' as const } : {}),
      }),
    )
    previousY = ly
  }

  body.push(svgLine(axis.left, y(0), right, y(0), COLOR.axis))
  body.push(
    ...slotLabels(
      pts.map((p) => p.label),
      x,
      band,
      plotBottom + 18,
    ),
  )

  const forecastCount = pts.filter((p, i) => p.p50 !== null || hasBand(i)).length
  return svgDocument({
    title,
    desc:
      spec.desc ??
      `Actuals for ${plural(pts.filter((p) => p.actual !== null).length, 'period')} and a P10–P90 forecast for ${plural(forecastCount, 'period')}.`,
    counter,
    width: CHART_WIDTH,
    height,
    body,
  })
}

/**
 * Totals as accent bars from zero; deltas float from the running total (green up, red down) with
 * dashed connectors; labels "+30" / "−50" above up bars and below down bars.
 */
export function svgWaterfall(spec: WaterfallSpec, counter = 0): string {
  const { title, steps, format } = spec
  if (steps.length === 0) return svgNoData(title, counter, spec.desc)
  const bars = waterfallBars(steps)
  const [lo, hi] = zeroExtent(bars.flatMap((b) => [b.from, b.to]))
  const colorOf = { total: COLOR.accent, up: COLOR.up, down: COLOR.down } as const
  const legend: LegendEntry[] = (['total', 'up', 'down'] as const)
    .filter((kind) => bars.some((b) => b.kind === kind))
    .map((kind) => ({
      label: { total: 'Total', up: 'Increase', down: 'Decrease' }[kind],
      swatch: 'square',
      color: colorOf[kind],
    }))
  const plotTop = 64
  const height = 320
  const plotBottom = height - 36
  const axis = valueAxis(lo, hi, format, plotTop, plotBottom)
  const band = (RIGHT - axis.left) / steps.length
  const barW = Math.min(band * 0.64, 72)
  const centre = (i: number): number => axis.left + band * (i + 0.5)
  const y = axis.y

  const body: string[] = [...svgLegend(legend, axis.left, 48, RIGHT), ...horizontalGrid(axis, RIGHT)]
  bars.forEach((bar, i) => {
    const cx = centre(i)
    body.push(svgRect(cx - barW / 2, y(bar.from), cx + barW / 2, y(bar.to), colorOf[bar.kind]))
    const next = bars[i + 1]
    if (next !== undefined && (next.kind !== 'total' || next.to === bar.to)) {
      body.push(
        svgLine(
          cx + barW / 2,
          y(bar.to),
          centre(i + 1) - barW / 2,
          y(bar.to),
          COLOR.subtle,
          ' stroke-dasharray="3 3"',
        ),
      )
    }
    const step = steps[i]
    const value = finite(step?.value) ?? 0
    const text = bar.kind === 'total' ? format(value) : signed(format, value)
    if (textWidth(text, VALUE_SIZE) > band - 2) return
    const above = bar.kind === 'up' || (bar.kind === 'total' && value >= 0)
    const ly = above ? y(Math.max(bar.from, bar.to)) - 5 : y(Math.min(bar.from, bar.to)) + 14
    body.push(svgText(cx, ly, text, { anchor: 'middle', size: VALUE_SIZE }))
  })
  body.push(svgLine(axis.left, y(0), RIGHT, y(0), COLOR.axis))
  body.push(
    ...slotLabels(
      steps.map((s) => s.label),
      centre,
      band,
      plotBottom + 18,
    ),
  )

  const first = steps[0]
  const lastStep = steps.at(-1)
  return svgDocument({
    title,
    desc:
      spec.desc ??
      `Waterfall of ${plural(steps.length, 'step')} from ${first?.label ?? ''} (${format(bars[0]?.to ?? 0)}) to ${lastStep?.label ?? ''} (${format(bars.at(-1)?.to ?? 0)}).`,
    counter,
    width: CHART_WIDTH,
    height,
    body,
  })
}

/**
 * Stages as centred bars, width ∝ value (negative values drawn as empty), joined by light trapezoids;
 * value and conversion from the previous stage on the right.
 */
export function svgFunnel(spec: FunnelSpec, counter = 0): string {
  const { title, stages, format } = spec
  if (stages.length === 0) return svgNoData(title, counter, spec.desc)
  const values = stages.map((s) => Math.max(0, finite(s.value) ?? 0))
  const max = Math.max(0, ...values)
  const rateText = stages.map((s) =>
    s.rate === undefined ? '' : s.rate === null || !Number.isFinite(s.rate) ? '—' : percent(s.rate),
  )
  const valueText = stages.map((s) => format(finite(s.value) ?? 0))
  const columnW = Math.min(
    220,
    Math.max(
      110,
      ...stages.map((_, i) => textWidth(`${valueText[i] ?? ''} · ${rateText[i] ?? ''}`, LABEL_SIZE) + 12),
    ),
  )
  const labelW = 150
  const barLeft = PADDING + labelW + 10
  const barRight = RIGHT - columnW
  const areaW = barRight - barLeft
  const centre = (barLeft + barRight) / 2
  const rowH = 34
  const barH = 24
  const top = 60
  const height = top + stages.length * rowH + 8
  const widthOf = (v: number): number => (max > 0 ? (v / max) * areaW : 0)

  const body: string[] = [
    svgText(barRight + 10, 46, 'value · conversion', { size: TICK_SIZE, fill: COLOR.subtle }),
  ]
  stages.forEach((stage, i) => {
    const rowTop = top + i * rowH
    const w = widthOf(values[i] ?? 0)
    body.push(svgRect(centre - w / 2, rowTop, centre + w / 2, rowTop + barH, COLOR.accent))
    const next = values[i + 1]
    if (next !== undefined) {
      const nw = widthOf(next)
      const pts: [number, number][] = [
        [centre - w / 2, rowTop + barH],
        [centre + w / 2, rowTop + barH],
        [centre + nw / 2, rowTop + rowH],
        [centre - nw / 2, rowTop + rowH],
      ]
      body.push(
        `<polygon points="${svgPoints(pts)}" fill="${COLOR.accent}" fill-opacity="0.2" stroke="none"/>`,
      )
    }
    const baseline = rowTop + barH / 2 + 4
    body.push(svgText(PADDING, baseline, fitText(stage.label, labelW, LABEL_SIZE)))
    const rate = rateText[i] ?? ''
    const value = fitText(valueText[i] ?? '', columnW - 12, LABEL_SIZE)
    const suffix =
      rate === '' ? '' : `<tspan fill="${COLOR.subtle}" font-weight="normal"> · ${escapeXml(rate)}</tspan>`
    body.push(svgText(barRight + 10, baseline, value, { weight: '600', suffix }))
  })

  return svgDocument({
    title,
    desc:
      spec.desc ??
      `Funnel of ${plural(stages.length, 'stage')} from ${stages[0]?.label ?? ''} (${valueText[0] ?? ''}) to ${stages.at(-1)?.label ?? ''} (${valueText.at(-1) ?? ''}); percentages are conversion from the previous stage.`,
    counter,
    width: CHART_WIDTH,
    height,
    body,
  })
}

interface RowLayout {
  readonly labelW: number
  readonly plotTop: number
  readonly plotBottom: number
  readonly rowMid: (i: number) => number
  readonly height: number
}

const ROW_H = 24
const BAR_H = 16

function rowLayout(labels: readonly string[], plotTop: number, count: number): RowLayout {
  const labelW = Math.min(160, Math.max(60, maxWidth(labels, LABEL_SIZE) + 4))
  const plotBottom = plotTop + count * ROW_H
  return {
    labelW,
    plotTop,
    plotBottom,
    rowMid: (i) => plotTop + i * ROW_H + ROW_H / 2,
    height: plotBottom + 30,
  }
}

/** Vertical gridlines with tick labels under the plot (labels that would overlap are skipped). */
function verticalGrid(
  ticks: readonly number[],
  labels: readonly string[],
  x: (v: number) => number,
  layout: RowLayout,
): string[] {
  const out: string[] = []
  let previous: string | undefined
  let previousRight = -Infinity
  ticks.forEach((t, i) => {
    out.push(svgLine(x(t), layout.plotTop, x(t), layout.plotBottom, COLOR.grid))
    const label = labels[i] ?? ''
    const half = textWidth(label, TICK_SIZE) / 2
    // a label equal to the previous one (rounding) or touching it is left out; its gridline stays
    if (label !== previous && x(t) - half > previousRight + 4) {
      out.push(
        svgText(x(t), layout.plotBottom + 16, label, {
          anchor: 'middle',
          size: TICK_SIZE,
          fill: COLOR.subtle,
        }),
      )
      previousRight = x(t) + half
    }
    previous = label
  })
  return out
}

/**
 * One horizontal bar per item (negative values to the left of zero), value after the bar,
 * flagged items in amber with a bold value, an optional dashed reference line with its label on top.
 * The height grows with the number of items.
 */
export function svgHBars(spec: HBarSpec, counter = 0): string {
  const { title, items, format, reference } = spec
  if (items.length === 0) return svgNoData(title, counter, spec.desc)
  const values = items.map((item) => finite(item.value))
  const ref = reference === undefined ? null : finite(reference.value)
  const [lo, hi] = zeroExtent(finiteValues([...values, ref]))
  const ticks = niceTicks(lo, hi)
  const layout = rowLayout(
    items.map((i) => i.label),
    ref === null ? 40 : 56,
    items.length,
  )
  const valueText = values.map((v) => (v === null ? '—' : format(v)))
  const plotLeft = PADDING + layout.labelW + 10
  const plotRight = RIGHT - Math.min(160, maxWidth(valueText, VALUE_SIZE)) - 8
  const x = linear(ticks.lo, ticks.hi, plotLeft, plotRight)

  const body: string[] = verticalGrid(
    ticks.values,
    ticks.values.map((t) => format(t)),
    x,
    layout,
  )
  items.forEach((item, i) => {
    const v = values[i] ?? null
    const mid = layout.rowMid(i)
    const flagged = item.flag === true
    body.push(svgText(PADDING, mid + 4, fitText(item.label, layout.labelW, LABEL_SIZE)))
    if (v !== null)
      body.push(svgRect(x(0), mid - BAR_H / 2, x(v), mid + BAR_H / 2, flagged ? COLOR.warn : COLOR.accent))
    body.push(
      svgText(x(Math.max(0, v ?? 0)) + 6, mid + 4, valueText[i] ?? '—', {
        size: VALUE_SIZE,
        fill: v === null ? COLOR.subtle : flagged ? COLOR.warnText : COLOR.ink,
        ...(flagged ? { weight: 'bold' as const } : {}),
      }),
    )
  })
  body.push(svgLine(x(0), layout.plotTop, x(0), layout.plotBottom, COLOR.axis))
  if (reference !== undefined && ref !== null) {
    const rx = x(ref)
    body.push(
      svgLine(
        rx,
        layout.plotTop - 4,
        rx,
        layout.plotBottom,
        COLOR.ink,
        ' stroke-width="1.5" stroke-dasharray="4 3"',
      ),
    )
    const label = fitText(reference.label, RIGHT - plotLeft, TICK_SIZE)
    const w = textWidth(label, TICK_SIZE)
    const anchor = rx + w / 2 > RIGHT ? 'end' : rx - w / 2 < plotLeft ? 'start' : 'middle'
    body.push(svgText(rx, layout.plotTop - 8, label, { anchor, size: TICK_SIZE, fill: COLOR.ink }))
  }

  const flaggedCount = items.filter((i) => i.flag === true).length
  return svgDocument({
    title,
    desc:
      spec.desc ??
      `Horizontal bars for ${plural(items.length, 'item')}${reference === undefined ? '' : ` with a reference line at ${reference.label}`}${flaggedCount > 0 ? `; ${flaggedCount} flagged` : ''}.`,
    counter,
    width: CHART_WIDTH,
    height: layout.height,
    body,
  })
}

/**
 * Bars left and right of a centre axis on a symmetric scale; the ±band zone shaded with dashed edges,
 * items beyond it flagged in amber. Values are printed at the outer end of each bar ("+25%" / "−8%").
 */
export function svgDiverging(spec: DivergingSpec, counter = 0): string {
  const { title, items, format } = spec
  if (items.length === 0) return svgNoData(title, counter, spec.desc)
  const values = items.map((item) => finite(item.value))
  const band = spec.band === undefined ? null : finite(Math.abs(spec.band))
  const reach = Math.max(band ?? 0, ...finiteValues(values).map((v) => Math.abs(v)))
  const ticks = niceTicks(-reach, reach, 6)
  const lim = Math.max(Math.abs(ticks.lo), Math.abs(ticks.hi))
  const layout = rowLayout(
    items.map((i) => i.label),
    band === null ? 40 : 56,
    items.length,
  )
  const valueText = values.map((v) => (v === null ? '—' : signed(format, v)))
  const valueW = Math.min(120, maxWidth(valueText, VALUE_SIZE)) + 8
  const plotLeft = PADDING + layout.labelW + 10 + valueW
  const plotRight = RIGHT - valueW
  const x = linear(-lim, lim, plotLeft, plotRight)
  const outside = (v: number | null): boolean => band !== null && v !== null && Math.abs(v) > band

  const body: string[] = []
  if (band !== null && band > 0) {
    body.push(svgRect(x(-band), layout.plotTop, x(band), layout.plotBottom, COLOR.band))
  }
  body.push(
    ...verticalGrid(
      ticks.values,
      ticks.values.map((t) => (t === 0 ? format(0) : signed(format, t))),
      x,
      layout,
    ),
  )
  if (band !== null && band > 0) {
    for (const edge of [-band, band]) {
      body.push(
        svgLine(
          x(edge),
          layout.plotTop - 4,
          x(edge),
          layout.plotBottom,
          COLOR.subtle,
          ' stroke-dasharray="4 3"',
        ),
      )
    }
  }
  if (band !== null) {
    body.push(
      svgText(x(0), layout.plotTop - 8, `±${format(band)} band`, {
        anchor: 'middle',
        size: TICK_SIZE,
        fill: COLOR.subtle,
      }),
    )
  }
  items.forEach((item, i) => {
    const v = values[i] ?? null
    const mid = layout.rowMid(i)
    const flagged = outside(v)
    body.push(svgText(PADDING, mid + 4, fitText(item.label, layout.labelW, LABEL_SIZE)))
    if (v !== null)
      body.push(svgRect(x(0), mid - BAR_H / 2, x(v), mid + BAR_H / 2, flagged ? COLOR.warn : COLOR.accent))
    const left = v !== null && v < 0
    body.push(
      svgText(left ? x(v) - 6 : x(v ?? 0) + 6, mid + 4, valueText[i] ?? '—', {
        anchor: left ? 'end' : 'start',
        size: VALUE_SIZE,
        fill: v === null ? COLOR.subtle : flagged ? COLOR.warnText : COLOR.ink,
        ...(flagged ? { weight: 'bold' as const } : {}),
      }),
    )
  })
  body.push(svgLine(x(0), layout.plotTop, x(0), layout.plotBottom, COLOR.ink))

  const flaggedCount = values.filter(outside).length
  return svgDocument({
    title,
    desc:
      spec.desc ??
      `Deviation from zero for ${plural(items.length, 'item')}${band === null ? '' : `; ${flaggedCount} outside ±${format(band)}`}.`,
    counter,
    width: CHART_WIDTH,
    height: layout.height,
    body,
  })
}
