import { describe, expect, it } from 'vitest'
import { day, money } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { backtest, replayPeriods, summarizeBacktest } from './backtest.js'
import type { BacktestRow } from './backtest.js'
import { forecastInput } from './pipeline-at.js'
import { workedDeals, workedHistory } from './test-factories.js'

const cal = { fiscalYearStart: 1 }
const q = (iso: string) => periodOf(day(iso), 'quarter', cal)
const row = (
  method: BacktestRow['method'],
  period: string,
  forecast: number | null,
  actual: number,
  p?: [number, number],
): BacktestRow => ({
  period: q(period),
  asOf: q(period).start,
  method,
  forecast,
  actual,
  p10: p?.[0] ?? null,
  p90: p?.[1] ?? null,
})

describe('backtest', () => {
  it('replays the last N periods before the as-of period', () => {
    expect(
      replayPeriods(day('2025-07-01'), { grain: 'quarter', calendar: cal, periods: 2 }).map((p) => p.label),
    ).toEqual(['2025-Q1', '2025-Q2'])
  })

  it('scores WAPE, bias, hit rates, coverage, accuracy and the improvement over weighted', () => {
    // two quarters, actual 100 and 300. weighted 150 / 330: |50| + |30| = 80 → WAPE 80/400 = 0.2, bias +0.2
    // montecarlo 90 / 300: errors 10 and 0 → WAPE 10/400 = 0.025, bias −0.025, APE 0.1 and 0 → both within 10%
    // coverage: 100 in [80, 120] yes, 300 in [310, 400] no → 0.5; improvement 1 − 0.025/0.2 = 0.875
    const rows = [
      row('weighted', '2025-01-01', 150, 100),
      row('weighted', '2025-04-01', 330, 300),
      row('montecarlo', '2025-01-01', 90, 100, [80, 120]),
      row('montecarlo', '2025-04-01', 300, 300, [310, 400]),
      row('commit', '2025-01-01', null, 100),
    ]
    const byMethod = new Map(summarizeBacktest(rows).map((s) => [s.method, s]))
    expect(byMethod.get('weighted')).toMatchObject({
      periods: 2,
      wape: 0.2,
      bias: 0.2,
      p10_p90_coverage: null,
    })
    expect(byMethod.get('weighted')?.within_20pct_share).toBe(0.5) // APE 0.5 and 0.1
    expect(byMethod.get('weighted')?.forecast_accuracy).toBeCloseTo(1 - (0.5 + 0.1) / 2, 12)
    const mc = byMethod.get('montecarlo')
    expect(mc).toMatchObject({
      periods: 2,
      wape: 0.025,
      bias: -0.025,
      within_10pct_share: 1,
      p10_p90_coverage: 0.5,
    })
    expect(mc?.improvement_vs_weighted).toBeCloseTo(0.875, 12)
    expect(byMethod.get('commit')).toMatchObject({ periods: 0, wape: null, improvement_vs_weighted: null })
  })

  it('replays the worked example at the start of Q2 2025 without peeking at later outcomes', () => {
    const input = forecastInput(workedDeals, workedHistory)
    const rows = backtest(input, day('2025-07-01'), {
      grain: 'quarter',
      calendar: cal,
      periods: 1,
      at: 'start',
      simulations: 500,
      seed: 1,
    })
    const weighted = rows.find((r) => r.method === 'weighted')
    // at 2025-04-01: C open in Proposal closing 05-01; its history row has no probability, so the stage
    // default (the most common probability of Proposal deals: G and H, 0.6) → 200 × 0.6 = 120;
    // D's close date then was 08-01 → not in Q2
    expect(weighted?.forecast).toBeCloseTo(money(120), 6)
    expect(weighted?.actual).toBe(money(350)) // C 200 + F 150
    expect(rows.find((r) => r.method === 'commit')?.forecast).toBe(0)
  })
})
