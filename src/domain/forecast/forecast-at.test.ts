import { describe, expect, it } from 'vitest'
import { day, deal, money } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { DEFAULT_SIGMA, bookingsSeries, forecastAt } from './forecast-at.js'
import { forecastInput } from './pipeline-at.js'
import { change, workedDeals, workedHistory } from './test-factories.js'

const cal = { fiscalYearStart: 1 }
const settings = { grain: 'quarter', calendar: cal, horizon: 1, simulations: 2000, seed: 7 } as const
const t = day('2025-07-01')
const q3 = periodOf(t, 'quarter', cal)
const input = forecastInput(workedDeals, workedHistory)

describe('forecastAt on the worked example (3 open deals, 2 resolved quarters; fixtures/forecast/README.md)', () => {
  const [f] = forecastAt(input, t, q3, settings)
  if (f === undefined) throw new Error('one period')

  it('rolls up commit and best case over the open deals closing in the period', () => {
    // nothing closed in [07-01, 07-01); G 1,000 best case closes in Q3, H (commit) closes in Q4, I 400 pipeline
    expect(f.closedWonToDate).toBe(0)
    expect(f.commit).toBe(0)
    expect(f.bestCase).toBe(money(1000))
    expect(f.pipelineOpenInPeriod).toBe(money(1400))
    expect(f.nOpenDeals).toBe(3)
  })

  it('weights the in-period open deals by their probability (the baseline)', () => {
    expect(f.weighted).toBeCloseTo(money(1000 * 0.6 + 400 * 0.2), 6) // 600 + 80 = 680
  })

  it('converts every open deal at its bucket rate and adds the expected new pipeline', () => {
    // G 1,000 × 525/850 + H 500 × 225/650 + I 400 × 0.5 (Qualification unseen: pooled) + N̂ 100
    // = 617.647 + 173.077 + 200 + 100 = 1,090.724
    expect(f.conversion).toBeCloseTo(100000 * (525 / 850) + 50000 * (225 / 650) + 20000 + 10000, 6)
    expect(f.newPipeline).toBe(money(100))
    expect(f.nHistoryPeriods).toBe(2)
    expect(f.bucketMode).toBe('stage')
  })

  it('runs the run rate on the bookings series: below 6 points, the mean of the last values', () => {
    // Q1 2025: A 100 + E 50 = 150; Q2: C 200 + F 150 = 350 (Q4 2024 starts before the first close)
    expect(bookingsSeries(input, q3, cal)).toEqual([money(150), money(350)])
    expect(f.runRate).toBe(money(250))
  })

  it('uses conversion alone as the ensemble with less than a year of bookings history', () => {
    expect(f.ensembleHow).toBe('conversion')
    expect(f.ensemble).toBe(f.conversion)
  })

  it('brackets the conversion with the Monte Carlo range, with the default shock for a short history', () => {
    expect(f.sigma).toBe(DEFAULT_SIGMA) // no trailing period has 2 training periods before it
    expect(f.mcP10).toBeLessThan(f.mcP50)
    expect(f.mcP50).toBeLessThan(f.mcP90)
    expect(f.mcMean).toBeGreaterThan(f.conversion * 0.9)
    expect(f.mcMean).toBeLessThan(f.conversion * 1.1)
  })

  it('gives the same numbers for the same seed and nearby ones for another seed', () => {
    const [again] = forecastAt(input, t, q3, settings)
    expect(again).toEqual(f)
    const [other] = forecastAt(input, t, q3, { ...settings, seed: 8 })
    expect(other?.mcP50).not.toBe(f.mcP50)
    expect(Math.abs((other?.mcP90 ?? 0) - f.mcP90) / f.mcP90).toBeLessThan(0.05)
  })

  it('does not count a deal won after t as closed won to date, and keeps it in the pipeline at its old stage', () => {
    // a copy of the example replayed at 2025-04-01: C (won 2025-05-01) is open then, in Proposal for 200
    const [atQ2] = forecastAt(input, day('2025-04-01'), periodOf(day('2025-04-01'), 'quarter', cal), settings)
    expect(atQ2?.closedWonToDate).toBe(0)
    expect(atQ2?.nOpenDeals).toBe(2) // C and D
    expect(atQ2?.pipelineOpenInPeriod).toBe(money(200)) // C closes 05-01 in Q2; D's close date then was 08-01
  })

  it('forecasts the next period from deals closing in it, with no closed won to date', () => {
    const [, next] = forecastAt(input, t, q3, { ...settings, horizon: 2 })
    expect(next?.period.label).toBe('2025-Q4')
    expect(next?.closedWonToDate).toBe(0)
    expect(next?.commit).toBe(money(500)) // H
    expect(next?.weighted).toBeCloseTo(money(500 * 0.6), 6)
  })

  it('counts closes up to t in closed won to date mid-period', () => {
    const mid = forecastInput(
      [
        ...workedDeals,
        deal({
          id: 'J',
          stage: 'Closed Won',
          status: 'won',
          amount: money(70),
          created: day('2025-06-01'),
          close_date: day('2025-07-20'),
        }),
      ],
      [
        ...workedHistory,
        change('J', '2025-06-01', 'Proposal', 70, '2025-07-20'),
        change('J', '2025-07-20', 'Closed Won', 70),
      ],
    )
    const [f2] = forecastAt(mid, day('2025-07-21'), q3, settings)
    expect(f2?.closedWonToDate).toBe(money(70))
    const [f3] = forecastAt(mid, day('2025-07-20'), q3, settings)
    expect(f3?.closedWonToDate).toBe(0)
  })
})
