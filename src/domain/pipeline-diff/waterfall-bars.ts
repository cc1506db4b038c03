/**
 * Text bars for the waterfall in table mode: totals (`start`, `end`) as `█` from zero, increases as
 * `▓` and decreases as `░`, each drawn from the running total before the row to the one after it,
 * on one scale per group (a `start` row begins a group). Pure geometry → strings; colour is left
 * to the renderer.
 */
import type { WaterfallCategory } from './pipeline-diff.js'

export const BAR_TOTAL = '█'
export const BAR_UP = '▓'
export const BAR_DOWN = '░'

interface BarInput {
  readonly category: WaterfallCategory
  readonly amount: number
}

function barsOfGroup(rows: readonly BarInput[], width: number): string[] {
  // each row spans [from, to] on the amount axis
  const spans: { from: number; to: number; char: string }[] = []
  let level = 0
  for (const row of rows) {
    if (row.category === 'start' || row.category === 'end') {
      level = row.amount
      spans.push({ from: 0, to: row.amount, char: BAR_TOTAL })
    } else {
      spans.push({ from: level, to: level + row.amount, char: row.amount >= 0 ? BAR_UP : BAR_DOWN })
      level += row.amount
    }
  }
  const lo = Math.min(0, ...spans.flatMap((s) => [s.from, s.to]))
  const hi = Math.max(0, ...spans.flatMap((s) => [s.from, s.to]))
  if (hi === lo) return rows.map(() => '')
  const at = (x: number): number => Math.round(((x - lo) / (hi - lo)) * width)
  return spans.map(({ from, to, char }) => {
    if (from === to) return ''
    let a = at(Math.min(from, to))
    let b = at(Math.max(from, to))
    if (b === a) {
      // a movement too small for one character still shows as one
      if (b < width) b++
      else a--
    }
    return ' '.repeat(a) + char.repeat(b - a)
  })
}

/**
 * One bar per waterfall row, `width` characters at most.
 *
 * @example
 *   // start 100, won −50, end 50 on 10 characters: the scale is 0..100, 10 per character
 *   waterfallBars([{ category: 'start', amount: 100 }, { category: 'won', amount: -50 }, { category: 'end', amount: 50 }], 10)
 *   //=> ['██████████', '     ░░░░░', '█████']
 */
export function waterfallBars(rows: readonly BarInput[], width: number): string[] {
  const out: string[] = []
  let group: BarInput[] = []
  for (const row of rows) {
    if (row.category === 'start' && group.length > 0) {
      out.push(...barsOfGroup(group, width))
      group = []
    }
    group.push(row)
  }
  if (group.length > 0) out.push(...barsOfGroup(group, width))
  return out
}
