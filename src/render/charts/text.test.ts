import { describe, expect, it } from 'vitest'
import {
  blockBar,
  sparkline,
  textBarChart,
  textDiverging,
  textFanChart,
  textFunnel,
  textHBars,
  textWaterfall,
} from './text.js'
import type {
  BarChartSpec,
  DivergingSpec,
  FanChartSpec,
  Fmt,
  FunnelSpec,
  HBarSpec,
  Paint,
  WaterfallSpec,
} from './types.js'
import { plainPaint } from './types.js'
import { stripAnsi, truncateText, truncateVisible, visibleWidth } from './visible-width.js'

const plain: Fmt = (v) => String(v)
const money: Fmt = (v) => `$${v.toLocaleString('en-US')}`
const pct: Fmt = (v) => `${(v * 100).toFixed(1)}%`

/** Paint as chalk would: SGR escapes around the text. */
const ansi: Paint = {
  accent: (s) => `\x1b[34m${s}\x1b[39m`,
  muted: (s) => `\x1b[90m${s}\x1b[39m`,
  good: (s) => `\x1b[32m${s}\x1b[39m`,
  bad: (s) => `\x1b[31m${s}\x1b[39m`,
  warn: (s) => `\x1b[33m${s}\x1b[39m`,
}

const long = 'Northern California and the Pacific Northwest enterprise territory'
const big = 123_456_789_012_345

const bar: BarChartSpec = {
  title: `Bookings by month — ${long}`,
  categories: ['Jan', long, 'Mar', 'Apr'],
  series: [
    { name: '2025', values: [120_000, big, null, -4_000] },
    { name: long, values: [100_000, 110_000, 90_000, 80_000] },
    { name: '2023', values: [1, 2, 3, 4] },
  ],
  format: money,
}
const fan: FanChartSpec = {
  title: 'Quarter forecast',
  format: money,
  points: [
    { label: 'W1', actual: 100_000, target: 120_000 },
    { label: long, actual: big, target: 240_000 },
    { label: 'W3', actual: null },
    { label: 'W4', p10: 300_000, p50: 340_000, p90: 380_000, target: 480_000 },
    { label: 'W5', p10: 350_000, p50: 420_000, p90: big },
  ],
}
const waterfall: WaterfallSpec = {
  title: 'Pipeline bridge',
  format: money,
  steps: [
    { label: 'Start', value: big, kind: 'total' },
    { label: long, value: 30, kind: 'delta' },
    { label: 'Lost', value: -big * 2, kind: 'delta' },
    { label: 'End', value: -big, kind: 'total' },
  ],
}
const funnel: FunnelSpec = {
  title: 'Funnel',
  format: money,
  stages: [
    { label: 'Leads', value: big },
    { label: long, value: 500, rate: 0.5 },
    { label: 'Won', value: 120, rate: null },
  ],
}
const hbars: HBarSpec = {
  title: 'Attainment',
  format: pct,
  reference: { value: 1, label: `100% of quota, ${long}` },
  items: [
    { label: long, value: 1.12 },
    { label: 'Bob', value: 0.78, flag: true },
    { label: 'Dan', value: null },
    { label: 'Neg', value: -big },
  ],
}
const diverging: DivergingSpec = {
  title: 'Territory potential vs mean',
  format: pct,
  band: 0.1,
  items: [
    { label: long, value: 0.25 },
    { label: 'South', value: -0.08 },
    { label: 'East', value: -big },
    { label: 'Central', value: null },
  ],
}

const charts: [string, (width: number, paint?: Paint) => string[]][] = [
  ['bar chart', (w, p) => textBarChart(bar, w, p)],
  ['fan chart', (w, p) => textFanChart(fan, w, p)],
  ['waterfall', (w, p) => textWaterfall(waterfall, w, p)],
  ['funnel', (w, p) => textFunnel(funnel, w, p)],
  ['horizontal bars', (w, p) => textHBars(hbars, w, p)],
  ['diverging bars', (w, p) => textDiverging(diverging, w, p)],
]

const degenerate: [string, string[]][] = [
  ['bar: empty', textBarChart({ title: 'x', categories: [], series: [], format: plain }, 60)],
  [
    'bar: zeros, nulls, NaN',
    textBarChart(
      {
        title: 'x',
        categories: ['a', 'b', 'c'],
        series: [{ name: 's', values: [0, null, Number.NaN] }],
        format: plain,
      },
      60,
    ),
  ],
  ['fan: empty', textFanChart({ title: 'x', points: [], format: plain }, 60)],
  [
    'fan: nulls',
    textFanChart(
      {
        title: 'x',
        points: [
          { label: 'a', actual: null },
          { label: 'b', p50: Number.NaN },
        ],
        format: plain,
      },
      60,
    ),
  ],
  ['waterfall: empty', textWaterfall({ title: 'x', steps: [], format: plain }, 60)],
  [
    'waterfall: zeros',
    textWaterfall(
      {
        title: 'x',
        steps: [
          { label: 'a', value: 0, kind: 'total' },
          { label: 'b', value: Number.NaN, kind: 'delta' },
        ],
        format: plain,
      },
      60,
    ),
  ],
  ['funnel: empty', textFunnel({ title: 'x', stages: [], format: plain }, 60)],
  [
    'funnel: zeros',
    textFunnel(
      {
        title: 'x',
        stages: [
          { label: 'a', value: 0 },
          { label: 'b', value: 0, rate: Number.NaN },
        ],
        format: plain,
      },
      60,
    ),
  ],
  ['hbars: empty', textHBars({ title: 'x', items: [], format: plain }, 60)],
  [
    'hbars: zeros and nulls',
    textHBars(
      {
        title: 'x',
        items: [
          { label: 'a', value: 0 },
          { label: 'b', value: null },
        ],
        format: plain,
        reference: { value: Number.POSITIVE_INFINITY, label: 'r' },
      },
      60,
    ),
  ],
  ['diverging: empty', textDiverging({ title: 'x', items: [], format: plain }, 60)],
  [
    'diverging: zeros',
    textDiverging({ title: 'x', items: [{ label: 'a', value: 0 }], format: plain, band: Number.NaN }, 60),
  ],
]

describe('text charts', () => {
  it.each(charts.flatMap(([name, draw]) => [60, 100].map((w) => [name, w, draw] as const)))(
    '%s fits %i columns with long labels and big numbers, with no trailing spaces',
    (_, width, draw) => {
      for (const paint of [plainPaint, ansi]) {
        const lines = draw(width, paint)
        expect(lines.length).toBeGreaterThan(1)
        for (const line of lines) {
          expect(visibleWidth(line)).toBeLessThanOrEqual(width)
          expect(stripAnsi(line)).not.toMatch(/\s$/)
          expect(line).not.toMatch(/\s$/)
          expect(line).not.toMatch(/NaN|Infinity|undefined/)
        }
      }
    },
  )

  it.each(charts)('%s paints without changing the visible text', (_, draw) => {
    expect(draw(100, ansi).map(stripAnsi)).toEqual(draw(100, plainPaint))
    expect(draw(100).join('\n')).not.toContain('\x1b')
  })

  it.each(charts)('%s never exceeds tiny widths either', (_, draw) => {
    for (const width of [1, 8, 20]) {
      for (const line of draw(width, ansi)) expect(visibleWidth(line)).toBeLessThanOrEqual(width)
    }
  })

  it.each(degenerate)('%s renders without NaN or Infinity', (_, lines) => {
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).not.toMatch(/NaN|Infinity|undefined/)
  })

  it('says "no data" for empty input', () => {
    expect(textFunnel({ title: 'Funnel', stages: [], format: plain }, 60)).toEqual(['Funnel', 'no data'])
  })

  it('draws horizontal bars at eighth-block precision', () => {
    const lines = textHBars(
      {
        title: 'T',
        items: [
          { label: 'a', value: 16 },
          { label: 'b', value: 3.125 },
          { label: 'c', value: 0.25 },
        ],
        format: plain,
      },
      24,
    )
    // labels 1 column, values up to "3.125" 5 columns → bars 24 − 1 − 5 − 2 = 16 columns for 0..16:
    // one unit per column, so 3.125 = 3 full blocks + 1/8 (▏) and 0.25 = 2/8 (▎)
    expect(lines).toEqual(['T', `a ${'█'.repeat(16)} 16`, 'b ███▏ 3.125', 'c ▎ 0.25'])
  })

  it('floats waterfall bars from the running total', () => {
    const lines = textWaterfall(
      {
        title: 'Bridge',
        format: plain,
        steps: [
          { label: 'Start', value: 100, kind: 'total' },
          { label: 'Won', value: 30, kind: 'delta' },
          { label: 'Lost', value: -50, kind: 'delta' },
          { label: 'End', value: 80, kind: 'total' },
        ],
      },
      36,
    )
    // labels 5 columns, values 3 ("100", "+30", "−50", " 80") → bars 36 − 5 − 3 − 2 = 26 columns for
    // 0..130, i.e. 5 per column: Start 0→100 = columns 0–19; Won 100→130 = 20–25;
    // Lost spans 130→80 = columns 16–25; End 0→80 = columns 0–15
    expect(lines).toEqual([
      'Bridge',
      `Start ${'█'.repeat(20)}${' '.repeat(6)} 100`,
      `Won   ${' '.repeat(20)}${'█'.repeat(6)} +30`,
      `Lost  ${' '.repeat(16)}${'█'.repeat(10)} \u221250`,
      `End   ${'█'.repeat(16)}${' '.repeat(10)}  80`,
    ])
  })

  it('paints waterfall increases good and decreases bad', () => {
    const lines = textWaterfall(
      {
        title: '',
        format: plain,
        steps: [
          { label: 'a', value: 10, kind: 'total' },
          { label: 'b', value: 5, kind: 'delta' },
          { label: 'c', value: -5, kind: 'delta' },
        ],
      },
      40,
      ansi,
    )
    expect(lines[0]).toContain('\x1b[34m█')
    expect(lines[1]).toContain('\x1b[32m█')
    expect(lines[2]).toContain('\x1b[31m█')
  })

  it('draws grouped bars with series[0] in blocks and prior series shaded, plus a legend', () => {
    const lines = textBarChart(
      {
        title: 'Bookings',
        categories: ['Jan', 'Feb'],
        series: [
          { name: '2025', values: [8, null] },
          { name: '2024', values: [4, 2] },
        ],
        format: plain,
      },
      16,
    )
    // labels 3, values 1 → bars 16 − 3 − 1 − 2 = 10 columns for 0..8
    expect(lines).toEqual([
      'Bookings',
      `Jan ${'█'.repeat(10)} 8`,
      '    ░░░░░ 4',
      'Feb —',
      '    ░░░ 2', // 2.5 columns rounded to whole shaded cells
      '█ 2025   ░ 2024',
    ])
  })

  it('draws the forecast as ├──●──┤ on the scale of the actuals', () => {
    const lines = textFanChart(
      {
        title: 'F',
        format: plain,
        points: [
          { label: 'a', actual: 10 },
          { label: 'b', p10: 8, p50: 12, p90: 16, target: 20 },
        ],
      },
      44,
    )
    // labels 1; values "10" and "12 (8–16)  ┊ 20" (15) → bars 44 − 1 − 15 − 2 = 26 columns for 0..20
    // 1.3 columns per unit: actual 10 = 13 columns; p10 8 → column 10, p50 12 → 15, p90 16 → 20, target → 25
    expect(lines[1]).toBe(`a ${'█'.repeat(13)}${' '.repeat(13)} 10`)
    expect(lines[2]).toBe(`b ${' '.repeat(10)}├────●────┤    ┊ 12 (8–16)  ┊ 20`)
    expect(lines[3]).toBe('█ actual   ├─●─┤ p10 · forecast · p90   ┊ t…') // cut at the 44-column width
  })

  it('shortens the fan chart numbers before cutting them', () => {
    const lines = textFanChart(fan, 60)
    expect(lines.join('\n')).not.toContain('…)')
    expect(lines.some((l) => /├─*●─*┤/.test(l))).toBe(true)
  })

  it('marks the reference with ┊ and flagged items with "!"', () => {
    const lines = textHBars(
      {
        title: 'A',
        format: pct,
        reference: { value: 1, label: 'quota' },
        items: [
          { label: 'x', value: 0.5, flag: true },
          { label: 'y', value: 1 },
        ],
      },
      30,
    )
    // labels 1, values "50.0% !" 7 → 30 − 1 − 7 − 2 = 20 columns, the last kept free: 0..1 on 19 columns
    expect(lines).toEqual([
      'A',
      `x ${'█'.repeat(9)}▌${' '.repeat(9)}┊ 50.0% !`,
      `y ${'█'.repeat(19)}┊ 100.0%`,
      `${' '.repeat(21)}┊ quota`,
    ])
  })

  it('draws diverging bars around a centre axis with the band marked', () => {
    const spec: DivergingSpec = {
      ...diverging,
      items: [
        { label: 'North', value: 0.25 },
        { label: 'South', value: -0.08 },
        { label: 'East', value: -0.31 },
        { label: 'Central', value: null },
      ],
    }
    const all = textDiverging(spec, 60)
    const lines = all.slice(1, -1)
    const axis = lines.map((l) => Array.from(l).indexOf('│'))
    expect(new Set(axis).size).toBe(1)
    const centre = axis[0] ?? -1
    const [north, south, east, central] = lines.map((l) => Array.from(l))
    expect(north?.[centre + 1]).toBe('█') // +25% to the right
    expect(south?.[centre - 1]).toBe('█') // −8% to the left
    expect(south?.join('')).toContain('┊') // inside the band: both band marks visible on its row
    expect(north?.join('')).toContain('!')
    expect(east?.join('')).toContain('!')
    expect(central?.join('')).toContain('—')
    expect(all.at(-1)).toBe('│ 0   ┊ ±10.0% band')
  })

  it('lists funnel values right-aligned with conversion rates', () => {
    const lines = textFunnel(
      {
        title: 'F',
        format: plain,
        stages: [
          { label: 'Leads', value: 100 },
          { label: 'Won', value: 25, rate: 0.25 },
          { label: 'Paid', value: 0, rate: null },
        ],
      },
      30,
    )
    // labels 5, values 3, rates 5 + 2 → bars 30 − 5 − 3 − 7 − 2 = 13 columns; 25 → 3.25 columns = ███▎
    expect(lines).toEqual([
      'F',
      `Leads ${'█'.repeat(13)} 100`,
      `Won   ███▎${' '.repeat(9)}  25  25.0%`,
      `Paid  ${' '.repeat(13)}   0      —`,
    ])
  })
})

describe('blocks and sparklines', () => {
  it('draws a sparkline from the minimum to the maximum', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([10, null, 20])).toBe('▁ █')
    expect(sparkline([5, 5])).toBe('▄▄')
    expect(sparkline([0, 0])).toBe('▁▁')
    expect(sparkline([])).toBe('')
    expect(sparkline([null, Number.NaN])).toBe('  ')
  })

  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [0.125, '▏'],
    [0.06, ''], // 0.48 eighths rounds down
    [0.0625, '▏'], // half an eighth rounds up
    [0.5, '▌'],
    [1, '█'],
    [2.5, '██▌'],
    [3.875, '███▉'],
    [7.99, '████████'],
  ])('blockBar(%d) = %j', (cells, expected) => {
    expect(blockBar(cells)).toBe(expected)
  })
})

describe('visible width', () => {
  it('ignores ANSI escapes and counts blocks, box drawing and ellipsis as one column', () => {
    expect(visibleWidth('\x1b[31mab\x1b[39m')).toBe(2)
    expect(visibleWidth('█▏├─●─┤┊│…−')).toBe(11)
    expect(visibleWidth('\x1b]8;;https://example.com\x07link\x1b]8;;\x07')).toBe(4)
  })

  it('counts wide characters as two columns and combining marks as none', () => {
    expect(visibleWidth('日本')).toBe(4)
    expect(visibleWidth('e\u0301')).toBe(1)
  })

  it('truncates with an ellipsis, keeping ANSI escapes balanced', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…')
    expect(truncateText('abc', 3)).toBe('abc')
    expect(truncateText('日本語', 4)).toBe('日…')
    const cut = truncateVisible('\x1b[34m██████\x1b[39m', 3)
    expect(stripAnsi(cut)).toBe('██…')
    expect(cut.endsWith('\x1b[0m')).toBe(true)
  })
})
