import { finite } from './scale.js'
import type { WaterfallStep } from './types.js'

export interface WaterfallBar {
  /** where the bar starts: 0 for a total, the running total before the step for a delta */
  readonly from: number
  /** where the bar ends: the total itself, or the running total after the step */
  readonly to: number
  readonly kind: 'total' | 'up' | 'down'
}

/**
 * The floating bars of a waterfall. A `total` step resets the running total to its value and is drawn
 * from zero; a `delta` step is drawn from the running total to the running total plus its value.
 * A non-finite value counts as 0.
 * @example waterfallBars([total 100, delta +30, delta −50, total 80])
 * //=> [{0→100 total}, {100→130 up}, {130→80 down}, {0→80 total}]
 */
export function waterfallBars(steps: readonly WaterfallStep[]): WaterfallBar[] {
  let running = 0
  return steps.map((step) => {
    const value = finite(step.value) ?? 0
    if (step.kind === 'total') {
      running = value
      return { from: 0, to: value, kind: 'total' }
    }
    const from = running
    running += value
    return { from, to: running, kind: value < 0 ? 'down' : 'up' }
  })
}
