import { describe, expect, it } from 'vitest'
import { day, rep } from '../../../test/support/factories.js'
import { periodOf } from '../shared/period.js'
import { monthFactor, monthFactors } from './ramp.js'

const RAMP = [0.25, 0.5, 0.75]
const Y2027 = periodOf(day('2027-01-01'), 'year')

describe('monthFactor', () => {
  it('counts the hire month as tenure month 0 whatever the day of hire', () => {
    const ed = rep({ name: 'Ed', hire_date: day('2027-02-20') })
    expect(monthFactor(ed, day('2027-01-01'), RAMP)).toBe(0) // before hire
    expect(monthFactor(ed, day('2027-02-01'), RAMP)).toBe(0.25) // month 0
    expect(monthFactor(ed, day('2027-04-01'), RAMP)).toBe(0.75) // month 2
    expect(monthFactor(ed, day('2027-05-01'), RAMP)).toBe(1) // month 3: ramped
  })

  it('gives 0 to the months that start after the end date, and 1 to reps without a hire date', () => {
    const leaver = rep({ name: 'Lee', hire_date: day('2020-01-01'), end_date: day('2027-03-15') })
    expect(monthFactor(leaver, day('2027-03-01'), RAMP)).toBe(1)
    expect(monthFactor(leaver, day('2027-04-01'), RAMP)).toBe(0)
    expect(monthFactor(rep({ name: 'Undated' }), day('2027-04-01'), RAMP)).toBe(1)
  })
})

describe('monthFactors', () => {
  it('lists the twelve months of a year for a February hire with a 25/50/75 ramp', () => {
    // Jan 0, Feb .25, Mar .5, Apr .75, May–Dec 1 → mean 9.5 ÷ 12
    const f = monthFactors(rep({ name: 'Ed', hire_date: day('2027-02-20') }), Y2027, RAMP)
    expect(f).toEqual([0, 0.25, 0.5, 0.75, 1, 1, 1, 1, 1, 1, 1, 1])
  })
})
