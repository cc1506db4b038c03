import { describe, expect, it } from 'vitest'
import { percent, signed } from './labels.js'

describe('chart labels', () => {
  const int = (v: number): string => String(v)
  it('signs changes with + and the minus sign, zero without a sign', () => {
    expect([signed(int, 12), signed(int, -12), signed(int, 0)]).toEqual(['+12', '\u221212', '0'])
  })
  it('writes rates with one decimal', () => {
    // 0.1234 × 1000 = 123.4 → 123 → 12.3; 0.5 → 50.0; 0.0005 × 1000 = 0.5 → 1 → 0.1
    expect([percent(0.1234), percent(0.5), percent(0.0005)]).toEqual(['12.3%', '50.0%', '0.1%'])
  })
})
