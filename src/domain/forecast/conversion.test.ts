import { describe, expect, it } from 'vitest'
import { day, money } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { ageBucket, bucketOf, learnRates, newPipelineWon, rateOf, trainingPoints } from './conversion.js'
import { forecastInput, pipelineAt } from './pipeline-at.js'
import { workedDeals, workedHistory } from './test-factories.js'

const cal = { fiscalYearStart: 1 }
const q3 = periodOf(day('2025-07-01'), 'quarter', cal)
const input = forecastInput(workedDeals, workedHistory)

describe('conversion', () => {
  it('learns from the same offset into the last resolved quarters, skipping those before the first close', () => {
    // first close 2024-12-15 (Z): Q2 and Q1 2025 are used, Q4 2024 starts before it
    const points = trainingPoints(day('2025-07-01'), q3, cal, 0, 4, input.firstClose)
    expect(points.map((p) => [p.period.label, p.t, p.window])).toEqual([
      ['2025-Q2', day('2025-04-01'), { start: day('2025-04-01'), end: day('2025-07-01') }],
      ['2025-Q1', day('2025-01-01'), { start: day('2025-01-01'), end: day('2025-04-01') }],
    ])
    // the next quarter (h = 1) needs the quarter after the training one resolved: only Q1 → Q2
    expect(
      trainingPoints(day('2025-07-01'), q3, cal, 1, 4, input.firstClose).map((p) => p.period.label),
    ).toEqual(['2025-Q1'])
  })

  it('shrinks each bucket rate toward the pooled rate (README worked example)', () => {
    const samples = trainingPoints(day('2025-07-01'), q3, cal, 0, 4, input.firstClose).map((p) => ({
      open: pipelineAt(input, p.t),
      window: p.window,
      newWon: newPipelineWon(input.deals, p.t, p.window),
    }))
    const rates = learnRates(samples, 'stage')
    // proposal|in: A 100 (won), B 100, C 200 (won) → W = 300, T = 400; proposal|after: D 200 → W = 0, T = 200
    // pooled r̄ = 300 / 600 = 0.5; m = 3 × 600 / 4 deals = 450 (in cents: 45,000)
    expect(rates.pooled).toBe(0.5)
    expect(rates.byBucket.get('proposal|in')).toBeCloseTo(525 / 850, 12) // (300 + 225) / (400 + 450)
    expect(rates.byBucket.get('proposal|after')).toBeCloseTo(225 / 650, 12) // (0 + 225) / (200 + 450)
    // new pipeline: E 50 won in Q1 (created after 01-01), F 150 in Q2 → N̂ = 100, sd = √((50² + 50²) / 1)
    expect(rates.newPipeline).toBe(money(100))
    expect(rates.newPipelineSd).toBeCloseTo(Math.sqrt(2 * money(50) ** 2), 9)
    expect(rates.periods).toBe(2)
  })

  it('gives an unseen bucket the pooled rate, and falls back to the CRM probability without training', () => {
    const [g] = pipelineAt(input, day('2025-07-01')).filter((d) => d.stage === 'Qualification')
    if (g === undefined) throw new Error('I is open')
    const window = { start: day('2025-07-01'), end: day('2025-10-01') }
    expect(rateOf(learnRates([{ open: [], window, newWon: 0 }], 'stage'), g, window)).toBe(0.2)
    const trained = learnRates([{ open: [g], window, newWon: 0 }], 'stage')
    expect(rateOf({ ...trained, byBucket: new Map() }, g, window)).toBe(0)
  })

  it('buckets by stage and close date position, or by age without history', () => {
    const [g] = pipelineAt(input, day('2025-07-01'))
    if (g === undefined) throw new Error('G is open')
    const window = { start: day('2025-07-01'), end: day('2025-10-01') }
    expect(bucketOf(g, window, 'stage')).toBe('proposal|in')
    expect(bucketOf({ ...g, closeDate: day('2025-06-30') }, window, 'stage')).toBe('proposal|before')
    expect(bucketOf({ ...g, closeDate: undefined }, window, 'stage')).toBe('proposal|none')
    expect(bucketOf(g, window, 'age')).toBe('age 30-89d') // created 2025-06-01: 30 days
    expect([0, 29, 30, 90, 179, 180, undefined].map(ageBucket)).toEqual([
      'age 0-29d',
      'age 0-29d',
      'age 30-89d',
      'age 90-179d',
      'age 90-179d',
      'age 180d+',
      'age unknown',
    ])
  })
})
