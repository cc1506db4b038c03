/**
 * A horizontal bar of Unicode blocks, `width` cells for `max`, in eighths of a cell: 3 of 4 at
 * width 8 → "██████" (6 cells). A value above 0 shows at least "▏"; no colour (the CLI adds it).
 */
const PARTS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const

export function funnelBar(value: number, max: number, width = 24): string {
  if (max <= 0 || value <= 0) return ''
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8))
  return `${'█'.repeat(Math.floor(eighths / 8))}${PARTS[eighths % 8] ?? ''}`
}
