import { beforeAll, describe, expect, it } from 'vitest'
import { formatIsoDate, parseIsoDate } from '../model/calendar-date.js'
import { quarterEnd, quarterIndex } from './demo-calendar.js'
import { field, records } from './test-factories.js'
import { DEMO_SNAPSHOT, generateDemo } from './generate-demo.js'

type Rows = Record<string, string>[]
const today = formatIsoDate(DEMO_SNAPSHOT)
let data: Record<'reps' | 'deals' | 'history' | 'quotas' | 'leads' | 'nps', Rows>

beforeAll(() => {
  const files = generateDemo({ seed: 42 })
  data = {
    reps: records(files, 'reps.csv'),
    deals: records(files, 'deals.csv'),
    history: records(files, 'stage_history.csv'),
    quotas: records(files, 'quotas.csv'),
    leads: records(files, 'leads.csv'),
    nps: records(files, 'nps.csv'),
  }
})

function day(text: string): number {
  const date = parseIsoDate(text)
  if (date === undefined) throw new Error(`not a date: ${text}`)
  return date
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function winRate(deals: Rows): number {
  const won = deals.filter((d) => field(d, 'stage') === 'Closed Won').length
  const lost = deals.filter((d) => field(d, 'stage') === 'Closed Lost').length
  return won / (won + lost)
}

function bySegment(deals: Rows): Map<string, Rows> {
  const groups = new Map<string, Rows>()
  for (const deal of deals)
    groups.set(field(deal, 'segment'), [...(groups.get(field(deal, 'segment')) ?? []), deal])
  return groups
}

describe('the demo sales organisation', () => {
  it('has five managers, about forty account executives and one to three leavers', () => {
    const managers = data.reps.filter((r) => field(r, 'role') === 'Manager')
    const aes = data.reps.filter((r) => field(r, 'role') === 'Account Executive')
    expect(managers).toHaveLength(5)
    expect(aes.length).toBeGreaterThanOrEqual(36)
    expect(aes.length).toBeLessThanOrEqual(44)
    const leavers = data.reps.filter((r) => field(r, 'end_date') !== '')
    expect(leavers.length).toBeGreaterThanOrEqual(1)
    expect(leavers.length).toBeLessThanOrEqual(3)
    const managerNames = new Set(managers.map((m) => field(m, 'name')))
    expect(aes.every((r) => managerNames.has(field(r, 'manager')))).toBe(true)
  })

  it('lets recent hires open fewer deals than tenured reps while they ramp', () => {
    const recent = new Set(
      data.reps
        .filter((r) => day(field(r, 'hire_date')) > DEMO_SNAPSHOT - 183 && field(r, 'role') !== 'Manager')
        .map((r) => field(r, 'name')),
    )
    expect(recent.size).toBeGreaterThanOrEqual(2)
    const since = formatIsoDate(DEMO_SNAPSHOT - 90)
    const counts = new Map<string, number>()
    for (const d of data.deals)
      if (field(d, 'created') >= since)
        counts.set(field(d, 'owner'), (counts.get(field(d, 'owner')) ?? 0) + 1)
    const average = (names: string[]): number =>
      names.reduce((s, n) => s + (counts.get(n) ?? 0), 0) / names.length
    const tenured = [...counts.keys()].filter((n) => !recent.has(n))
    expect(average([...recent])).toBeLessThan(0.8 * average(tenured))
  })
})

describe('the demo deals', () => {
  it('win between 15% and 40% of closed deals', () => {
    expect(winRate(data.deals)).toBeGreaterThan(0.15)
    expect(winRate(data.deals)).toBeLessThan(0.4)
  })

  it('show at least three strong and three weak reps', () => {
    const overall = winRate(data.deals)
    const byOwner = new Map<string, Rows>()
    for (const deal of data.deals)
      byOwner.set(field(deal, 'owner'), [...(byOwner.get(field(deal, 'owner')) ?? []), deal])
    const rates = [...byOwner.values()].filter((deals) => deals.length >= 150).map(winRate)
    expect(rates.filter((r) => r > overall + 0.06).length).toBeGreaterThanOrEqual(3)
    expect(rates.filter((r) => r < overall - 0.06).length).toBeGreaterThanOrEqual(3)
  })

  it('win SMB deals more often than Enterprise deals', () => {
    const segments = bySegment(data.deals)
    expect(winRate(segments.get('SMB') ?? [])).toBeGreaterThan(
      winRate(segments.get('Enterprise') ?? []) + 0.04,
    )
  })

  it('size new deals by segment: SMB ~5–15k, Mid-Market ~20–60k, Enterprise ~80–400k', () => {
    const segments = bySegment(
      data.deals.filter((d) => field(d, 'type') === 'new' && field(d, 'product') === 'Platform'),
    )
    const medianOf = (s: string): number =>
      median((segments.get(s) ?? []).map((d) => Number(field(d, 'amount'))))
    expect(medianOf('SMB')).toBeGreaterThan(5_000)
    expect(medianOf('SMB')).toBeLessThan(15_000)
    expect(medianOf('Mid-Market')).toBeGreaterThan(20_000)
    expect(medianOf('Mid-Market')).toBeLessThan(60_000)
    expect(medianOf('Enterprise')).toBeGreaterThan(80_000)
    expect(medianOf('Enterprise')).toBeLessThan(400_000)
  })

  it('take longer to win the larger the segment', () => {
    const segments = bySegment(data.deals.filter((d) => field(d, 'stage') === 'Closed Won'))
    const cycle = (s: string): number =>
      median((segments.get(s) ?? []).map((d) => day(field(d, 'close_date')) - day(field(d, 'created'))))
    expect(cycle('SMB')).toBeLessThan(cycle('Mid-Market'))
    expect(cycle('Mid-Market')).toBeLessThan(cycle('Enterprise'))
  })

  it('bunch wins in the last three weeks of a quarter', () => {
    const won = data.deals.filter((d) => field(d, 'stage') === 'Closed Won')
    const late = won.filter((d) => {
      const close = day(field(d, 'close_date'))
      return quarterEnd(quarterIndex(close as never)) - close < 21
    })
    expect(late.length / won.length).toBeGreaterThan(0.35)
  })

  it('have an open pipeline with some stale close dates and many slipped ones', () => {
    const open = data.deals.filter((d) => !field(d, 'stage').startsWith('Closed'))
    expect(open.length).toBeGreaterThan(1000)
    const stale = open.filter((d) => field(d, 'close_date') < today)
    expect(stale.length / open.length).toBeGreaterThan(0.05)
    expect(stale.length / open.length).toBeLessThan(0.5)
    const firstClose = new Map<string, string>()
    for (const row of data.history)
      if (!firstClose.has(field(row, 'deal_id')))
        firstClose.set(field(row, 'deal_id'), field(row, 'close_date'))
    const slipped = open.filter((d) => field(d, 'close_date') > (firstClose.get(field(d, 'id')) ?? ''))
    expect(slipped.length / open.length).toBeGreaterThan(0.2)
  })

  it('change amounts during their life on some deals', () => {
    const firstAmount = new Map<string, string>()
    for (const row of data.history)
      if (!firstAmount.has(field(row, 'deal_id')))
        firstAmount.set(field(row, 'deal_id'), field(row, 'amount'))
    const changed = data.deals.filter((d) => field(d, 'amount') !== firstAmount.get(field(d, 'id')))
    expect(changed.length / data.deals.length).toBeGreaterThan(0.1)
  })

  it('record a cost of 20–40% of the amount on won deals only', () => {
    const won = data.deals.filter((d) => field(d, 'stage') === 'Closed Won')
    const others = data.deals.filter((d) => field(d, 'stage') !== 'Closed Won')
    expect(others.filter((d) => field(d, 'cost') !== '')).toEqual([])
    const shares = won.map((d) => Number(field(d, 'cost')) / Number(field(d, 'amount')))
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.199)
    expect(Math.max(...shares)).toBeLessThanOrEqual(0.401)
  })
})

describe('the demo quotas, leads and NPS', () => {
  it('are roughly achievable: teams book 80–110% of quota over the mature quarters', () => {
    const team = new Map(data.reps.map((r) => [field(r, 'name'), field(r, 'team')]))
    const quota = new Map<string, number>()
    const won = new Map<string, number>()
    for (const q of data.quotas) {
      if (field(q, 'period') < '2024-Q2' || field(q, 'period') > '2026-Q3') continue
      const key = team.get(field(q, 'owner')) ?? ''
      quota.set(key, (quota.get(key) ?? 0) + Number(field(q, 'amount')))
    }
    for (const d of data.deals) {
      const close = field(d, 'close_date')
      if (field(d, 'stage') !== 'Closed Won' || close < '2024-04-01' || close > '2026-09-30') continue
      const key = team.get(field(d, 'owner')) ?? ''
      won.set(key, (won.get(key) ?? 0) + Number(field(d, 'amount')))
    }
    expect(quota.size).toBe(5)
    for (const [key, amount] of quota) {
      expect((won.get(key) ?? 0) / amount).toBeGreaterThan(0.8)
      expect((won.get(key) ?? 0) / amount).toBeLessThan(1.1)
    }
  })

  it('convert leads at different rates by source', () => {
    const rate = (source: string): number => {
      const leads = data.leads.filter((l) => field(l, 'source') === source)
      return leads.filter((l) => field(l, 'status') === 'Converted').length / leads.length
    }
    expect(data.leads.length).toBeGreaterThan(6000)
    expect(rate('Referral')).toBeGreaterThan(2 * rate('Event'))
    expect(rate('Inbound')).toBeGreaterThan(2 * rate('Outbound'))
  })

  it('score NPS from 0 to 10 with more promoters than detractors', () => {
    const scores = data.nps.map((n) => Number(field(n, 'score')))
    expect(scores.every((s) => Number.isInteger(s) && s >= 0 && s <= 10)).toBe(true)
    const promoters = scores.filter((s) => s >= 9).length / scores.length
    const detractors = scores.filter((s) => s <= 6).length / scores.length
    expect(promoters).toBeGreaterThan(detractors)
    expect(promoters).toBeLessThan(0.7)
  })
})
