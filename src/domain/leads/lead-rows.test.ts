import { describe, expect, it } from 'vitest'
import { leadRows } from './lead-rows.js'
import type { LeadRowsOptions } from './lead-rows.js'
import { convertedLead, day, deal, lead } from './test-factories.js'

const bySource: LeadRowsOptions = { by: 'source', grain: 'all', deals: [] }

/**
 * Inbound: L-1 10 days → D-1 won 1,000,000¢; L-2 20 days → D-2 lost; L-3 not converted;
 * L-4 0 days → D-3 won 250,004¢. Event: L-5, L-6 not converted. No source: L-7 converted by status only.
 */
const leads = [
  convertedLead('L-1', '2026-01-05', '2026-01-15', 'D-1'),
  convertedLead('L-2', '2026-01-20', '2026-02-09', 'D-2'),
  lead({ id: 'L-3', created: day('2026-02-03') }),
  convertedLead('L-4', '2026-03-02', '2026-03-02', 'D-3'),
  lead({ id: 'L-5', source: 'Event', created: day('2026-02-10') }),
  lead({ id: 'L-6', source: 'Event', created: day('2026-02-11') }),
  lead({ id: 'L-7', source: undefined, created: day('2026-03-20'), status: 'Converted' }),
]
const deals = [
  deal('D-1', 'won', 1_000_000),
  deal('D-2', 'lost', 500_000),
  deal('D-3', 'won', 250_004),
  deal('D-9', 'won', 9_900_000), // no lead names it
]

describe('leadRows', () => {
  it('computes every metric per source, sorted as text with (none) last', () => {
    const { rows } = leadRows(leads, { ...bySource, deals })
    expect(rows).toEqual([
      {
        period: 'all',
        group: 'Event',
        leads: 2,
        converted: 0,
        conversion_rate: 0, // 0 ÷ 2: a rate of 0, not null (the denominator is not empty)
        days_to_convert: null, // no converted lead: mean of nothing
        median_days_to_convert: null,
        won_deals: 0,
        won_amount: 0,
        lead_to_won_rate: 0,
        revenue_per_lead: 0,
      },
      {
        period: 'all',
        group: 'Inbound',
        leads: 4,
        converted: 3,
        conversion_rate: 0.75, // 3 ÷ 4
        days_to_convert: 10, // (10 + 20 + 0) ÷ 3
        median_days_to_convert: 10, // 0, 10, 20
        won_deals: 2, // D-1, D-3 (D-2 lost)
        won_amount: 1_250_004, // 1,000,000 + 250,004
        lead_to_won_rate: 0.5, // 2 ÷ 4
        revenue_per_lead: 312_501, // 1,250,004 ÷ 4
      },
      {
        period: 'all',
        group: '(none)',
        leads: 1,
        converted: 1, // by status
        conversion_rate: 1,
        days_to_convert: null, // no converted_date
        median_days_to_convert: null,
        won_deals: 0,
        won_amount: 0,
        lead_to_won_rate: 0,
        revenue_per_lead: 0,
      },
    ])
  })

  it('computes the totals from the records', () => {
    const { totals } = leadRows(leads, { ...bySource, deals })
    expect(totals).toEqual({
      leads: 7,
      converted: 4, // L-1, L-2, L-4, L-7
      conversion_rate: 4 / 7,
      days_to_convert: 10, // (10 + 20 + 0) ÷ 3
      median_days_to_convert: 10,
      won_deals: 2,
      won_amount: 1_250_004,
      lead_to_won_rate: 2 / 7,
      revenue_per_lead: 178_572, // 1,250,004 ÷ 7 = 178,572 exactly
    })
  })

  it('never averages the rows for the totals', () => {
    // A: 1 lead, converted in 10 days. B: 3 leads, 2 converted in 2 and 4 days.
    // Rates A 1, B 2/3 average 0.8333, but the total is 3 ÷ 4 = 0.75;
    // mean days A 10, B 3 average 6.5, but the total is (10 + 2 + 4) ÷ 3 = 5.3333.
    const { totals } = leadRows(
      [
        convertedLead('A-1', '2026-01-01', '2026-01-11', undefined, { source: 'A' }),
        convertedLead('B-1', '2026-01-01', '2026-01-03', undefined, { source: 'B' }),
        convertedLead('B-2', '2026-01-01', '2026-01-05', undefined, { source: 'B' }),
        lead({ id: 'B-3', source: 'B' }),
      ],
      bySource,
    )
    expect(totals.conversion_rate).toBe(0.75)
    expect(totals.days_to_convert).toBeCloseTo(16 / 3, 10)
  })

  it('leaves a negative conversion time out of the mean and median and reports the lead', () => {
    // days 10 and 4 count; L-2 converted 2 days before it was created
    const negative = convertedLead('L-2', '2026-01-12', '2026-01-10', undefined)
    const { rows, diagnostics } = leadRows(
      [
        convertedLead('L-1', '2026-01-05', '2026-01-15', undefined),
        negative,
        convertedLead('L-3', '2026-01-06', '2026-01-10', undefined),
      ],
      bySource,
    )
    expect(rows[0]).toMatchObject({ converted: 3, days_to_convert: 7, median_days_to_convert: 7 }) // (10 + 4) ÷ 2
    expect(diagnostics.negative).toEqual([negative])
  })

  it('takes the median of an even count as the mean of the two middle values', () => {
    // days 10, 20, 0, 4 → mean 34 ÷ 4 = 8.5; sorted 0, 4, 10, 20 → median (4 + 10) ÷ 2 = 7
    const { totals } = leadRows(
      [
        convertedLead('L-1', '2026-01-05', '2026-01-15', undefined),
        convertedLead('L-2', '2026-01-20', '2026-02-09', undefined),
        convertedLead('L-3', '2026-03-02', '2026-03-02', undefined),
        convertedLead('L-4', '2026-04-06', '2026-04-10', undefined),
      ],
      bySource,
    )
    expect(totals).toMatchObject({ days_to_convert: 8.5, median_days_to_convert: 7 })
  })

  it('rounds revenue per lead half away from zero to the cent', () => {
    // 8 leads, won 1,250,004¢ → 156,250.5¢ → 156,251¢
    const eight = [
      convertedLead('L-1', '2026-01-05', '2026-01-15', 'D-1'),
      ...['L-2', 'L-3', 'L-4', 'L-5', 'L-6', 'L-7', 'L-8'].map((id) => lead({ id })),
    ]
    const { totals } = leadRows(eight, { ...bySource, deals: [deal('D-1', 'won', 1_250_004)] })
    expect(totals.revenue_per_lead).toBe(156_251)
  })

  it('counts a deal named by two leads once per row, once in the totals, and reports it', () => {
    const { rows, totals, diagnostics } = leadRows(
      [
        convertedLead('L-1', '2026-01-05', '2026-01-15', 'D-1', { source: 'A' }),
        convertedLead('L-2', '2026-01-06', '2026-01-15', 'D-1', { source: 'A' }),
        convertedLead('L-3', '2026-01-07', '2026-01-15', 'D-1', { source: 'B' }),
      ],
      { ...bySource, deals: [deal('D-1', 'won', 100_000)] },
    )
    expect(rows.map((r) => [r.group, r.won_deals, r.won_amount])).toEqual([
      ['A', 1, 100_000],
      ['B', 1, 100_000],
    ])
    expect(totals).toMatchObject({ won_deals: 1, won_amount: 100_000 })
    expect(diagnostics.sharedDeals).toBe(1)
  })

  it('counts open deals and deals missing from the file as neither won nor lost, reporting the missing', () => {
    const missing = convertedLead('L-2', '2026-01-05', '2026-01-15', 'D-99')
    const { totals, diagnostics } = leadRows(
      [convertedLead('L-1', '2026-01-05', '2026-01-15', 'D-4'), missing],
      { ...bySource, deals: [deal('D-4', 'open', 800_000)] },
    )
    expect(totals).toMatchObject({ converted: 2, won_deals: 0, won_amount: 0, revenue_per_lead: 0 })
    expect(diagnostics.unknownDeal).toEqual([missing])
  })

  it('leaves the deal columns null without deals', () => {
    const { totals } = leadRows(leads, { ...bySource, deals: undefined })
    expect(totals).toMatchObject({
      leads: 7,
      converted: 4,
      won_deals: null,
      won_amount: null,
      lead_to_won_rate: null,
      revenue_per_lead: null,
    })
  })

  it('puts each lead in the cohort of its created date, per fiscal quarter, also when it converted later', () => {
    // February fiscal year: 2026-01-31 is FY2026-Q4 (Nov–Jan), 2026-02-01 is FY2027-Q1 (Feb–Apr).
    // L-1 converted 2026-02-10 (FY2027-Q1) but counts for its FY2026-Q4 cohort.
    const undated = lead({ id: 'L-3', created: undefined })
    const { rows, totals, diagnostics } = leadRows(
      [
        convertedLead('L-1', '2026-01-31', '2026-02-10', undefined),
        lead({ id: 'L-2', created: day('2026-02-01') }),
        undated,
      ],
      { by: 'source', grain: 'quarter', calendar: { fiscalYearStart: 2 }, deals: undefined },
    )
    expect(rows.map((r) => [r.period, r.group, r.leads, r.converted, r.days_to_convert])).toEqual([
      ['FY2026-Q4', 'Inbound', 1, 1, 10], // 2026-01-31 → 2026-02-10
      ['FY2027-Q1', 'Inbound', 1, 0, null],
    ])
    expect(totals.leads).toBe(2) // the lead without a created date is in no period
    expect(diagnostics.withoutCreated).toEqual([undated])
  })

  it('keeps a lead without a created date with --period all', () => {
    const { totals, diagnostics } = leadRows([lead({ created: undefined })], bySource)
    expect(totals.leads).toBe(1)
    expect(diagnostics.withoutCreated).toEqual([])
  })

  it('sorts rows by period, then group', () => {
    const { rows } = leadRows(
      [
        lead({ id: 'L-1', source: 'B', created: day('2026-04-01') }),
        lead({ id: 'L-2', source: 'A', created: day('2026-04-30') }),
        lead({ id: 'L-3', source: 'B', created: day('2026-03-31') }),
      ],
      { by: 'source', grain: 'month', deals: undefined },
    )
    expect(rows.map((r) => `${r.period} ${r.group} ${r.leads}`)).toEqual([
      '2026-03 B 1',
      '2026-04 A 1',
      '2026-04 B 1',
    ])
  })

  it.each([
    ['owner', ['Ava Chen', 'Ben Ortiz']],
    ['segment', ['Enterprise', 'SMB']],
    ['region', ['East', 'West']],
  ] as const)('groups by %s', (by, groups) => {
    const { rows } = leadRows(
      [
        lead({ id: 'L-1', owner: 'Ben Ortiz', segment: 'SMB', region: 'West' }),
        lead({ id: 'L-2', owner: 'Ava Chen', segment: 'Enterprise', region: 'East' }),
      ],
      { by, grain: 'all', deals: undefined },
    )
    expect(rows.map((r) => r.group)).toEqual(groups)
  })

  it('returns no rows and empty totals for no leads', () => {
    const { rows, totals } = leadRows([], { ...bySource, deals })
    expect(rows).toEqual([])
    expect(totals).toMatchObject({
      leads: 0,
      conversion_rate: null,
      lead_to_won_rate: null,
      revenue_per_lead: null,
    })
  })
})
