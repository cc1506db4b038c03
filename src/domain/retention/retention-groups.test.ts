import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import { contractSpans } from './arr-movements.js'
import { ownerOn, retentionGroups } from './retention-groups.js'
import { testBook } from './test-factories.js'

const year = { account_id: 'A', start: day('2025-01-01'), end: day('2025-12-31') }
const spansOf = (...list: Parameters<typeof contract>[0][]) =>
  contractSpans(
    list.map((c) => contract(c)),
    { graceDays: 30, monthly: false },
  )

describe('ownerOn', () => {
  it('picks the owner of most of the account’s ARR that day (Σ per owner)', () => {
    const spans = spansOf(
      { ...year, owner: 'Ann', value: money(300) },
      { ...year, owner: 'Bo', value: money(200) },
      { ...year, owner: 'Bo', value: money(200) }, // Bo 400 > Ann 300
    )
    expect(ownerOn(spans, day('2025-06-01'))).toBe('Bo')
  })

  it('breaks a tie by text order, with a blank owner last', () => {
    expect(
      ownerOn(
        spansOf({ ...year, owner: 'Cy', value: money(1) }, { ...year, owner: 'Bo', value: money(1) }),
        day('2025-06-01'),
      ),
    ).toBe('Bo')
    expect(
      ownerOn(
        spansOf({ ...year, owner: undefined, value: money(1) }, { ...year, owner: 'Zed', value: money(1) }),
        day('2025-06-01'),
      ),
    ).toBe('Zed')
  })

  it('gives undefined when the account has no ARR that day', () => {
    expect(ownerOn(spansOf({ ...year, owner: 'Ann', value: money(1) }), day('2026-01-01'))).toBeUndefined()
  })
})

describe('retentionGroups', () => {
  const options = { graceDays: 30, monthly: false }

  it('lists owners in text order, every group over all spans', () => {
    const { groups } = retentionGroups(testBook, 'owner', options)
    expect(groups.map((g) => [g.key, g.spans.length])).toEqual([
      ['Ann', 12],
      ['Bo', 12],
      ['Cy', 12],
      ['Di', 12],
    ])
  })

  it('attributes an account to an owner on the first of the given days with ARR', () => {
    const { attribute } = retentionGroups(testBook, 'owner', options)
    // A: C1 (Ann) until 2025-06-30, C2 (Bo) from 2025-07-01
    expect(attribute?.('A', [day('2025-04-01'), day('2025-07-01')])).toBe('Ann')
    expect(attribute?.('A', [day('2025-07-01')])).toBe('Bo')
    // E (Bo) has no ARR on 2025-01-01, but on 2025-07-01
    expect(attribute?.('E', [day('2025-01-01'), day('2025-07-01')])).toBe('Bo')
    // no ARR on any day: nobody's
    expect(attribute?.('E', [day('2025-01-01')])).toBeUndefined()
  })

  it('filters segments and products instead of attributing', () => {
    const grouping = retentionGroups(testBook, 'product', options)
    expect(grouping.attribute).toBeUndefined()
    expect(grouping.groups.map((g) => [g.key, g.spans.map((s) => s.contract)])).toEqual([
      ['Analytics', ['C5', 'C8']],
      ['Platform', ['C1', 'C2', 'C3', 'C4', 'C6', 'C7', 'C9', 'C10', 'C11', 'C12']],
    ])
  })

  it('continues a contract only by a later one of the same product when grouping by product', () => {
    const contracts = [
      contract({
        account_id: 'A',
        product: 'P',
        start: day('2025-01-01'),
        end: day('2025-03-31'),
        value: money(1),
      }),
      contract({
        account_id: 'A',
        product: 'Q',
        start: day('2025-04-10'),
        end: day('2025-12-31'),
        value: money(1),
      }),
    ]
    const [p] = retentionGroups(contracts, 'product', options).groups
    // the company view would continue P until 04-09 (the account's next start); per product it ends 03-31
    expect(p?.spans.map((s) => s.end)).toEqual([day('2025-03-31')])
    expect(contractSpans(contracts, options)[0]?.end).toBe(day('2025-04-09'))
  })
})
