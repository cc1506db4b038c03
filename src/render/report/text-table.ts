/**
 * A borderless aligned table for the terminal report: header, a rule, rows; numeric columns
 * right-aligned; the `shrink` column (else the widest text column) truncated with … to fit.
 */
import { padEndVisible, padStartVisible, truncateVisible, visibleWidth } from '../charts/visible-width.js'
import type { Cell, Tone } from './blocks.js'

export type Painter = (tone: Tone | undefined, s: string) => string

const GAP = '  '

export function textTable(
  table: {
    headers: readonly string[]
    right: readonly boolean[]
    rows: readonly (readonly Cell[])[]
    shrink?: number
  },
  width: number,
  paint: Painter,
): string[] {
  const n = table.headers.length
  const widths = table.headers.map((h, i) =>
    Math.max(visibleWidth(h), ...table.rows.map((r) => visibleWidth(r[i]?.text ?? ''))),
  )
  const total = () => widths.reduce((s, w) => s + w, 0) + GAP.length * (n - 1)
  let shrink = table.shrink
  if (shrink === undefined) {
    let widest = -1
    for (let i = 0; i < n; i++)
      if (!table.right[i] && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i
    shrink = widest < 0 ? 0 : widest
  }
  const over = total() - width
  if (over > 0) widths[shrink] = Math.max(6, (widths[shrink] ?? 0) - over)
  const line = (cells: readonly Cell[], header: boolean): string =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0
        const t = truncateVisible(c.text, w)
        const padded = table.right[i] ? padStartVisible(t, w) : padEndVisible(t, w)
        return header ? paint('strong', padded) : paint(c.tone, padded)
      })
      .join(GAP)
      .trimEnd()
  return [
    line(
      table.headers.map((h) => ({ text: h })),
      true,
    ),
    paint('muted', widths.map((w) => '─'.repeat(w)).join(GAP)),
    ...table.rows.map((r) => line(r, false)),
  ]
}
