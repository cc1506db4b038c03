import { describe, expect, it } from 'vitest'
import { deal, money } from '../../../test/support/factories.js'
import { periodCommission } from './period-commission.js'
import { line, plan } from './test-factories.js'

const quota = money(100_000)
const tiered = plan({
  tiers: [
    { from: 0, rate: 0.1 },
    { from: 1, rate: 0.2 },
  ],
  tiered: true,
})

describe('periodCommission', () => {
  // Quota 100,000. Credit 90,000 (deal A), then deal B of 20,000 crosses the 100% threshold.
  const lines = [line({ credited: money(90_000) }), line({ credited: money(20_000) })]

  it('marginal tiers: a deal crossing the threshold pays each part at its tier', () => {
    // A: 90,000 × 10% = 9,000.00
    // B: 10,000 × 10% = 1,000.00 (up to 100,000) + 10,000 × 20% = 2,000.00 (above)
    // earned = 9,000 + 1,000 + 2,000 = 12,000.00
    const r = periodCommission(tiered, '2026-Q3', lines, quota)
    expect(r.lines.map((l) => [l.tier, l.credited, l.commission])).toEqual([
      ['tier 1', money(90_000), money(9_000)],
      ['tier 1', money(10_000), money(1_000)],
      ['tier 2', money(10_000), money(2_000)],
    ])
    expect(r.earned).toBe(money(12_000))
    expect(r.attainment).toBeCloseTo(1.1, 10)
  })

  it('retroactive tiers: the tier reached (110% → 20%) pays on every line', () => {
    // A: 90,000 × 20% = 18,000.00; B: 20,000 × 20% = 4,000.00; earned 22,000.00
    const r = periodCommission({ ...tiered, tierMode: 'retroactive' }, '2026-Q3', lines, quota)
    expect(r.lines.map((l) => [l.tier, l.commission])).toEqual([
      ['tier 2', money(18_000)],
      ['tier 2', money(4_000)],
    ])
    expect(r.earned).toBe(money(22_000))
  })

  it('caps earned per period with one negative cap line (adjustments)', () => {
    // marginal earned 12,000.00 (above); cap 10,000.00 → adjustments −2,000.00
    const r = periodCommission({ ...tiered, cap: money(10_000) }, '2026-Q3', lines, quota)
    expect(r.earned).toBe(money(12_000))
    expect(r.adjustments).toBe(money(-2_000))
    expect(r.lines.at(-1)).toMatchObject({ kind: 'cap', commission: money(-2_000) })
  })

  it('pays nothing below the gate, listing the lines at 0', () => {
    // gate 50% of 100,000 = 50,000; credit 40,000 (40%) → earned 0
    const r = periodCommission(
      { ...tiered, gate: 0.5 },
      '2026-Q3',
      [line({ credited: money(40_000) })],
      quota,
    )
    expect(r.earned).toBe(0)
    expect(r.lines).toHaveLength(1)
    expect(r.lines[0]?.commission).toBe(0)
    expect(r.lines[0]?.rule).toContain('gate: attainment 40% below 50%')
  })

  it('meets the gate exactly at the threshold', () => {
    // credit 50,000 = 50% → paid: 50,000 × 10% = 5,000.00
    const r = periodCommission(
      { ...tiered, gate: 0.5 },
      '2026-Q3',
      [line({ credited: money(50_000) })],
      quota,
    )
    expect(r.earned).toBe(money(5_000))
  })

  it('counts attainment as 0 without a quota: first tier, gate not met', () => {
    const r = periodCommission(tiered, '2026-Q3', lines, null)
    // 110,000 all at tier 1: 11,000.00
    expect(r.earned).toBe(money(11_000))
    expect(r.attainment).toBeNull()
    expect(periodCommission({ ...tiered, gate: 0.1 }, 'Q', lines, null).earned).toBe(0)
  })

  it('applies rate rules: a multiplier scales the tier rate, a rate replaces it', () => {
    const renewal = deal({ status: 'won', type: 'renewal', amount: money(10_000) })
    const services = deal({ status: 'won', product: 'Services', amount: money(10_000) })
    const p = plan({
      rates: [
        { type: 'renewal', multiplier: 0.5 },
        { product: 'services', rate: 0.02 },
      ],
    })
    // renewal: 10,000 × (10% × 0.5) = 500.00; services: 10,000 × 2% = 200.00
    const r = periodCommission(
      p,
      'Q',
      [line({ credited: money(10_000), deal: renewal }), line({ credited: money(10_000), deal: services })],
      null,
    )
    expect(r.lines.map((l) => l.commission)).toEqual([money(500), money(200)])
  })

  it('rounds each line half away from zero to the cent', () => {
    // 12,345 cents × 10% = 1,234.5 cents → 1,235; −12,345 → −1,235
    const r = periodCommission(plan(), 'Q', [line({ credited: 12345 }), line({ credited: -12345 })], null)
    expect(r.lines.map((l) => l.commission)).toEqual([1235, -1235])
    expect(r.earned).toBe(0)
  })

  it('pays a SPIF per matching own deal, times the credit share, outside the gate', () => {
    const analytics = deal({ status: 'won', product: 'Analytics', amount: money(5_000) })
    const p = plan({ gate: 0.5, spifs: [{ name: 'launch', amount: money(250), product: 'Analytics' }] })
    // gate not met (no quota) → earned 0; SPIF 250 × 60% = 150.00
    const r = periodCommission(p, 'Q', [line({ credited: money(3_000), share: 0.6, deal: analytics })], null)
    expect(r.earned).toBe(0)
    expect(r.spif).toBe(money(150))
  })

  it('gives no SPIF for roll-up lines', () => {
    const p = plan({ spifs: [{ name: 'any', amount: money(100) }] })
    const r = periodCommission(p, 'Q', [line({ credited: money(1_000), via: 'Ann' })], null)
    expect(r.spif).toBe(0)
    expect(r.lines[0]).toMatchObject({ kind: 'roll-up', commission: money(100) })
  })
})
