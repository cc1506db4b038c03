import { describe, expect, it } from 'vitest'
import { reportFormatter } from './report-format.js'

describe('reportFormatter (en-US, USD)', () => {
  const f = reportFormatter('en-US', 'USD')

  it('writes money in whole units, compact on axes, signed for changes', () => {
    expect(f.money(123456)).toBe('$1,235') // 1,234.56 → 1,235
    expect(f.money(-50)).toBe('−$1') // −0.50 rounds away from zero to −1
    expect(f.compactMoney(740827509)).toBe('$7.4M') // 7,408,275.09
    expect(f.signedMoney(-213300300)).toBe('−$2,133,003')
    expect(f.signedMoney(0)).toBe('±$0')
  })

  it('writes shares as percentages and their differences in points', () => {
    expect(f.percent(0.2399)).toBe('24.0%')
    expect(f.signedPercent(-0.037)).toBe('−3.7%')
    expect(f.signedPercent(0.21)).toBe('+21.0%')
    expect(f.points(0.241 - 0.24)).toBe('+0.1 pp') // 0.001 = 0.1 percentage points
    expect(f.multiple(3.3)).toBe('3.3×')
  })

  it('writes — for null and for values that are not finite', () => {
    expect(f.money(null)).toBe('—')
    expect(f.percent(Number.NaN)).toBe('—')
    expect(f.multiple(Number.POSITIVE_INFINITY)).toBe('—')
  })

  it('writes plain numbers without a currency', () => {
    expect(reportFormatter('en-US', undefined).money(100000)).toBe('1,000')
  })
})
