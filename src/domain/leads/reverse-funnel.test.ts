import { describe, expect, it } from 'vitest'
import { formatIsoDate } from '../../model/calendar-date.js'
import { cents } from '../../model/money.js'
import { lastCompletePeriod, reverseFunnel, reverseFunnelRows } from './reverse-funnel.js'
import type { ReverseFunnelOptions } from './reverse-funnel.js'
import { convertedLead, day, deal, lead } from './test-factories.js'

const TARGET = cents(10_000_000) // $100,000.00

describe('reverseFunnel', () => {
  it('works back from the target through deal size, win rate and conversion rate', () => {
    // 18 leads, 10 converted, 5 won worth 4,350,004¢, 2 lost.
    // avg won deal 4,350,004 ÷ 5 = 870,000.8 → 870,001¢ shown;
    // won deals ⌈10,000,000 × 5 ÷ 4,350,004⌉ = ⌈11.49⌉ = 12; closed deals ⌈12 × 7 ÷ 5⌉ = ⌈16.8⌉ = 17;
    // leads ⌈17 × 18 ÷ 10⌉ = ⌈30.6⌉ = 31.
    expect(
      reverseFunnel({ leads: 18, converted: 10, wonDeals: 5, lostDeals: 2, wonAmount: 4_350_004 }, TARGET),
    ).toEqual({
      target: 10_000_000,
      avg_won_deal: 870_001,
      win_rate: 5 / 7,
      conversion_rate: 10 / 18,
      required_won_deals: 12,
      required_deals: 17,
      required_leads: 31,
    })
  })

  it('uses the exact deal size, not the rounded one', () => {
    // 2 won deals worth 3¢: the mean 1.5¢ shows as 2¢, but a 6¢ target needs ⌈6 × 2 ÷ 3⌉ = 4 won
    // deals, not ⌈6 ÷ 2⌉ = 3; 4 converted of 8 leads, none lost → 4 deals, ⌈4 × 8 ÷ 4⌉ = 8 leads
    expect(
      reverseFunnel({ leads: 8, converted: 4, wonDeals: 2, lostDeals: 0, wonAmount: 3 }, cents(6)),
    ).toMatchObject({ avg_won_deal: 2, required_won_deals: 4, required_deals: 4, required_leads: 8 })
  })

  it('rounds every step up', () => {
    // 9 leads, 4 converted, 2 won worth 1,250,004¢, 1 lost: ⌈10,000,000 × 2 ÷ 1,250,004⌉ = ⌈15.99995⌉ = 16;
    // ⌈16 × 3 ÷ 2⌉ = 24; ⌈24 × 9 ÷ 4⌉ = 54
    expect(
      reverseFunnel({ leads: 9, converted: 4, wonDeals: 2, lostDeals: 1, wonAmount: 1_250_004 }, TARGET),
    ).toMatchObject({ avg_won_deal: 625_002, required_won_deals: 16, required_deals: 24, required_leads: 54 })
  })

  it('does not round up a step that divides exactly', () => {
    // avg 1,000,000 ÷ 2 = 500,000; 1,000,000 ÷ 500,000 = 2 won; 2 ÷ (2/4) = 4 deals; 4 ÷ (4/10) = 10 leads
    expect(
      reverseFunnel(
        { leads: 10, converted: 4, wonDeals: 2, lostDeals: 2, wonAmount: 1_000_000 },
        cents(1_000_000),
      ),
    ).toMatchObject({ required_won_deals: 2, required_deals: 4, required_leads: 10 })
  })

  it('leaves every step null without a won deal, keeping the rates it has', () => {
    // 3 lost, none won: win rate 0 ÷ 3 = 0; conversion 3 ÷ 6 = 0.5
    expect(
      reverseFunnel({ leads: 6, converted: 3, wonDeals: 0, lostDeals: 3, wonAmount: 0 }, TARGET),
    ).toEqual({
      target: 10_000_000,
      avg_won_deal: null,
      win_rate: 0,
      conversion_rate: 0.5,
      required_won_deals: null,
      required_deals: null,
      required_leads: null,
    })
  })

  it('gives null rates for a group with no converted lead', () => {
    expect(
      reverseFunnel({ leads: 2, converted: 0, wonDeals: 0, lostDeals: 0, wonAmount: 0 }, TARGET),
    ).toEqual({
      target: 10_000_000,
      avg_won_deal: null,
      win_rate: null, // no closed deal: empty denominator
      conversion_rate: 0,
      required_won_deals: null,
      required_deals: null,
      required_leads: null,
    })
  })

  it('leaves required leads null when no lead converted', () => {
    expect(
      reverseFunnel({ leads: 5, converted: 0, wonDeals: 1, lostDeals: 0, wonAmount: 400_000 }, TARGET),
    ).toMatchObject({ required_won_deals: 25, required_deals: 25, required_leads: null }) // 10,000,000 ÷ 400,000
  })

  it('leaves the steps null when the won amount is not positive', () => {
    expect(
      reverseFunnel({ leads: 5, converted: 1, wonDeals: 1, lostDeals: 0, wonAmount: 0 }, TARGET),
    ).toMatchObject({ avg_won_deal: 0, required_won_deals: null, required_deals: null, required_leads: null })
  })

  it('stays exact past 2^53', () => {
    // $10 billion target, 3 won deals worth 7¢ in all: ⌈10^12 × 3 ÷ 7⌉ = ⌈428,571,428,571.43⌉
    expect(
      reverseFunnel(
        { leads: 3, converted: 3, wonDeals: 3, lostDeals: 0, wonAmount: 7 },
        cents(1_000_000_000_000),
      ).required_won_deals,
    ).toBe(428_571_428_572)
  })
})

describe('lastCompletePeriod', () => {
  it.each([
    ['2026-07-15', 'quarter', 1, '2026-Q2', '2026-04-01'],
    ['2026-06-30', 'quarter', 1, '2026-Q2', '2026-04-01'], // the as-of day itself counts as done
    ['2026-07-01', 'quarter', 1, '2026-Q2', '2026-04-01'],
    ['2026-11-27', 'month', 1, '2026-10', '2026-10-01'],
    ['2026-11-27', 'year', 1, '2025', '2025-01-01'],
    ['2026-11-27', 'week', 1, '2026-W47', '2026-11-16'], // 2026-11-27 is a Friday of W48
    ['2026-11-27', 'quarter', 2, 'FY2027-Q3', '2026-08-01'], // FY2027-Q4 = Nov–Jan is under way
  ] as const)('on %s by %s (fiscal start %s) is %s', (asOf, grain, start, label, first) => {
    const period = lastCompletePeriod(day(asOf), grain, { fiscalYearStart: start })
    expect([period?.label, period === undefined ? undefined : formatIsoDate(period.start)]).toEqual([
      label,
      first,
    ])
  })

  it('is undefined for --period all', () => {
    expect(lastCompletePeriod(day('2026-11-27'), 'all')).toBeUndefined()
  })
})

describe('reverseFunnelRows', () => {
  // Inbound: 4 leads, L-1 → D-1 won 1,000,000¢, L-2 → D-2 lost, L-3 → D-3 won 250,004¢ (created in Q2), L-4 not.
  // Event: 2 leads, none converted (one created in Q2).
  const leads = [
    convertedLead('L-1', '2026-01-05', '2026-01-15', 'D-1'),
    convertedLead('L-2', '2026-01-20', '2026-02-09', 'D-2'),
    convertedLead('L-3', '2026-04-06', '2026-04-10', 'D-3'),
    lead({ id: 'L-4', created: day('2026-07-02') }),
    lead({ id: 'L-5', source: 'Event', created: day('2026-02-10') }),
    lead({ id: 'L-6', source: 'Event', created: day('2026-06-30') }),
  ]
  const options: ReverseFunnelOptions = {
    by: 'source',
    grain: 'quarter',
    deals: [deal('D-1', 'won', 1_000_000), deal('D-2', 'lost', 500_000), deal('D-3', 'won', 250_004)],
    target: TARGET,
    asOf: day('2026-07-15'),
  }

  it('gives each group its own funnel and the leads of the last complete period', () => {
    const { rows, lastPeriod } = reverseFunnelRows(leads, options)
    expect(lastPeriod?.label).toBe('2026-Q2')
    expect(rows).toEqual([
      {
        group: 'Event',
        target: 10_000_000,
        avg_won_deal: null,
        win_rate: null,
        conversion_rate: 0,
        required_won_deals: null,
        required_deals: null,
        required_leads: null,
        leads_last_period: 1, // L-6 (2026-06-30); L-5 is Q1
      },
      {
        group: 'Inbound',
        target: 10_000_000,
        avg_won_deal: 625_002, // 1,250,004 ÷ 2
        win_rate: 2 / 3,
        conversion_rate: 0.75, // 3 ÷ 4
        required_won_deals: 16, // ⌈20,000,000 ÷ 1,250,004⌉ = ⌈15.99995⌉
        required_deals: 24, // ⌈16 × 3 ÷ 2⌉
        required_leads: 32, // ⌈24 × 4 ÷ 3⌉
        leads_last_period: 1, // L-3; L-4 is Q3
      },
    ])
  })

  it('computes the overall row from all leads at their blended rates', () => {
    // 6 leads, 3 converted, 2 won of 3 closed: the same won deals, so 16 and 24; leads ⌈24 × 6 ÷ 3⌉ = 48
    const { totals, counts } = reverseFunnelRows(leads, options)
    expect(counts).toEqual({ leads: 6, converted: 3, wonDeals: 2, lostDeals: 1, wonAmount: 1_250_004 })
    expect(totals).toMatchObject({
      conversion_rate: 0.5,
      required_won_deals: 16,
      required_deals: 24,
      required_leads: 48,
      leads_last_period: 2, // L-3, L-6
    })
  })

  it('leaves leads_last_period null with --period all', () => {
    const { rows, totals } = reverseFunnelRows(leads, { ...options, grain: 'all' })
    expect(rows.map((r) => r.leads_last_period)).toEqual([null, null])
    expect(totals.leads_last_period).toBeNull()
  })
})
