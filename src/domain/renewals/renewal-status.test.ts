import { describe, expect, it } from 'vitest'
import { day } from '../../../test/support/factories.js'
import { addDays } from '../../model/calendar-date.js'
import { renewalStatus } from './renewal-status.js'
import type { RenewalStatus } from './renewal-status.js'

const asOf = day('2026-06-15')
const options = { asOf, withinDays: 90, graceDays: 30 }
const ending = (daysLeft: number) => ({ end: addDays(asOf, daysLeft), churn_date: undefined })

describe('renewalStatus', () => {
  it.each<[string, number, RenewalStatus]>([
    ['ends in 91 days: beyond --within', 91, 'upcoming'],
    ['ends in exactly 90 days (--within 90)', 90, 'due'],
    ['ends tomorrow', 1, 'due'],
    ['ends today: its last day, still active', 0, 'due'],
    ['ended yesterday', -1, 'overdue'],
    ['ended 30 days ago: the last day of the grace (a renewal tomorrow still continues it)', -30, 'overdue'],
    ['ended 31 days ago: past the grace', -31, 'expired'],
    ['ended a year ago', -365, 'expired'],
  ])('is %s → %s', (_what, daysLeft, status) => {
    expect(renewalStatus(ending(daysLeft), false, options)).toBe(status)
  })

  it('expires the day after the end with --grace 0 (nothing is overdue)', () => {
    expect(renewalStatus(ending(-1), false, { ...options, graceDays: 0 })).toBe('expired')
    expect(renewalStatus(ending(0), false, { ...options, graceDays: 0 })).toBe('due')
  })

  it('makes everything within --within 0 upcoming except today', () => {
    expect(renewalStatus(ending(1), false, { ...options, withinDays: 0 })).toBe('upcoming')
    expect(renewalStatus(ending(0), false, { ...options, withinDays: 0 })).toBe('due')
  })

  it('is renewed when a renewal exists, also before the end and after the grace', () => {
    expect(renewalStatus(ending(45), true, options)).toBe('renewed')
    expect(renewalStatus(ending(-200), true, options)).toBe('renewed')
  })

  it('is churned from the churn date on, before a renewal counts', () => {
    const churnedToday = { end: addDays(asOf, 100), churn_date: asOf }
    expect(renewalStatus(churnedToday, true, options)).toBe('churned')
  })

  it('follows the dates while a churn date is only announced (after --as-of)', () => {
    const announced = { end: addDays(asOf, 46), churn_date: addDays(asOf, 46) }
    expect(renewalStatus(announced, false, options)).toBe('due')
  })
})
