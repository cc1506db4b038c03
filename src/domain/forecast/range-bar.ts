/**
 * A small text bar of the P10–P90 range for terminal tables: `├──●──┤` placed on a shared scale
 * from 0 to `scaleMax`, so that rows compare at a glance.
 *
 * @example rangeBar(20, 50, 80, 100, 10) //=> '  ├──●─┤  '
 */
export function rangeBar(p10: number, p50: number, p90: number, scaleMax: number, width = 16): string {
  if (!(scaleMax > 0) || width < 3) return ''
  const pos = (x: number): number =>
    Math.min(width - 1, Math.max(0, Math.round((Math.max(0, x) / scaleMax) * (width - 1))))
  const lo = pos(p10)
  const hi = Math.max(pos(p90), lo)
  const mid = Math.min(hi, Math.max(lo, pos(p50)))
  const cells: string[] = []
  for (let i = 0; i < width; i++) {
    if (i === mid) cells.push('●')
    else if (i === lo) cells.push('├')
    else if (i === hi) cells.push('┤')
    else if (i > lo && i < hi) cells.push('─')
    else cells.push(' ')
  }
  return cells.join('')
}
