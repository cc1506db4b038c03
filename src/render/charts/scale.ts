/** Numeric helpers shared by the SVG and text charts: finite filtering, nice ticks, linear scales. */

/** `value` when it is a finite number, otherwise null (null, undefined, NaN and ±Infinity are gaps). */
export function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The finite numbers among `values`. */
export function finiteValues(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = []
  for (const v of values) {
    const f = finite(v)
    if (f !== null) out.push(f)
  }
  return out
}

/** [min(0, …values), max(0, …values)]: bar charts always show their zero baseline. */
export function zeroExtent(values: readonly number[]): [number, number] {
  let lo = 0
  let hi = 0
  for (const v of values) {
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi]
}

export interface Ticks {
  /** domain start (a multiple of `step`, ≤ the data minimum) */
  readonly lo: number
  /** domain end (a multiple of `step`, ≥ the data maximum) */
  readonly hi: number
  readonly step: number
  readonly values: readonly number[]
}

/** Removes binary noise (0.1 + 0.2) and negative zero. */
function clean(x: number): number {
  const c = Number(x.toPrecision(12))
  return c === 0 ? 0 : c
}

/** The 1-2-5 step (1, 2, 5, 10, 20, 50, …, also 0.1, 0.2, 0.5) at or above `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const norm = rough / magnitude
  const m = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10
  return clean(m * magnitude)
}

/**
 * About `count` intervals of a 1-2-5 step covering [min, max].
 * An empty range (all values zero, or no data) gives the domain [0, 1] with the single tick 0,
 * so axes never carry duplicate labels such as "$0.00, $0.00".
 * @example niceTicks(0, 130).values //=> [0, 50, 100, 150]
 */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  let a = Number.isFinite(min) ? min : 0
  let b = Number.isFinite(max) ? max : 0
  if (a > b) [a, b] = [b, a]
  if (a === b) {
    if (a === 0) return { lo: 0, hi: 1, step: 1, values: [0] }
    a = Math.min(a, 0)
    b = Math.max(b, 0)
  }
  const step = niceStep((b - a) / Math.max(1, count))
  // the epsilon keeps 100/20 = 5.000000000001 from adding a tick
  const first = Math.floor(a / step + 1e-9)
  const last = Math.ceil(b / step - 1e-9)
  const values: number[] = []
  for (let i = first; i <= last; i += 1) values.push(clean(i * step))
  return { lo: clean(first * step), hi: clean(last * step), step, values }
}

/** The linear map of [d0, d1] onto [r0, r1]; an empty domain maps everything to r0. */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0
  if (span === 0 || !Number.isFinite(span)) return () => r0
  const k = (r1 - r0) / span
  return (value) => r0 + (value - d0) * k
}
