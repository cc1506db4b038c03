import { describe, expect, it } from 'vitest'
import { contract, day, money } from '../../../test/support/factories.js'
import { renewalRows } from './renewal-rows.js'
import type { RenewalOptions } from './renewal-rows.js'

const options: RenewalOptions = { asOf: day('2026-06-15'), withinDays: 90, graceDays: 30 }
const book = [
  contract({
    id: 'R1',
    account_id: 'ACME',
    start: day('2025-06-16'),
    end: day('2026-06-15'),
    value: money(12000),
  }),
  contract({
    id: 'R2',
    account_id: 'BETA',
    start: day('2025-06-15'),
    end: day('2026-06-14'),
    value: money(8000),
  }),
  contract({
    id: 'R9',
    account_id: 'HALO',
    start: day('2025-04-01'),
    end: day('2026-03-31'),
    value: money(6000),
  }),
  // HALO renewed 24 days late, without renewal_of: within the grace, so R9 is renewed
  contract({
    id: 'R10',
    account_id: 'HALO',
    start: day('2026-04-25'),
    end: day('2027-04-24'),
    value: money(6000),
  }),
  contract({
    id: 'R11',
    account_id: 'IRIS',
    start: day('2025-04-01'),
    end: day('2026-03-31'),
    value: money(4000),
  }),
]

describe('renewalRows', () => {
  const rows = renewalRows(book, options)

  it('lists every contract by end date, ties by account, with days left and status', () => {
    expect(rows.map((r) => [r.contract_id, r.days_left, r.status, r.renewed_by])).toEqual([
      ['R9', -76, 'renewed', 'R10'], // 2026-03-31, HALO before IRIS
      ['R11', -76, 'expired', undefined], // ended 76 days ago > 30
      ['R2', -1, 'overdue', undefined], // ended yesterday
      ['R1', 0, 'due', undefined], // ends today
      ['R10', 313, 'upcoming', undefined],
    ])
  })

  it('keeps the value as it is in the file, in cents', () => {
    expect(rows.find((r) => r.contract_id === 'R1')?.value).toBe(money(12000))
  })

  it('filters by status and by end date, after working out chains over every contract', () => {
    const due = renewalRows(book, { ...options, statuses: ['due', 'overdue'] })
    expect(due.map((r) => r.contract_id)).toEqual(['R2', 'R1'])
    // R10 is outside the end-date range, yet still renews R9
    const spring = renewalRows(book, { ...options, from: day('2026-03-31'), to: day('2026-03-31') })
    expect(spring.map((r) => [r.contract_id, r.status])).toEqual([
      ['R9', 'renewed'],
      ['R11', 'expired'],
    ])
  })

  it('moves a status with --as-of: the day after its end, a contract ending today is overdue', () => {
    const tomorrow = renewalRows(book, { ...options, asOf: day('2026-06-16') })
    expect(tomorrow.find((r) => r.contract_id === 'R1')?.status).toBe('overdue')
  })

  it('gives no rows for no contracts', () => {
    expect(renewalRows([], options)).toEqual([])
  })
})
