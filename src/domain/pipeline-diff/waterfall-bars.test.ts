import { describe, expect, it } from 'vitest'
import { waterfallBars } from './waterfall-bars.js'

describe('waterfallBars', () => {
  it('draws totals from zero and movements from the running total, on one scale', () => {
    // scale 0..100 on 10 characters, 10 per character:
    // start 0..100 → 10 chars; won 100 → 50 → chars 5..10; lost 50 → 40 → chars 4..5; end 0..40 → 4 chars
    expect(
      waterfallBars(
        [
          { category: 'start', amount: 100 },
          { category: 'won', amount: -50 },
          { category: 'lost', amount: -10 },
          { category: 'end', amount: 40 },
        ],
        10,
      ),
    ).toEqual(['██████████', '     ░░░░░', '    ░', '████'])
  })

  it('scales to the highest running total, not only to start and end', () => {
    // start 50, new +50 → 100 (the peak), removed −50 → 50, end 50; 10 per character
    expect(
      waterfallBars(
        [
          { category: 'start', amount: 50 },
          { category: 'new', amount: 50 },
          { category: 'removed', amount: -50 },
          { category: 'end', amount: 50 },
        ],
        10,
      ),
    ).toEqual(['█████', '     ▓▓▓▓▓', '     ░░░░░', '█████'])
  })

  it('shows a movement too small for a character as one character, and no bar for zero', () => {
    // 1 of 1000 on 10 characters rounds to 0 characters, so it gets one at its position (10)
    expect(
      waterfallBars(
        [
          { category: 'start', amount: 1000 },
          { category: 'amount_up', amount: 0 },
          { category: 'amount_down', amount: -1 },
          { category: 'end', amount: 999 },
        ],
        10,
      ),
    ).toEqual(['██████████', '', '         ░', '██████████'])
  })

  it('starts a new scale at each start row (one per group), and draws nothing when all is zero', () => {
    expect(
      waterfallBars(
        [
          { category: 'start', amount: 10 },
          { category: 'end', amount: 10 },
          { category: 'start', amount: 0 },
          { category: 'end', amount: 0 },
        ],
        4,
      ),
    ).toEqual(['████', '████', '', ''])
  })
})
