import { describe, expect, it } from 'vitest'
import { bottomQuartileBoundary, coachOn, inBottomQuartile, shortfall, teamMedian } from './team-compare.js'
import type { KpiValues } from './team-compare.js'

describe('teamMedian', () => {
  it('takes the median of the values that exist, ignoring nulls', () => {
    // win rates 1/3, 2/3, 1 and a rep without closed deals (null) → 2/3
    expect(teamMedian([1 / 3, 2 / 3, 1, null])).toBe(2 / 3)
  })

  it('averages the two middle values of an even count', () => {
    // 0, 0.15, 0.5, 0.8 → (0.15 + 0.5) ÷ 2 = 0.325
    expect(teamMedian([0.8, 0.5, 0.15, 0])).toBeCloseTo(0.325, 12)
  })

  it('is null when no rep has a value', () => {
    expect(teamMedian([null, null])).toBeNull()
    expect(teamMedian([])).toBeNull()
  })
})

describe('shortfall', () => {
  it('is 1 − value ÷ median for a KPI where higher is better', () => {
    expect(shortfall('win_rate', 0.25, 0.5)).toBe(0.5) // 1 − 0.25 ÷ 0.5
    expect(shortfall('avg_deal_size', 300000, 2000000)).toBeCloseTo(0.85, 12) // 1 − 3,000 ÷ 20,000
    expect(shortfall('deals_created', 6, 3)).toBe(-1) // 1 − 6 ÷ 3: above the team
  })

  it('is 1 − median ÷ value for the sales cycle, where shorter is better', () => {
    expect(shortfall('sales_cycle_days', 90, 40)).toBeCloseTo(5 / 9, 12) // 1 − 40 ÷ 90
    expect(shortfall('sales_cycle_days', 20, 40)).toBe(-1) // 1 − 40 ÷ 20: faster than the team
  })

  it('is null when either value is missing or the ratio has no meaning', () => {
    expect(shortfall('win_rate', null, 0.5)).toBeNull()
    expect(shortfall('win_rate', 0.5, null)).toBeNull()
    expect(shortfall('deals_created', 2, 0)).toBeNull() // team median 0
    expect(shortfall('sales_cycle_days', 0, 40)).toBeNull() // a 0-day cycle cannot be beaten
  })
})

describe('coachOn', () => {
  const team: KpiValues = {
    quota_attainment: 0.325,
    win_rate: 2 / 3,
    avg_deal_size: 2000000,
    sales_cycle_days: 40,
    pipeline_coverage: 1.0441,
    deals_created: 3,
  }

  it('names the KPI with the largest shortfall and gives that shortfall', () => {
    // Bo: win rate 1 − (1/3) ÷ (2/3) = 0.5; cycle 1 − 40 ÷ 90 = 0.5556 → cycle
    const bo: KpiValues = {
      ...team,
      quota_attainment: 0.5,
      win_rate: 1 / 3,
      sales_cycle_days: 90,
      pipeline_coverage: 1.5,
    }
    const result = coachOn(bo, team)
    expect(result?.kpi).toBe('sales_cycle_days')
    expect(result?.gap).toBeCloseTo(5 / 9, 12)
  })

  it('is null when the rep is at or above the team median everywhere', () => {
    expect(coachOn({ ...team, quota_attainment: 0.8 }, team)).toBeNull()
  })

  it('skips KPIs the rep has no value for, and breaks ties by column order', () => {
    // a rep without deals: attainment 0, coverage 0, created 0 all fall short by 1 − 0 = 1;
    // win rate, deal size and cycle are null → quota_attainment (first in column order)
    const idle: KpiValues = {
      quota_attainment: 0,
      win_rate: null,
      avg_deal_size: null,
      sales_cycle_days: null,
      pipeline_coverage: 0,
      deals_created: 0,
    }
    expect(coachOn(idle, team)).toEqual({ kpi: 'quota_attainment', gap: 1 })
  })
})

describe('bottom quartile', () => {
  it('has no boundary for fewer than 4 values', () => {
    expect(bottomQuartileBoundary('win_rate', [0.1, 0.2, 0.3, null])).toBeNull()
  })

  it('takes the worst of 4 or 5 values as the boundary (⌊n ÷ 4⌋ = 1)', () => {
    expect(bottomQuartileBoundary('win_rate', [0.4, 0.1, 0.3, 0.2])).toBe(0.1)
    expect(bottomQuartileBoundary('win_rate', [0.5, 0.4, 0.1, 0.3, 0.2])).toBe(0.1)
  })

  it('takes the second worst of 8 values and flags ties with it', () => {
    // created 9, 8, 7, 6, 5, 4, 2, 2 → worst first 2, 2, … → ⌊8 ÷ 4⌋ = 2nd worst = 2: both reps with 2
    const values = [9, 8, 7, 6, 5, 4, 2, 2]
    const boundary = bottomQuartileBoundary('deals_created', values)
    expect(boundary).toBe(2)
    expect(values.filter((v) => inBottomQuartile('deals_created', v, boundary))).toEqual([2, 2])
  })

  it('counts the longest cycles as the worst', () => {
    // cycles 30, 40, 50, 60, 90, 120, 35, 45 → worst first 120, 90, … → boundary 90
    const boundary = bottomQuartileBoundary('sales_cycle_days', [30, 40, 50, 60, 90, 120, 35, 45])
    expect(boundary).toBe(90)
    expect(inBottomQuartile('sales_cycle_days', 120, boundary)).toBe(true)
    expect(inBottomQuartile('sales_cycle_days', 60, boundary)).toBe(false)
  })

  it('never flags a missing value or a team without a boundary', () => {
    expect(inBottomQuartile('win_rate', null, 0.1)).toBe(false)
    expect(inBottomQuartile('win_rate', 0, null)).toBe(false)
  })
})
