import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import type { Contract } from '../../model/contract.js'
import { renewalSuccessors } from './renewal-chains.js'

/** a one-year Platform contract of account A ending 2026-03-31 (renewal due on 2026-04-01) */
const old = contract({
  id: 'OLD',
  account_id: 'A',
  product: 'Platform',
  start: day('2025-04-01'),
  end: day('2026-03-31'),
  value: money(100),
})
const next = (overrides: Partial<Contract> & { start: Contract['start'] }) =>
  contract({ account_id: 'A', product: 'Platform', end: day('2027-03-31'), value: money(100), ...overrides })
const successorId = (contracts: Contract[], grace = 30) => renewalSuccessors(contracts, grace).get(old)?.id

describe('renewalSuccessors', () => {
  it('follows renewal_of, however late the renewal starts', () => {
    expect(successorId([old, next({ id: 'N', start: day('2026-09-01'), renewal_of: 'OLD' })])).toBe('N')
  })

  it('takes the earliest of several contracts naming the same one', () => {
    const list = [
      old,
      next({ id: 'N2', start: day('2026-05-01'), renewal_of: 'OLD' }),
      next({ id: 'N1', start: day('2026-04-01'), renewal_of: 'OLD' }),
    ]
    expect(successorId(list)).toBe('N1')
  })

  it.each([
    ['on time: the day after the end', '2026-04-01', 'N'],
    ['30 days late: the last day of the grace', '2026-05-01', 'N'],
    ['31 days late', '2026-05-02', undefined],
    ['30 days early (signed ahead)', '2026-03-02', 'N'],
    ['31 days early', '2026-03-01', undefined],
  ])('matches the same account and product starting %s (%s)', (_what, start, expected) => {
    expect(successorId([old, next({ id: 'N', start: day(start) })])).toBe(expected)
  })

  it('needs the same product (ignoring case and spaces), and the same account', () => {
    expect(successorId([old, next({ id: 'N', start: day('2026-04-01'), product: ' platform ' })])).toBe('N')
    expect(
      successorId([old, next({ id: 'N', start: day('2026-04-01'), product: 'Analytics' })]),
    ).toBeUndefined()
    expect(successorId([old, next({ id: 'N', start: day('2026-04-01'), account_id: 'B' })])).toBeUndefined()
  })

  it('does not take a contract that names another one in renewal_of', () => {
    expect(
      successorId([old, next({ id: 'N', start: day('2026-04-01'), renewal_of: 'ELSE' })]),
    ).toBeUndefined()
  })

  it('prefers renewal_of over a closer match by account and product', () => {
    const list = [
      old,
      next({ id: 'CLOSE', start: day('2026-04-01') }),
      next({ id: 'LINKED', start: day('2026-04-20'), renewal_of: 'OLD' }),
    ]
    expect(successorId(list)).toBe('LINKED')
  })

  it('takes the start closest to the day after the end, then the earlier start, then the smaller id', () => {
    expect(
      successorId([
        old,
        next({ id: 'LATE', start: day('2026-04-05') }),
        next({ id: 'NEAR', start: day('2026-04-02') }),
      ]),
    ).toBe('NEAR')
    // 03-29 and 04-04 are both 3 days away from 04-01: the earlier start wins
    expect(
      successorId([
        old,
        next({ id: 'AFTER', start: day('2026-04-04') }),
        next({ id: 'BEFORE', start: day('2026-03-29') }),
      ]),
    ).toBe('BEFORE')
    expect(
      successorId([
        old,
        next({ id: 'N2', start: day('2026-04-01') }),
        next({ id: 'N1', start: day('2026-04-01') }),
      ]),
    ).toBe('N1')
  })

  it('does not take a contract that started before the old one (a parallel contract)', () => {
    const short = contract({
      id: 'S',
      account_id: 'A',
      start: day('2026-01-01'),
      end: day('2026-01-10'),
      value: money(1),
    })
    const earlier = contract({
      id: 'E',
      account_id: 'A',
      start: day('2025-12-20'),
      end: day('2026-12-19'),
      value: money(1),
    })
    expect(renewalSuccessors([short, earlier], 30).get(short)).toBeUndefined()
  })

  it('never renews a contract by itself', () => {
    const self = contract({ ...old, renewal_of: 'OLD' })
    expect(renewalSuccessors([self], 30).get(self)).toBeUndefined()
  })
})
