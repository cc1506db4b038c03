import { describe, expect, it } from 'vitest'
import type { TerritoryAccount } from './territory-account.js'
import { territoryReport } from './territory-report.js'

/** six accounts 1° apart on the meridian, $100.00 and 10 hours each (fixtures/territories/README.md) */
const six = (territories: string[]): TerritoryAccount[] =>
  territories.map((territory, i) => ({
    id: `A${String(i + 1)}`,
    lat: i,
    lon: 0,
    potential: 10_000,
    workload: 10,
    territory,
    locked: false,
  }))

describe('territoryReport', () => {
  const report = territoryReport(six(['N', 'N', 'N', 'S', 'S', 'N']))

  it('sums accounts, potential and workload per territory and measures deviation from the mean', () => {
    expect(report.rows.map((r) => [r.territory, r.accounts, r.potential, r.workload])).toEqual([
      ['N', 4, 40_000, 40],
      ['S', 2, 20_000, 20],
    ])
    expect(report.rows[0]?.potential_dev).toBeCloseTo(1 / 3, 10)
    expect(report.rows[1]?.workload_dev).toBeCloseTo(-1 / 3, 10)
  })

  it('measures the mean distance to the potential-weighted centre', () => {
    expect(report.rows[0]?.mean_distance_km).toBeCloseTo(1.5 * 111.19508, 3)
    expect(report.rows[1]?.mean_distance_km).toBeCloseTo(0.5 * 111.19508, 3)
  })

  it('counts a territory cut in two by another as two pieces', () => {
    expect(report.rows.map((r) => r.pieces)).toEqual([2, 1])
  })

  it('summarises max/min, cv, worst deviation and the contiguous share', () => {
    expect(report.summary.max_min_ratio).toBe(2)
    expect(report.summary.cv).toBeCloseTo(1 / 3, 10)
    expect(report.summary.worst_dev).toBeCloseTo(1 / 3, 10)
    expect(report.summary.contiguous_share).toBe(0.5)
    expect(report.summary.mean_distance_km).toBeCloseTo((7 * 111.19508) / 6, 3)
  })

  it('reports an asked-for territory without accounts as empty, with a null max/min ratio', () => {
    const r = territoryReport(six(['N', 'N', 'N', 'S', 'S', 'S']), { territories: ['N', 'S', 'W'] })
    expect(r.rows[2]).toMatchObject({ territory: 'W', accounts: 0, potential: 0, pieces: 0 })
    expect(r.rows[2]?.potential_dev).toBeCloseTo(-1, 10)
    expect(r.summary.max_min_ratio).toBeNull()
  })

  it('puts accounts without a territory in (none)', () => {
    const accounts = six(['N', 'N', 'N', 'S', 'S', 'S']).map((a, i) =>
      i === 0 ? { ...a, territory: undefined } : a,
    )
    expect(territoryReport(accounts).rows.map((r) => r.territory)).toEqual(['(none)', 'N', 'S'])
  })
})
