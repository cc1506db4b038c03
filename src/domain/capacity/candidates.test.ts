import { describe, expect, it } from 'vitest'
import { day } from '../../../test/support/factories.js'
import { formatIsoDate } from '../../model/calendar-date.js'
import { candidatePipeline, expectedHiresBy } from './candidates.js'
import type { Candidate, CurrentStage } from './candidates.js'

const c = (name: string, stage: CurrentStage, ...dates: (string | undefined)[]): Candidate => {
  const [applied, screen, interview, offer, hired] = dates.map((d) => (d === undefined ? undefined : day(d)))
  return {
    candidate: name,
    role: 'AE',
    stage,
    line: 2,
    reached: Object.fromEntries(
      Object.entries({ applied, screen, interview, offer, hired }).filter(([, v]) => v !== undefined),
    ),
  }
}
// fixtures/capacity/candidates.csv
const CANDIDATES = [
  c('K1', 'hired', '2026-01-05', '2026-01-12', '2026-01-26', '2026-02-09', '2026-03-06'),
  c('K2', 'hired', '2026-03-02', '2026-03-09', '2026-03-23', '2026-04-20', '2026-05-11'),
  c('K3', 'rejected', '2026-04-01', '2026-04-08', '2026-04-20'),
  c('K4', 'withdrawn', '2026-05-01', '2026-05-10'),
  c('K5', 'rejected', '2026-06-01'),
  c('K6', 'offer', '2026-10-01', '2026-10-08', '2026-10-20', '2026-11-05'),
  c('K7', 'interview', '2026-10-15', '2026-10-22', '2026-11-02'),
  c('K8', 'screen', '2026-11-01', '2026-11-08'),
  c('K9', 'applied', '2026-11-10'),
]

describe('candidatePipeline', () => {
  const p = candidatePipeline(CANDIDATES, day('2026-11-15'))

  it('counts the candidates that reached each stage and the conversion to the next', () => {
    // reached: applied 9, screen 7 (all but K5, K9), interview 5, offer 3, hired 2
    expect(p.stages.map((s) => [s.stage, s.reached, s.open])).toEqual([
      ['applied', 9, 1],
      ['screen', 7, 1],
      ['interview', 5, 1],
      ['offer', 3, 1],
      ['hired', 2, 0],
    ])
    expect(p.stages.map((s) => s.conversion)).toEqual([7 / 9, 5 / 7, 3 / 5, 2 / 3, null])
    expect(p.stages.map((s) => s.hire_rate)).toEqual([2 / 9, 2 / 7, 2 / 5, 2 / 3, 1])
  })

  it('takes the median days from applied to hired as time to hire', () => {
    // K1 Jan 5 → Mar 6 = 60 days; K2 Mar 2 → May 11 = 70 days → 65
    expect(p.timeToHireDays).toBe(65)
  })

  it('expects each open candidate on applied + time to hire with their stage’s hire rate', () => {
    // K6 2026-10-01 + 65 = 12-05 (2/3); K7 10-15 + 65 = 12-19 (2/5); K8 11-01 + 65 = 2027-01-05 (2/7); K9 01-14 (2/9)
    expect(p.expected.map((e) => [e.candidate, formatIsoDate(e.date), e.probability])).toEqual([
      ['K6', '2026-12-05', 2 / 3],
      ['K7', '2026-12-19', 2 / 5],
      ['K8', '2027-01-05', 2 / 7],
      ['K9', '2027-01-14', 2 / 9],
    ])
    // by 2027-01-01: K6 + K7 = 1.0667; by 2027-04-01 all four = 1.5746
    expect(expectedHiresBy(p, day('2027-01-01'))).toBeCloseTo(2 / 3 + 2 / 5, 12)
    expect(expectedHiresBy(p, day('2026-07-01'))).toBe(0)
  })
})
