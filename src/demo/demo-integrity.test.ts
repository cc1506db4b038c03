import { beforeAll, describe, expect, it } from 'vitest'
import { formatIsoDate, parseIsoDate } from '../model/calendar-date.js'
import { field, records } from './test-factories.js'
import { DEMO_SNAPSHOT, DEMO_STAGES, generateDemo } from './generate-demo.js'

type Rows = Record<string, string>[]
const today = formatIsoDate(DEMO_SNAPSHOT)
let data: Record<'reps' | 'accounts' | 'deals' | 'history' | 'quotas' | 'contracts' | 'leads' | 'nps', Rows>

beforeAll(() => {
  const files = generateDemo({ seed: 42 })
  data = {
    reps: records(files, 'reps.csv'),
    accounts: records(files, 'accounts.csv'),
    deals: records(files, 'deals.csv'),
    history: records(files, 'stage_history.csv'),
    quotas: records(files, 'quotas.csv'),
    contracts: records(files, 'contracts.csv'),
    leads: records(files, 'leads.csv'),
    nps: records(files, 'nps.csv'),
  }
})

describe('demo referential integrity', () => {
  it('gives every deal, account, quota, lead and contract owner the name of a rep', () => {
    const reps = new Set(data.reps.map((r) => field(r, 'name')))
    for (const rows of [data.deals, data.accounts, data.quotas, data.leads, data.contracts]) {
      expect(rows.filter((r) => !reps.has(field(r, 'owner')))).toEqual([])
    }
  })

  it('points every deal, contract and NPS answer at an existing account', () => {
    const accounts = new Map(data.accounts.map((a) => [field(a, 'id'), field(a, 'name')]))
    expect(data.deals.filter((d) => accounts.get(field(d, 'account_id')) !== field(d, 'account'))).toEqual([])
    expect(data.contracts.filter((c) => !accounts.has(field(c, 'account_id')))).toEqual([])
    expect(data.nps.filter((n) => !accounts.has(field(n, 'account_id')))).toEqual([])
  })

  it('points every converted lead at a deal created on the conversion date', () => {
    const created = new Map(data.deals.map((d) => [field(d, 'id'), field(d, 'created')]))
    const converted = data.leads.filter((l) => field(l, 'deal_id') !== '')
    expect(converted.length).toBeGreaterThan(500)
    expect(converted.filter((l) => created.get(field(l, 'deal_id')) !== field(l, 'converted_date'))).toEqual(
      [],
    )
    expect(
      converted.every(
        (l) => field(l, 'status') === 'Converted' && field(l, 'created') <= field(l, 'converted_date'),
      ),
    ).toBe(true)
  })

  it('makes every renewal start the day after the contract it renews, which is marked renewed', () => {
    const byId = new Map(data.contracts.map((c) => [field(c, 'id'), c]))
    const renewals = data.contracts.filter((c) => field(c, 'renewal_of') !== '')
    expect(renewals.length).toBeGreaterThan(200)
    for (const renewal of renewals) {
      const previous = byId.get(field(renewal, 'renewal_of'))
      expect(previous && field(previous, 'status')).toBe('Renewed')
      const end = previous === undefined ? '' : field(previous, 'end')
      expect(formatIsoDate((parseIsoDate(end) ?? 0) + 1)).toBe(field(renewal, 'start'))
    }
  })

  it('has churned, expired (overdue) and soon-ending contracts but no churned contract renewed', () => {
    const renewed = new Set(data.contracts.map((c) => field(c, 'renewal_of')))
    const churned = data.contracts.filter((c) => field(c, 'churn_date') !== '')
    expect(churned.length).toBeGreaterThan(10)
    expect(churned.filter((c) => renewed.has(field(c, 'id')))).toEqual([])
    const overdue = data.contracts.filter(
      (c) => field(c, 'end') < today && field(c, 'churn_date') === '' && !renewed.has(field(c, 'id')),
    )
    expect(overdue.length).toBeGreaterThan(5)
    const soon = formatIsoDate(DEMO_SNAPSHOT + 90)
    expect(
      data.contracts.filter((c) => field(c, 'end') >= today && field(c, 'end') <= soon).length,
    ).toBeGreaterThan(20)
  })

  it('gives quotas to reps for every quarter of the history and the next one', () => {
    const periods = [...new Set(data.quotas.map((q) => field(q, 'period')))]
    expect(periods[0]).toBe('2023-Q4')
    expect(periods[periods.length - 1]).toBe('2027-Q1')
    expect(periods).toHaveLength(14)
  })
})

describe('demo stage history', () => {
  it("ends every deal history at the deal's current stage, amount, close date, probability and category", () => {
    const last = new Map<string, Record<string, string>>()
    for (const row of data.history) last.set(field(row, 'deal_id'), row)
    expect(last.size).toBe(data.deals.length)
    const mismatches = data.deals.filter((deal) => {
      const row = last.get(field(deal, 'id'))
      return (
        row === undefined ||
        field(row, 'to_stage') !== field(deal, 'stage') ||
        field(row, 'amount') !== field(deal, 'amount') ||
        field(row, 'close_date') !== field(deal, 'close_date') ||
        field(row, 'probability') !== field(deal, 'probability') ||
        field(row, 'forecast_category') !== field(deal, 'forecast_category')
      )
    })
    expect(mismatches).toEqual([])
  })

  it('starts every history with an entry on the created date and chains from_stage to the previous to_stage', () => {
    const created = new Map(data.deals.map((d) => [field(d, 'id'), field(d, 'created')]))
    const broken: Record<string, string>[] = []
    let previous: Record<string, string> | undefined
    for (const row of data.history) {
      const ok =
        previous === undefined || field(previous, 'deal_id') !== field(row, 'deal_id')
          ? field(row, 'from_stage') === '' && field(row, 'date') === created.get(field(row, 'deal_id'))
          : field(row, 'from_stage') === field(previous, 'to_stage') &&
            field(row, 'date') >= field(previous, 'date')
      if (!ok) broken.push(row)
      previous = row
    }
    expect(broken).toEqual([])
  })

  it("uses the stage table's probability and forecast category on every move", () => {
    const table = new Map<string, string>(
      DEMO_STAGES.map((s) => [s.name, `${s.probability} ${s.forecastCategory}`]),
    )
    expect(
      data.history.filter(
        (r) =>
          table.get(field(r, 'to_stage')) !== `${field(r, 'probability')} ${field(r, 'forecast_category')}`,
      ),
    ).toEqual([])
  })

  it('records nothing after the snapshot', () => {
    expect(data.history.filter((r) => field(r, 'date') > today)).toEqual([])
    expect(
      data.deals.filter((d) => field(d, 'created') > today || field(d, 'last_activity') > today),
    ).toEqual([])
  })

  it('closes won and lost deals on or before the snapshot, on the day of their last move', () => {
    const closed = data.deals.filter((d) => field(d, 'stage').startsWith('Closed'))
    expect(closed.filter((d) => field(d, 'close_date') > today)).toEqual([])
    expect(closed.filter((d) => field(d, 'close_date') < field(d, 'created'))).toEqual([])
  })
})
