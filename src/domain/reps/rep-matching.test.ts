import { describe, expect, it } from 'vitest'
import { deal, rep } from '../../../test/support/factories.js'
import { assignDeals, ownerMatcher, sharedRepNames } from './rep-matching.js'

describe('ownerMatcher', () => {
  const reps = [rep({ name: 'Ann Lee', id: 'R2' }), rep({ name: 'Bo Chen', id: 'R3' })]
  const match = ownerMatcher(reps)

  it.each([
    ['Ann Lee', 0],
    ['ann lee', 0],
    ['  ANN   LEE ', 0],
    ['R2', 0],
    ['r3', 1],
    ['Zed', undefined],
    [undefined, undefined],
  ])('matches owner %j to rep index %j (id or name, ignoring case and spaces)', (owner, index) => {
    expect(match(owner)).toBe(index)
  })

  it('lets an id win over another rep’s equal name, and the first rep win a shared name', () => {
    const tricky = [
      rep({ name: 'Kim', id: 'R1' }),
      rep({ name: 'R1', id: 'R9' }), // a name that equals the first rep's id
      rep({ name: 'Kim', id: 'R7' }), // a second Kim
    ]
    const m = ownerMatcher(tricky)
    expect(m('R1')).toBe(0)
    expect(m('Kim')).toBe(0)
    expect(m('R7')).toBe(2)
    expect(sharedRepNames(tricky)).toEqual(['Kim'])
  })
})

describe('assignDeals', () => {
  it('splits deals into each rep’s, unmatched owners and deals without owner', () => {
    const reps = [rep({ name: 'Ann', id: 'R1' }), rep({ name: 'Bo', id: 'R2' })]
    const deals = [
      deal({ id: 'a', owner: 'Ann' }),
      deal({ id: 'b', owner: 'r2' }),
      deal({ id: 'c', owner: 'Zed' }),
      deal({ id: 'd', owner: undefined }),
      deal({ id: 'e', owner: 'ANN' }),
    ]
    const result = assignDeals(deals, reps, ownerMatcher(reps))
    expect(result.dealsOf.map((list) => list.map((d) => d.id))).toEqual([['a', 'e'], ['b']])
    expect(result.unmatched.map((d) => d.id)).toEqual(['c'])
    expect(result.withoutOwner.map((d) => d.id)).toEqual(['d'])
  })
})
