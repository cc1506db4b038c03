import { describe, expect, it } from 'vitest'
import { svgBarChart, svgDiverging, svgFanChart, svgFunnel, svgHBars, svgWaterfall } from './svg.js'
import { escapeXml, num, slug } from './svg-kit.js'
import type {
  BarChartSpec,
  DivergingSpec,
  FanChartSpec,
  Fmt,
  FunnelSpec,
  HBarSpec,
  WaterfallSpec,
} from './types.js'

const plain: Fmt = (v) => String(v)
const money: Fmt = (v) => `$${v.toLocaleString('en-US')}`
const pct: Fmt = (v) => `${(v * 100).toFixed(1)}%`

/**
 * A tiny XML well-formedness check, enough for our output: one root <svg>, balanced tags, quoted and
 * unique attributes, no raw "<" or bare "&" in text or attribute values. Returns the problems found.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  const stack: string[] = []
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g
  const checkText = (text: string, where: string): void => {
    if (text.replace(entity, '').includes('&')) problems.push(`bare & in ${where}`)
    if (text.includes('<') || text.includes('>')) problems.push(`raw < or > in ${where}`)
  }
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"]*")*)\s*(\/?)>/y
  let roots = 0
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const text = xml.slice(i, lt === -1 ? xml.length : lt)
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${text.trim()}`)
    checkText(text, 'text')
    if (lt === -1) break
    tag.lastIndex = lt
    const m = tag.exec(xml)
    if (m === null) {
      problems.push(`malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`)
      break
    }
    const [whole, closing = '', name = '', attributes = '', selfClosing = ''] = m
    const names = [...attributes.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g)].map((a) => {
      checkText(a[2] ?? '', `attribute ${a[1] ?? ''} of <${name}>`)
      return a[1] ?? ''
    })
    if (new Set(names).size !== names.length) problems.push(`duplicate attribute in <${name}>`)
    if (closing === '/') {
      const open = stack.pop()
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`)
    } else {
      if (stack.length === 0) roots += 1
      if (selfClosing !== '/') stack.push(name)
    }
    i = lt + whole.length
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`)
  if (roots !== 1) problems.push(`${roots} root elements`)
  if (!xml.startsWith('<svg ')) problems.push('the root is not <svg>')
  return problems
}

/** Attributes of every element named `name`, in document order. */
function elements(svg: string, name: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${name}\\s([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries(
      [...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a): [string, string] => [
        a[1] ?? '',
        a[2] ?? '',
      ]),
    ),
  )
}

function n(value: string | undefined): number {
  return Number(value)
}

const nasty = `Q1 <Pipeline> & "Won" 'deals'`
const nastyEscaped = 'Q1 &lt;Pipeline&gt; &amp; &quot;Won&quot; &apos;deals&apos;'

const bar: BarChartSpec = {
  title: 'Bookings by month',
  categories: ['Jan', 'Feb', 'Mar', 'Apr'],
  series: [
    { name: '2025', values: [120_000, 95_000, null, 143_000] },
    { name: '2024', values: [100_000, 110_000, 90_000, 80_000] },
  ],
  format: money,
}
const fan: FanChartSpec = {
  title: 'Quarter forecast',
  format: money,
  points: [
    { label: 'W1', actual: 100_000, target: 120_000 },
    { label: 'W2', actual: 180_000, target: 240_000 },
    { label: 'W3', actual: 260_000, target: 360_000 },
    { label: 'W4', p10: 300_000, p50: 340_000, p90: 380_000, target: 480_000 },
    { label: 'W5', p10: 350_000, p50: 420_000, p90: 500_000, target: 600_000 },
  ],
}
const waterfall: WaterfallSpec = {
  title: 'Pipeline bridge',
  format: plain,
  steps: [
    { label: 'Start', value: 100, kind: 'total' },
    { label: 'Won', value: 30, kind: 'delta' },
    { label: 'Lost', value: -50, kind: 'delta' },
    { label: 'End', value: 80, kind: 'total' },
  ],
}
const funnel: FunnelSpec = {
  title: 'Funnel',
  format: plain,
  stages: [
    { label: 'Leads', value: 1000 },
    { label: 'Qualified', value: 500, rate: 0.5 },
    { label: 'Won', value: 120, rate: 0.24 },
  ],
}
const hbars: HBarSpec = {
  title: 'Attainment',
  format: pct,
  reference: { value: 1, label: '100% of quota' },
  items: [
    { label: 'Alice', value: 1.12 },
    { label: 'Bob', value: 0.78, flag: true },
    { label: 'Dan', value: null },
  ],
}
const diverging: DivergingSpec = {
  title: 'Territory potential vs mean',
  format: pct,
  band: 0.1,
  items: [
    { label: 'North', value: 0.25 },
    { label: 'South', value: -0.08 },
    { label: 'East', value: -0.31 },
    { label: 'Central', value: null },
  ],
}

const samples: [string, string][] = [
  ['bar chart', svgBarChart(bar, 1)],
  ['fan chart', svgFanChart(fan, 2)],
  ['waterfall', svgWaterfall(waterfall, 3)],
  ['funnel', svgFunnel(funnel, 4)],
  ['horizontal bars', svgHBars(hbars, 5)],
  ['diverging bars', svgDiverging(diverging, 6)],
]

/** Degenerate inputs for every chart: nothing, zeros, nulls, non-finite numbers, one item. */
const degenerate: [string, string][] = [
  [
    'bar: no categories',
    svgBarChart({ title: 'x', categories: [], series: [{ name: 's', values: [] }], format: plain }),
  ],
  ['bar: no series', svgBarChart({ title: 'x', categories: ['a'], series: [], format: plain })],
  [
    'bar: zeros',
    svgBarChart({
      title: 'x',
      categories: ['a', 'b'],
      series: [{ name: 's', values: [0, 0] }],
      format: plain,
    }),
  ],
  [
    'bar: nulls and NaN',
    svgBarChart({
      title: 'x',
      categories: ['a', 'b', 'c'],
      series: [
        { name: 's', values: [null, Number.NaN, Number.POSITIVE_INFINITY] },
        { name: 't', values: [] },
      ],
      format: plain,
    }),
  ],
  [
    'bar: negatives, one category',
    svgBarChart({ title: 'x', categories: ['a'], series: [{ name: 's', values: [-5] }], format: plain }),
  ],
  ['fan: no points', svgFanChart({ title: 'x', points: [], format: plain })],
  [
    'fan: nulls only',
    svgFanChart({
      title: 'x',
      points: [{ label: 'a', actual: null, target: null }, { label: 'b' }],
      format: plain,
    }),
  ],
  [
    'fan: one forecast point',
    svgFanChart({ title: 'x', points: [{ label: 'a', p10: 0, p50: 0, p90: 0 }], format: plain }),
  ],
  ['waterfall: no steps', svgWaterfall({ title: 'x', steps: [], format: plain })],
  [
    'waterfall: zeros and NaN',
    svgWaterfall({
      title: 'x',
      steps: [
        { label: 'a', value: 0, kind: 'total' },
        { label: 'b', value: Number.NaN, kind: 'delta' },
      ],
      format: plain,
    }),
  ],
  ['funnel: no stages', svgFunnel({ title: 'x', stages: [], format: plain })],
  [
    'funnel: zeros',
    svgFunnel({
      title: 'x',
      stages: [
        { label: 'a', value: 0 },
        { label: 'b', value: 0, rate: null },
        { label: 'c', value: Number.NaN, rate: Number.NaN },
      ],
      format: plain,
    }),
  ],
  ['hbars: no items', svgHBars({ title: 'x', items: [], format: plain })],
  [
    'hbars: zeros and nulls',
    svgHBars({
      title: 'x',
      items: [
        { label: 'a', value: 0 },
        { label: 'b', value: null, flag: true },
      ],
      format: plain,
      reference: { value: Number.NaN, label: 'ref' },
    }),
  ],
  ['diverging: no items', svgDiverging({ title: 'x', items: [], format: plain })],
  [
    'diverging: zeros and nulls',
    svgDiverging({
      title: 'x',
      items: [
        { label: 'a', value: 0 },
        { label: 'b', value: null },
      ],
      format: plain,
      band: 0,
    }),
  ],
]

describe('svg charts', () => {
  it.each([...samples, ...degenerate])('%s is one well-formed <svg> element', (_, svg) => {
    expect(xmlProblems(svg)).toEqual([])
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) (\d+)" width="\1" height="\2" role="img" aria-labelledby="[^"]+"/,
    )
    expect(svg).toContain('<title id=')
    expect(svg).toContain('<desc id=')
  })

  it.each([...samples, ...degenerate])('%s has no NaN or Infinity and 1-decimal coordinates', (_, svg) => {
    expect(svg).not.toMatch(/NaN|Infinity/)
    const coordinates = [
      ...svg.matchAll(/\s(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height|points|viewBox)="([^"]*)"/g),
    ].map((m) => m[1] ?? '')
    expect(coordinates.length).toBeGreaterThan(0)
    for (const c of coordinates) expect(c).toMatch(/^-?\d+(\.\d)?(?:[ ,]-?\d+(\.\d)?)*$/)
  })

  it.each(samples)('%s uses presentation attributes only (no classes, styles or scripts)', (_, svg) => {
    expect(svg).not.toMatch(/class=|<style|style=|<script|href=|url\(/)
  })

  it('draws bars of 100 and 50 with heights in the ratio 2:1', () => {
    const svg = svgBarChart({
      title: 'T',
      categories: ['A', 'B'],
      series: [{ name: 'only', values: [100, 50] }],
      format: plain,
    })
    // one series, no legend: plot from y=44 to y=300-36=264 (220 px); ticks 0..100 by 20.
    // 100 → height 220 at y=44; 50 → height 110 at y=264-110=154.
    // tick labels up to "100" (3 × 11 × 0.6 = 19.8 px) → left = max(48, 16 + 19.8 + 10) = 48;
    // two bands of (664 − 48) / 2 = 308 px, bar width min(0.8 × 308, 56) = 56 centred at 202 and 510.
    expect(svg).toContain('<rect x="174" y="44" width="56" height="220" fill="#2563eb"/>')
    expect(svg).toContain('<rect x="482" y="154" width="56" height="110" fill="#2563eb"/>')
    expect(svg).toContain('>100</text>')
    expect(svg).toContain('>50</text>')
  })

  it('colours series[0] with the accent and later series grey, with a legend', () => {
    const svg = svgBarChart(bar, 0)
    const fills = elements(svg, 'rect').map((r) => r['fill'])
    expect(fills.filter((f) => f === '#2563eb')).toHaveLength(3 + 1) // 3 bars (one null) + legend swatch
    expect(fills.filter((f) => f === '#9ca3af')).toHaveLength(4 + 1)
    expect(svg).toContain('>2025</text>')
    expect(svg).toContain('>2024</text>')
  })

  it('centres the single bar of a single category', () => {
    const svg = svgBarChart({
      title: 'T',
      categories: ['Only'],
      series: [{ name: 's', values: [7] }],
      format: plain,
    })
    const bars = elements(svg, 'rect').filter((r) => r['fill'] === '#2563eb')
    expect(bars).toHaveLength(1)
    // plot from 48 to 664 → centre 356; bar 56 wide → x = 328
    expect(bars[0]).toMatchObject({ x: '328', width: '56' })
  })

  it('draws negative bars below the zero line', () => {
    const svg = svgBarChart({
      title: 'T',
      categories: ['a', 'b'],
      series: [{ name: 's', values: [10, -10] }],
      format: plain,
    })
    const [up, down] = elements(svg, 'rect').filter((r) => r['fill'] === '#2563eb')
    // domain −10..10: zero at the middle of 44..264 = 154; each bar 110 px
    expect(up).toMatchObject({ y: '44', height: '110' })
    expect(down).toMatchObject({ y: '154', height: '110' })
  })

  it('floats the waterfall deltas from the running total', () => {
    const svg = svgWaterfall(waterfall)
    // legend → plot from y=64 to y=320-36=284 (220 px); running totals 0..130 → ticks 0..150 by 50,
    // so y(v) = 284 − v × 220/150. Lost (−50) spans 130 → 80: y(130) = 93.3, y(80) = 166.7, height 73.3.
    const red = elements(svg, 'rect').filter((r) => r['fill'] === '#dc2626' && r['height'] !== '10')
    expect(red).toHaveLength(1)
    expect(red[0]).toMatchObject({ y: '93.3', height: '73.3' })
    // Won (+30) spans 100 → 130: y(130) = 93.3 to y(100) = 137.3
    const green = elements(svg, 'rect').filter((r) => r['fill'] === '#16a34a' && r['height'] !== '10')
    expect(green[0]).toMatchObject({ y: '93.3', height: '44' })
    expect(svg).toContain('>+30</text>')
    expect(svg).toContain('>\u221250</text>')
  })

  it('draws funnel bar widths proportional to the values, with conversion rates', () => {
    const svg = svgFunnel(funnel)
    const bars = elements(svg, 'rect').filter((r) => r['fill'] === '#2563eb')
    const widths = bars.map((b) => n(b['width']))
    expect(widths[0]).toBeGreaterThan(0)
    // 1000 : 500 : 120, within the 0.1 px rounding
    expect(Math.abs((widths[1] ?? 0) - (widths[0] ?? 0) / 2)).toBeLessThanOrEqual(0.1)
    expect(Math.abs((widths[2] ?? 0) - ((widths[0] ?? 0) * 120) / 1000)).toBeLessThanOrEqual(0.1)
    expect(svg).toContain(' · 50.0%</tspan>')
    expect(svg).toContain(' · 24.0%</tspan>')
  })

  it('draws the reference line and flags items in the warning colour', () => {
    const svg = svgHBars(hbars)
    expect(svg).toContain('>100% of quota</text>')
    expect(svg).toContain('stroke-dasharray="4 3"')
    const bars = elements(svg, 'rect').filter((r) => r['height'] === '16')
    expect(bars.map((b) => b['fill'])).toEqual(['#2563eb', '#d97706'])
    expect(svg).toMatch(/fill="#b45309" font-weight="bold">78\.0%<\/text>/)
    expect(svg).toContain('>—</text>') // Dan has no value
  })

  it('leaves out axis labels that would overlap', () => {
    const wide: Fmt = (v) => `${v.toLocaleString('en-US')} units per quarter`
    const svg = svgHBars({
      title: 'x',
      format: wide,
      items: [
        { label: 'a', value: 100 },
        { label: 'b', value: 30 },
      ],
    })
    // the tick labels sit on the line below the last row: 40 + 2 × 24 + 16 = 104
    const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="104" text-anchor="middle"[^>]*>([^<]*)</g)].map(
      (m) => ({
        x: n(m[1]),
        half: ((m[2] ?? '').length * 11 * 0.6) / 2,
      }),
    )
    expect(ticks.length).toBeGreaterThan(1)
    expect(ticks.length).toBeLessThan(6) // 0, 20, …, 100 would collide
    ticks.slice(1).forEach((t, i) => {
      const before = ticks[i]
      expect(t.x - t.half).toBeGreaterThan((before?.x ?? 0) + (before?.half ?? 0))
    })
  })

  it('grows the horizontal bar chart with the number of items', () => {
    const height = (count: number): number => {
      const svg = svgHBars({
        title: 'x',
        format: plain,
        items: Array.from({ length: count }, (_, i) => ({ label: `rep ${i}`, value: i })),
      })
      return n(/height="(\d+)"/.exec(svg)?.[1])
    }
    expect(height(10) - height(3)).toBe(7 * 24)
  })

  it('draws diverging bars left and right of the centre and flags those outside the band', () => {
    const svg = svgDiverging(diverging)
    const bars = elements(svg, 'rect').filter((r) => r['height'] === '16')
    const [north, south, east] = bars
    const centre = n(north?.['x'])
    // North (+25%) starts at the centre; South (−8%) and East (−31%) end there
    expect(n(south?.['x']) + n(south?.['width'])).toBeCloseTo(centre, 1)
    expect(n(east?.['x']) + n(east?.['width'])).toBeCloseTo(centre, 1)
    // the scale is linear: 31/8 of South's width, within rounding
    expect(Math.abs(n(east?.['width']) - (n(south?.['width']) * 31) / 8)).toBeLessThan(0.5)
    expect(bars.map((b) => b['fill'])).toEqual(['#d97706', '#2563eb', '#d97706'])
    expect(svg).toContain('>±10.0% band</text>')
    expect(svg).toContain('>+25.0%</text>')
    expect(svg).toContain('>\u22128.0%</text>')
  })

  it('draws the forecast band from the last actual, the p50 line and target ticks', () => {
    const svg = svgFanChart(fan)
    const [polygon] = elements(svg, 'polygon')
    // upper edge W3 (anchor at the last actual) → W4 p90 → W5 p90, then the lower edge back
    expect(polygon?.['points']?.split(' ')).toHaveLength(6)
    expect(svg).toContain('stroke-dasharray="6 4"')
    expect(svg).toContain('>Forecast $420,000</text>')
    const targets = elements(svg, 'line').filter(
      (l) => l['stroke'] === '#111827' && l['stroke-width'] === '2',
    )
    expect(targets).toHaveLength(5)
  })

  it.each([
    [
      'bar chart',
      svgBarChart({
        title: nasty,
        categories: [nasty],
        series: [
          { name: nasty, values: [1] },
          { name: 'b', values: [2] },
        ],
        format: plain,
      }),
    ],
    ['fan chart', svgFanChart({ title: nasty, points: [{ label: nasty, actual: 1 }], format: plain })],
    [
      'waterfall',
      svgWaterfall({ title: nasty, steps: [{ label: nasty, value: 1, kind: 'total' }], format: plain }),
    ],
    ['funnel', svgFunnel({ title: nasty, stages: [{ label: nasty, value: 1 }], format: plain })],
    [
      'hbars',
      svgHBars({
        title: nasty,
        items: [{ label: nasty, value: 1 }],
        format: plain,
        reference: { value: 1, label: nasty },
      }),
    ],
    ['diverging', svgDiverging({ title: nasty, items: [{ label: nasty, value: 1 }], format: plain })],
    ['no data', svgHBars({ title: nasty, items: [], format: plain })],
  ])('%s escapes <&>"\' in titles and labels', (_, svg) => {
    expect(xmlProblems(svg)).toEqual([])
    expect(svg).toContain(`<title id="chart-q1-pipeline-won-deals-0-title">${nastyEscaped}</title>`)
    expect(svg).not.toContain('<Pipeline>')
  })

  it('escapes values returned by the format too', () => {
    const svg = svgHBars({ title: 't', items: [{ label: 'a', value: 1 }], format: () => '<b>&' })
    expect(svg).toContain('&lt;b&gt;&amp;')
    expect(xmlProblems(svg)).toEqual([])
  })

  it('cuts long labels with an ellipsis', () => {
    const long = 'Territory '.repeat(30)
    for (const svg of [
      svgHBars({ title: long, items: [{ label: long, value: 1 }], format: plain }),
      svgBarChart({
        title: 't',
        categories: [long, long],
        series: [{ name: 's', values: [1, 2] }],
        format: plain,
      }),
      svgFunnel({ title: 't', stages: [{ label: long, value: 1 }], format: plain }),
    ]) {
      const texts = [...svg.matchAll(/<text [^>]*>([^<]*)</g)].map((m) => m[1] ?? '')
      expect(texts.some((t) => t.endsWith('…'))).toBe(true)
      expect(texts.every((t) => t.length < 80)).toBe(true)
    }
  })

  it('renders a small "No data" chart for empty input', () => {
    const svg = svgFunnel({ title: 'Funnel', stages: [], format: plain })
    expect(svg).toContain('>No data</text>')
    expect(svg).toContain('height="72"')
  })

  it('derives unique ids from the title slug and the counter', () => {
    const a = svgBarChart(bar, 0)
    const b = svgBarChart(bar, 1)
    expect(a).toContain('aria-labelledby="chart-bookings-by-month-0-title chart-bookings-by-month-0-desc"')
    expect(b).toContain('id="chart-bookings-by-month-1-title"')
    const ids = [...`${a}${b}`.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
    for (const [, svg] of samples) {
      const referenced = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? []
      for (const id of referenced) expect(svg).toContain(`id="${id}"`)
    }
  })

  it('is deterministic', () => {
    expect(svgFanChart(fan, 2)).toBe(samples[1]?.[1])
  })

  it('uses the optional desc when given', () => {
    expect(svgFunnel({ ...funnel, desc: 'Win rate 12%.' })).toContain('>Win rate 12%.</desc>')
  })
})

describe('svg helpers', () => {
  it('rounds coordinates to one decimal without -0, NaN or Infinity', () => {
    expect(num(12.345)).toBe('12.3')
    expect(num(-0.04)).toBe('0')
    expect(num(Number.NaN)).toBe('0')
    expect(num(Number.POSITIVE_INFINITY)).toBe('0')
    expect(num(200)).toBe('200')
  })

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;')
    expect(escapeXml('bell\u0007 \ud800 ok')).toBe('bell  ok')
    expect(escapeXml('emoji 😀')).toBe('emoji 😀')
  })

  it('slugs titles into id-safe words', () => {
    expect(slug('Bookings by Month (2025)')).toBe('bookings-by-month-2025')
    expect(slug('Équipe Nord')).toBe('equipe-nord')
    expect(slug('日本')).toBe('chart')
  })
})
