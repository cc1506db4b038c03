import { describe, expect, it } from 'vitest'
import { day, rep } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { ownerMatcher } from './rep-matching.js'
import { employedIn, isLeaver, managerIndices } from './roster.js'

describe('managerIndices', () => {
  it('finds managers by the role "Manager" and by being named as a rep’s manager', () => {
    const reps = [
      rep({ name: 'Mia', role: 'manager' }), // role, any case
      rep({ name: 'Ann', manager: 'Tom' }),
      rep({ name: 'Tom', role: 'Account Executive' }), // Ann's manager: a manager whatever the role
      rep({ name: 'Bo', manager: 'R-404' }), // a manager not in the file: nobody
      rep({ name: 'Al', role: 'Account Manager' }), // an account manager sells: not a manager
    ]
    expect([...managerIndices(reps, ownerMatcher(reps))].sort()).toEqual([0, 2])
  })

  it('does not make a rep their own manager', () => {
    const reps = [rep({ name: 'Solo', manager: 'Solo' })]
    expect(managerIndices(reps, ownerMatcher(reps)).size).toBe(0)
  })
})

describe('employedIn', () => {
  const q2 = periodOf(day('2025-05-01'), 'quarter') // 2025-04-01 … 2025-06-30
  const asOf = day('2025-06-15')

  it.each([
    ['no dates', {}, true],
    ['hired on the as-of date', { hire_date: day('2025-06-15') }, true],
    ['hired after the as-of date, still inside the quarter', { hire_date: day('2025-06-16') }, false],
    ['left on the first day of the period', { end_date: day('2025-04-01') }, true],
    ['left the day before the period', { end_date: day('2025-03-31') }, false],
    ['left during the period', { hire_date: day('2021-05-01'), end_date: day('2025-05-31') }, true],
  ])('%s → %s', (_name, dates, expected) => {
    expect(employedIn(rep({ name: 'X', ...dates }), q2, asOf)).toBe(expected)
  })
})

describe('isLeaver', () => {
  it('is a leaver from the end date on, not before', () => {
    const asOf = day('2025-06-15')
    expect(isLeaver(rep({ name: 'X', end_date: day('2025-06-15') }), asOf)).toBe(true)
    expect(isLeaver(rep({ name: 'X', end_date: day('2025-06-16') }), asOf)).toBe(false)
    expect(isLeaver(rep({ name: 'X' }), asOf)).toBe(false)
  })
})
