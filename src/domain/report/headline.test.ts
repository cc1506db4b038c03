import { describe, expect, it } from 'vitest'
import { day, deal, money, quota } from '../../../test/support/factories.js'
import { headlineSection } from './headline.js'

// as of 2026-11-27 (a Friday): 2026-Q4 began 2026-10-01, so 31 (Oct) + 27 (Nov) = 58 days have run.
// The previous period is compared over its first 58 days (2026-07-01 to 2026-08-27), last year's
// over 2025-10-01 to 2025-11-27.
const asOf = day('2026-11-27')
const deals = [
  deal({ status: 'won', close_date: day('2026-10-15'), created: day('2026-09-01'), amount: money(1000) }),
  deal({ status: 'won', close_date: day('2026-11-20'), created: day('2026-10-20'), amount: money(3000) }),
  deal({ status: 'lost', close_date: day('2026-11-01'), created: day('2026-10-02'), amount: money(500) }),
  // previous period, inside its first 58 days (Aug 10 < Aug 28)
  deal({ status: 'won', close_date: day('2026-08-10'), created: day('2026-07-05'), amount: money(2000) }),
  // previous period, after its first 58 days: in the trend, not in the comparison
  deal({ status: 'won', close_date: day('2026-09-15'), created: day('2026-08-01'), amount: money(5000) }),
  // a year ago, inside the window
  deal({ status: 'won', close_date: day('2025-11-01'), created: day('2025-10-01'), amount: money(4000) }),
  // open, closing in Q4: open pipeline
  deal({ status: 'open', close_date: day('2026-12-15'), created: day('2026-09-20'), amount: money(10000) }),
]
const quotas = [
  quota({ start: day('2026-10-01'), end: day('2026-12-31'), amount: money(20000) }),
  quota({ start: day('2026-07-01'), end: day('2026-09-30'), amount: money(10000) }),
]
const options = { asOf, grain: 'quarter' as const, calendar: { fiscalYearStart: 1 }, trendPeriods: 3 }

describe('headlineSection', () => {
  const s = headlineSection(deals, quotas, options)
  const metric = (key: string) => s.metrics.find((m) => m.key === key)

  it('measures the running period to date against the same days before', () => {
    expect(s.period).toBe('2026-Q4')
    expect(s.daysElapsed).toBe(58)
    expect(s.daysTotal).toBe(92) // 31 + 30 + 31
    expect(s.previousLabel).toBe('2026-Q3')
    expect(s.yearAgoLabel).toBe('2025-Q4')
    // won now: 1,000 + 3,000; previous window: 2,000 (the 5,000 of Sep 15 is after day 58); a year ago: 4,000
    expect(metric('won_amount')).toMatchObject({
      value: money(4000),
      previous: money(2000),
      yearAgo: money(4000),
    })
    // closed now: 2 won + 1 lost → 2/3; previous: 1 won of 1 closed
    expect(metric('win_rate')?.value).toBeCloseTo(2 / 3, 12)
    expect(metric('win_rate')?.previous).toBe(1)
    // created in Oct 1 – Nov 27: the deals of Oct 20 and Oct 2
    expect(metric('deals_created')?.value).toBe(2)
    expect(metric('avg_deal_size')?.value).toBe(money(2000))
  })

  it('gives pipeline and coverage for now only, attainment of the full quota', () => {
    expect(metric('open_pipeline')).toMatchObject({ value: money(10000), previous: null, yearAgo: null })
    // 4,000 ÷ 20,000 = 0.2; previous 2,000 ÷ 10,000 = 0.2; no quota a year ago
    expect(metric('quota_attainment')).toMatchObject({ value: 0.2, previous: 0.2, yearAgo: null })
    // open 10,000 ÷ (20,000 − 4,000 left) = 0.625
    expect(metric('pipeline_coverage')?.value).toBe(0.625)
  })

  it('leaves attainment and coverage out without quotas', () => {
    const keys = headlineSection(deals, undefined, options).metrics.map((m) => m.key)
    expect(keys).not.toContain('quota_attainment')
    expect(keys).not.toContain('pipeline_coverage')
  })

  it('keeps each metric per trend period for the sparklines, the current one to date', () => {
    // Q2: nothing; Q3: 2,000 + 5,000 won, nothing lost (win rate 1); Q4 to date: 4,000, 2 of 3
    expect(metric('won_amount')?.history).toEqual([0, money(7000), money(4000)])
    expect(metric('win_rate')?.history?.[0]).toBeNull()
    expect(metric('win_rate')?.history?.[1]).toBe(1)
    expect(metric('win_rate')?.history?.[2]).toBeCloseTo(2 / 3, 12)
    // no history where there is no past to compare: open pipeline
    expect(metric('open_pipeline')?.history).toBeUndefined()
  })

  it('trends bookings per period with the year before', () => {
    // Q2: nothing; Q3: 2,000 + 5,000; Q4 to date: 4,000 (and 4,000 in Q4 2025)
    expect(s.trend).toEqual([
      { label: '2026-Q2', value: 0, prior: 0, partial: false },
      { label: '2026-Q3', value: money(7000), prior: 0, partial: false },
      { label: '2026-Q4', value: money(4000), prior: money(4000), partial: true },
    ])
  })
})
