import { describe, expect, it } from 'vitest'
import type { Account } from '../../model/account.js'
import { contract, day, money } from '../../../test/support/factories.js'
import { renewalsSection, territoriesSection } from './sections.js'

function account(id: string, overrides: Partial<Account>): Account {
  return { id, source_file: 'accounts.csv', source_line: 2, ...overrides } satisfies Account
}

describe('territoriesSection', () => {
  // two territories of one account each, potentials 3.00 and 1.00 (300 and 100 cents): mean 200 → deviations +0.5
  // and −0.5, largest ÷ smallest 3, CV = 100 ÷ 200 = 0.5
  const placed = [
    account('A1', { lat: 40, lon: -74, potential: money(3), workload: 10, territory: 'T1' }),
    account('A2', { lat: 41, lon: -75, potential: money(1), workload: 10, territory: 'T2' }),
  ]

  it('reports balance as territories report does', () => {
    const s = territoriesSection(placed, undefined, 0.1)
    if (typeof s === 'string') throw new Error(s)
    expect(s.territories.map((t) => [t.territory, t.potentialDev])).toEqual([
      ['T1', 0.5],
      ['T2', -0.5],
    ])
    expect(s.maxMinRatio).toBe(3)
    expect(s.cv).toBe(0.5)
    expect(s.band).toBe(0.1)
  })

  it('places an account without lat/lon by its US ZIP code, like territories does', () => {
    const zipOnly = [
      placed[0] as Account,
      account('A2', { postal_code: '2134', potential: money(1), territory: 'T2' }),
    ]
    // '2134' lost its leading zero: looked up as 02134
    const asked: string[] = []
    const s = territoriesSection(
      zipOnly,
      (zip) => {
        asked.push(zip)
        return { lat: 42.35, lon: -71.1 }
      },
      null,
    )
    expect(asked).toEqual(['02134'])
    expect(typeof s).not.toBe('string')
  })

  it('says why it cannot report', () => {
    expect(territoriesSection([account('A1', { lat: 1, lon: 1 })], undefined, null)).toBe(
      'the accounts have no territory column',
    )
    expect(
      territoriesSection(
        [placed[0] as Account, account('B1', { postal_code: '10115', country: 'DE', territory: 'T2' })],
        undefined,
        null,
      ),
    ).toBe(
      '1 of 2 accounts have no location (lat/lon, or a US ZIP code); salesops territories report names them',
    )
  })
})

describe('renewalsSection', () => {
  // as of 2026-11-27, window 90 days, grace 30
  const ctx = { asOf: day('2026-11-27'), grain: 'quarter' as const, calendar: { fiscalYearStart: 1 } }
  const contracts = [
    // due: ends in 3 and in 33 days (end − as-of)
    contract({ account_id: 'A1', start: day('2025-12-01'), end: day('2026-11-30'), value: money(1000) }),
    contract({ account_id: 'A2', start: day('2025-12-31'), end: day('2026-12-30'), value: money(2500) }),
    // overdue: ended 7 days ago, not renewed
    contract({ account_id: 'A3', start: day('2025-11-21'), end: day('2026-11-20'), value: money(400) }),
    // upcoming: ends in 2027-06, outside the window
    contract({ account_id: 'A4', start: day('2026-07-01'), end: day('2027-06-30'), value: money(9000) }),
  ]

  it('counts and sums the due and overdue contracts, soonest first', () => {
    const s = renewalsSection(contracts, ctx, { withinDays: 90, limit: 2 })
    expect(s.dueCount).toBe(2)
    expect(s.dueValue).toBe(money(3500)) // 1,000 + 2,500
    expect(s.overdueCount).toBe(1)
    expect(s.overdueValue).toBe(money(400))
    // the overdue one (ended 2026-11-20) first; the limit keeps two of three, one omitted
    expect(s.renewals.map((r) => [r.account, r.daysLeft, r.status])).toEqual([
      ['A3', -7, 'overdue'],
      ['A1', 3, 'due'],
    ])
    expect(s.omitted).toBe(1)
  })
})
