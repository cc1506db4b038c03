import { describe, expect, it } from 'vitest'
import { day, rep } from '../../../test/support/factories.js'
import { planFor } from './plan.js'
import { plan, planSet } from './test-factories.js'

describe('planFor', () => {
  const set = planSet([
    plan({ id: 'everybody' }),
    plan({ id: 'ae', roles: ['Account Executive'] }),
    plan({ id: 'east', teams: ['East'] }),
    plan({ id: 'ann', reps: ['R1'] }),
    plan({ id: 'ae-2027', roles: ['account executive'], effectiveFrom: day('2027-01-01') }),
    plan({ id: 'ae-old', roles: ['Account Executive'], effectiveTo: day('2025-12-31') }),
  ])
  it.each([
    [{ name: 'Ann', id: 'R1', role: 'Account Executive', team: 'East' }, '2026-07-01', 'ann'],
    [{ name: 'Bo', id: 'R2', role: 'Account Executive', team: 'East' }, '2026-07-01', 'east'],
    [{ name: 'Cy', id: 'R3', role: 'Account Executive', team: 'West' }, '2026-07-01', 'ae'],
    [{ name: 'Dee', id: 'R4', role: 'SDR' }, '2026-07-01', 'everybody'],
  ])('%j on %s → %s (rep beats team beats role beats everybody)', (who, on, id) => {
    expect(planFor(set, rep(who), day(on))?.id).toBe(id)
  })

  it('takes the first of equally specific plans in force: effective dates decide', () => {
    const cy = rep({ name: 'Cy', role: 'Account Executive' })
    expect(planFor(set, cy, day('2025-10-01'))?.id).toBe('ae')
    const dated = planSet([
      plan({ id: 'old', roles: ['Account Executive'], effectiveTo: day('2026-12-31') }),
      plan({ id: 'new', roles: ['Account Executive'], effectiveFrom: day('2027-01-01') }),
    ])
    expect(planFor(dated, cy, day('2026-10-01'))?.id).toBe('old')
    expect(planFor(dated, cy, day('2027-01-01'))?.id).toBe('new')
  })

  it('finds no plan for a rep nobody names when there is no fallback', () => {
    expect(planFor(planSet([plan({ roles: ['AE'] })]), rep({ name: 'X' }), day('2026-01-01'))).toBeUndefined()
  })
})
