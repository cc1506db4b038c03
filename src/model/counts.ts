/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` writes it (`53,971`),
 * without starting the runtime's locale data (10 ms on first use: a tenth of a short command).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US')
  const digits = String(Math.abs(n))
  let out = ''
  for (let end = digits.length; end > 0; end -= 3) {
    const piece = digits.slice(Math.max(0, end - 3), end)
    out = out === '' ? piece : `${piece},${out}`
  }
  return n < 0 ? `-${out}` : out
}
