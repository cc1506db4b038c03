/**
 * Terminal column arithmetic: how wide a string looks once ANSI escapes are ignored.
 * Box-drawing and block characters (│ ├ ● █ ▏ …) are one column; CJK and emoji are two;
 * combining marks and zero-width characters are none.
 */

// CSI sequences (colours: ESC [ 3 4 m) and OSC sequences (hyperlinks: ESC ] 8 ; ; url BEL)
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g
const ANSI_AT_START = new RegExp(`^(?:${ANSI.source})`)
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]$/u

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '')
}

/** Columns taken by one code point. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  if (ZERO_WIDTH.test(ch)) return 0
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  return wide ? 2 : 1
}

/** Columns the string occupies on a terminal, ANSI escapes ignored. */
export function visibleWidth(s: string): number {
  let width = 0
  for (const ch of stripAnsi(s)) width += charWidth(ch)
  return width
}

/** Control characters (newlines, tabs, ESC) become spaces, so a label cannot break a line or inject colour. */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
}

/** Plain text cut to `width` columns, ending in "…" when something was cut. */
export function truncateText(s: string, width: number): string {
  if (visibleWidth(s) <= width) return s
  if (width <= 0) return ''
  let out = ''
  let used = 0
  for (const ch of s) {
    const w = charWidth(ch)
    if (used + w > width - 1) break
    out += ch
    used += w
  }
  return `${out}…`
}

/** Like `truncateText` but keeps ANSI escapes intact (and resets colour after the cut). */
export function truncateVisible(s: string, width: number): string {
  if (visibleWidth(s) <= width) return s
  if (width <= 0) return ''
  let out = ''
  let used = 0
  let sawEscape = false
  let rest = s
  while (rest.length > 0) {
    const escape = ANSI_AT_START.exec(rest)
    if (escape !== null) {
      out += escape[0]
      sawEscape = true
      rest = rest.slice(escape[0].length)
      continue
    }
    const ch = String.fromCodePoint(rest.codePointAt(0) ?? 0x20)
    const w = charWidth(ch)
    if (used + w > width - 1) break
    out += ch
    used += w
    rest = rest.slice(ch.length)
  }
  return `${out}…${sawEscape ? '\x1b[0m' : ''}`
}

/** Pads with spaces on the right to `width` visible columns. */
export function padEndVisible(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleWidth(s)))
}

/** Pads with spaces on the left to `width` visible columns. */
export function padStartVisible(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(s))) + s
}
