import { describe, expect, it } from 'vitest'
import { leadNotes, quotient, reverseFunnelNote } from './explain-leads.js'
import type { LeadDiagnostics } from './lead-rows.js'
import { lastCompletePeriod } from './reverse-funnel.js'
import { day, lead } from './test-factories.js'

const clean: LeadDiagnostics = {
  negative: [],
  undated: [],
  unknownDeal: [],
  sharedDeals: 0,
  withoutCreated: [],
}

describe('quotient', () => {
  it.each([
    [12, 4, '3'],
    [84, 5, '16.8'],
    [4_350_004, 500, '8700.008'],
    [50_000_000, 4_350_004, '11.4942…'], // 11.49424… cut, not rounded
    [1_600_001, 100_000, '16.0000…'], // 16.00001: never shown as a bare 16 that rounds up to 17
  ])('%s ÷ %s reads %s', (n, d, text) => {
    expect(quotient(n, d)).toBe(text)
  })
})

describe('leadNotes', () => {
  it('says nothing when every record was used and deals were given', () => {
    expect(leadNotes(clean, { withDeals: true })).toEqual([])
  })

  it('explains the empty deal columns without deals', () => {
    expect(leadNotes(clean, { withDeals: false })).toEqual([
      {
        level: 'note',
        text: 'no --deals given: won_deals, won_amount, lead_to_won_rate and revenue_per_lead are empty (they need the deals the leads converted into)',
      },
    ])
  })

  it('counts the left-out leads and points at the first one', () => {
    const negative = lead({ id: 'L-9', source_line: 10, converted_date: day('2026-01-01') })
    const unknown = lead({ id: 'L-17', source_line: 18, deal_id: 'D-99' })
    const notes = leadNotes(
      { ...clean, negative: [negative, negative], unknownDeal: [unknown], sharedDeals: 1 },
      { withDeals: true },
    )
    expect(notes).toEqual([
      {
        level: 'warning',
        text: '2 converted leads have a converted_date before the created date: counted as converted, left out of days_to_convert (first: L-9, leads.csv:10); salesops check lists them',
      },
      {
        level: 'warning',
        text: '1 lead names a deal_id that is not among the deals: outcome unknown, not counted as won or lost (first: L-17 → D-99, leads.csv:18)',
      },
      {
        level: 'note',
        text: '1 deal is the deal_id of more than one lead: counted once per row and once in the totals',
      },
    ])
  })
})

describe('reverseFunnelNote', () => {
  it('names the last complete period', () => {
    const asOf = day('2026-07-15')
    expect(
      reverseFunnelNote({ grain: 'quarter', asOf, lastPeriod: lastCompletePeriod(asOf, 'quarter') }).text,
    ).toBe(
      'target per quarter; leads_last_period = leads created in 2026-Q2, the last quarter complete on 2026-07-15',
    )
  })
})
