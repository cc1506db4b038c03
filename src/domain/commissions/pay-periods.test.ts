import { describe, expect, it } from 'vitest'
import { day } from '../../../test/support/factories.js'
import { payPeriods } from './pay-periods.js'

const base = { grain: 'quarter', asOf: day('2026-11-27'), calendar: { fiscalYearStart: 1 } } as const
const labels = (r: ReturnType<typeof payPeriods>) => (typeof r === 'string' ? r : r.map((p) => p.label))

describe('payPeriods', () => {
  it('names one period by its label', () => {
    expect(labels(payPeriods({ ...base, label: '2026-Q3' }))).toEqual(['2026-Q3'])
  })
  it('covers every period that overlaps --from/--to', () => {
    expect(labels(payPeriods({ ...base, from: day('2026-02-15'), to: day('2026-07-01') }))).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ])
  })
  it('defaults to the period of the as-of date', () => {
    expect(labels(payPeriods(base))).toEqual(['2026-Q4'])
  })
  it.each([
    [{ label: '2026-07' }, 'the plan file pays by quarter; 2026-07 is a month'],
    [{ label: 'Q3' }, '--period Q3: not a period label such as 2026-Q3, 2026-07 or 2026'],
    [{ label: '2026-Q3', from: day('2026-01-01') }, 'give either --period or --from/--to, not both'],
    [{ from: day('2026-05-01'), to: day('2026-04-01') }, '--to is before --from'],
  ])('refuses %j', (request, message) => {
    expect(payPeriods({ ...base, ...request })).toBe(message)
  })
})
