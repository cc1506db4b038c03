import { describe, expect, it } from 'vitest'
import { waterfallBars } from './waterfall-bars.js'

describe('waterfall bars', () => {
  it('floats each delta from the running total', () => {
    expect(
      waterfallBars([
        { label: 'Start', value: 100, kind: 'total' },
        { label: 'Won', value: 30, kind: 'delta' },
        { label: 'Lost', value: -50, kind: 'delta' },
        { label: 'End', value: 80, kind: 'total' },
      ]),
    ).toEqual([
      { from: 0, to: 100, kind: 'total' },
      { from: 100, to: 130, kind: 'up' }, // 100 + 30
      { from: 130, to: 80, kind: 'down' }, // 130 − 50
      { from: 0, to: 80, kind: 'total' },
    ])
  })

  it('restarts the running total at each total and counts a non-finite delta as 0', () => {
    expect(
      waterfallBars([
        { label: 'a', value: 10, kind: 'delta' },
        { label: 'b', value: 50, kind: 'total' },
        { label: 'c', value: Number.NaN, kind: 'delta' },
        { label: 'd', value: -70, kind: 'delta' },
      ]),
    ).toEqual([
      { from: 0, to: 10, kind: 'up' },
      { from: 0, to: 50, kind: 'total' },
      { from: 50, to: 50, kind: 'up' },
      { from: 50, to: -20, kind: 'down' },
    ])
  })
})
