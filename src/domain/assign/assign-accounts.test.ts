import { describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { day, rep } from '../../../test/support/factories.js'
import { assignAccounts } from './assign-accounts.js'
import { defaultWeights, haversineKm } from './assign-cost.js'
import { account, cents } from './test-factories.js'

const asOf = day('2026-11-27')
// the fixtures/assign case: mean potential 1,400.00
const accounts = [
  account({
    id: 'A1',
    industry: 'Software',
    segment: 'SMB',
    region: 'East',
    potential: cents(100000),
    owner: 'Ann',
  }),
  account({
    id: 'A2',
    industry: 'Software',
    segment: 'SMB',
    region: 'East',
    potential: cents(300000),
    owner: 'Ann',
  }),
  account({
    id: 'A3',
    industry: 'Retail',
    segment: 'SMB',
    region: 'West',
    potential: cents(100000),
    owner: 'Bob',
  }),
  account({
    id: 'A4',
    industry: 'Retail',
    segment: 'SMB',
    region: 'West',
    potential: cents(100000),
    owner: 'Ann',
  }),
  account({
    id: 'A5',
    industry: 'Software',
    segment: 'SMB',
    region: 'West',
    potential: cents(100000),
    owner: 'Cid',
  }),
]
const reps = [
  rep({ id: 'R1', name: 'Ann', region: 'East', capacity: 2, skills: ['Software', 'SMB'] }),
  rep({ id: 'R2', name: 'Bob', region: 'West', capacity: 3, skills: ['Retail', 'SMB'] }),
  rep({
    id: 'R3',
    name: 'Cid',
    region: 'West',
    capacity: 2,
    skills: ['Software', 'SMB'],
    end_date: day('2026-01-31'),
  }),
]
const base = {
  asOf,
  capacityBy: 'accounts',
  fit: ['industry', 'segment', 'region'],
  weights: defaultWeights,
} as const

describe('assignAccounts', () => {
  it('finds the hand-computed optimum: A4 moves to Bob (121.43), A5 of departed Cid to Bob (150)', () => {
    const result = assignAccounts(accounts, reps, base)
    expect(result.rows.map((r) => [r.account_id, r.owner, r.changed, r.cost])).toEqual([
      ['A1', 'Ann', false, 0],
      ['A2', 'Ann', false, 0],
      ['A3', 'Bob', false, 0],
      ['A4', 'Bob', true, 121.43], // 100 × (0.5 + 1000/1400)
      ['A5', 'Bob', true, 150], // Software miss; no continuity: Cid is not eligible
    ])
    expect(result.totalCost).toBe(271.43)
    expect(result.keptShare).toBe(3 / 4)
    expect(result.ineligible).toEqual(['Cid'])
    expect(result.reps.map((r) => [r.rep, r.accounts, r.potential, r.gained, r.lost])).toEqual([
      ['Ann', 2, 400000, 0, 1],
      ['Bob', 3, 300000, 2, 0],
    ])
  })

  it('leaves the cheapest-to-leave accounts unassigned when capacity is short', () => {
    // Ann 2 + Bob 2 = 4 places for 5 accounts
    const short = reps.map((r) => (r.name === 'Bob' ? { ...r, capacity: 2 } : r))
    const result = assignAccounts(accounts, short, base)
    expect(result.unassigned).toBe(1)
    expect(result.rows.filter((r) => r.owner === null)).toHaveLength(1)
  })

  it('gives nothing to a rep with capacity 0', () => {
    const zero = reps.map((r) => (r.name === 'Bob' ? { ...r, capacity: 0 } : r))
    const result = assignAccounts(accounts.slice(0, 2), zero, base)
    expect(result.ineligible).toEqual(['Bob', 'Cid'])
    expect(result.rows.every((r) => r.owner === 'Ann')).toBe(true)
  })

  it('charges 100 points per 100 km to the home base', () => {
    const km = haversineKm(0, 0, 0, 1) // one degree of longitude on the equator ≈ 111.19 km
    expect(km).toBeCloseTo(111.19, 2)
    const result = assignAccounts(
      [account({ id: 'A', lat: 0, lon: 0 })],
      [
        rep({ name: 'Near', capacity: 1, home_lat: 0, home_lon: 1 }),
        rep({ name: 'Far', capacity: 1, home_lat: 0, home_lon: 2 }),
      ],
      { ...base, fit: [] },
    )
    expect(result.rows[0]?.owner).toBe('Near')
    expect(result.rows[0]?.cost).toBe(111.19)
  })

  it('holds a ±10% potential band with the LP route (HiGHS) where plain min-cost would not', async () => {
    const highs = await ((await import('highs')) as unknown as { default: () => Promise<Highs> }).default()
    // 4 accounts, 2 reps of equal capacity 4; everyone fits Ann best, so min-cost gives Ann all
    // potential (1,000 + 1,000 + 1,000 + 1,000); the band needs 2,000 ± 200 each → 2 and 2.
    const four = ['A', 'B', 'C', 'D'].map((id) => account({ id, region: 'East', potential: cents(100000) }))
    const two = [
      rep({ name: 'Ann', region: 'East', capacity: 4 }),
      rep({ name: 'Bob', region: 'West', capacity: 4 }),
    ]
    const free = assignAccounts(four, two, { ...base, fit: ['region'] })
    expect(free.rows.every((r) => r.owner === 'Ann')).toBe(true)
    const banded = assignAccounts(four, two, { ...base, fit: ['region'], balanceQuota: 0.1, solver: highs })
    expect(banded.violations).toBe(0)
    expect(banded.reps.map((r) => [r.rep, r.accounts, r.target])).toEqual([
      ['Ann', 2, 200000],
      ['Bob', 2, 200000],
    ])
    expect(banded.totalCost).toBe(300) // two region misses
    // the LP may split: Bob needs only 1,800 of potential → 1.8 accounts × 150 = 270
    expect(banded.lpBound).toBe(270)
    expect(banded.splits).toBe(1)
  })
})

describe('locked accounts', () => {
  // A4 (Retail, West) stays with Ann (Software/SMB, East): 2 fit misses = 300. Ann (capacity 2) keeps
  // one more: A2 (0) rather than A1, whose move to Bob costs less than A2's:
  //   A1 → Bob: industry miss 150 + region miss 150 + 100 × (0.5 + 1,000/1,400) = 421.43
  //   A2 → Bob: 150 + 150 + 100 × (0.5 + 3,000/1,400) = 564.29
  // A5 → Bob 150 as before; total 421.43 + 0 + 0 + 300 + 150 = 871.43 (unlocked optimum: 271.43)
  const lockedA4 = [
    ['A1', 'Bob', 421.43],
    ['A2', 'Ann', 0],
    ['A3', 'Bob', 0],
    ['A4', 'Ann', 300],
    ['A5', 'Bob', 150],
  ]
  const owners = (result: ReturnType<typeof assignAccounts>) =>
    result.rows.map((r) => [r.account_id, r.owner, r.cost])

  it('keeps an account whose locked column is true with its current owner', () => {
    const locked = accounts.map((a) => (a.id === 'A4' ? { ...a, locked: true } : a))
    const result = assignAccounts(locked, reps, base)
    expect(owners(result)).toEqual(lockedA4)
    expect(result.totalCost).toBe(871.43)
    expect(result.lockedKept).toBe(1)
  })

  it('keeps the accounts listed in options.locked (--lock) with their owner', () => {
    const result = assignAccounts(accounts, reps, { ...base, locked: new Set(['A4']) })
    expect(owners(result)).toEqual(lockedA4)
    expect(result.totalCost).toBe(871.43)
  })

  it('assigns a locked account whose owner is not eligible like any other', () => {
    // A5 belongs to Cid, who left: it goes to Bob (150) exactly as without the lock
    const result = assignAccounts(accounts, reps, { ...base, locked: new Set(['A5']) })
    expect(result.totalCost).toBe(271.43)
    expect(result.lockedKept).toBe(0)
  })

  it('counts a locked account against its owner’s band on the LP route', async () => {
    const highs = await ((await import('highs')) as unknown as { default: () => Promise<Highs> }).default()
    // 4 accounts of 1,000 in the East; A is Bob's and locked. Band 2,000 ± 200 each: Bob keeps A
    // (region miss 150) and takes exactly one more (150), Ann two (0) → 300
    const four = ['A', 'B', 'C', 'D'].map((id) =>
      account({ id, region: 'East', potential: cents(100000), ...(id === 'A' ? { owner: 'Bob' } : {}) }),
    )
    const two = [
      rep({ name: 'Ann', region: 'East', capacity: 4 }),
      rep({ name: 'Bob', region: 'West', capacity: 4 }),
    ]
    const result = assignAccounts(four, two, {
      ...base,
      fit: ['region'],
      balanceQuota: 0.1,
      solver: highs,
      locked: new Set(['A']),
    })
    expect(result.rows[0]?.owner).toBe('Bob')
    expect(result.reps.map((r) => [r.rep, r.accounts])).toEqual([
      ['Ann', 2],
      ['Bob', 2],
    ])
    expect(result.totalCost).toBe(300)
    expect(result.violations).toBe(0)
  })
})

describe('assignAccounts edge cases', () => {
  it('leaves every account unassigned when no rep is eligible, on both routes', () => {
    const gone = reps.filter((r) => r.name === 'Cid')
    const free = assignAccounts(accounts, gone, base)
    expect(free.unassigned).toBe(5)
    const banded = assignAccounts(accounts, gone, {
      ...base,
      balanceQuota: 0.1,
      solver: { solve: () => ({ Status: 'Optimal', ObjectiveValue: 0, Columns: {} }) },
    })
    expect(banded.rows.every((r) => r.owner === null)).toBe(true)
  })

  it('returns no rows for no accounts', () => {
    expect(assignAccounts([], reps, base).rows).toEqual([])
  })
})
