import { describe, expect, it } from 'vitest'
import { retentionDefinitions } from './definitions.js'

const base = { graceDays: 30, monthly: false, by: undefined, cohorts: false } as const

describe('retentionDefinitions', () => {
  it('states the grace in force and the identity', () => {
    const text = retentionDefinitions({ ...base, graceDays: 14 }).join('\n')
    expect(text).toContain('within 14 days after its end [--grace]')
    expect(text).toContain('starting + new + expansion − contraction − churned = ending, checked to the cent')
  })

  it('names --mrr, the grouping and the cohort definition only when they are used', () => {
    expect(retentionDefinitions(base).join('\n')).not.toMatch(/--mrr|--by|cohorts/)
    const text = retentionDefinitions({ ...base, monthly: true, by: 'owner', cohorts: true }).join('\n')
    expect(text).toContain('values are monthly: × 12 [--mrr]')
    expect(text).toContain(
      '--by owner         a customer belongs to the owner of most of its ARR on its first day',
    )
    expect(text).toContain('NRR at k months')
    expect(retentionDefinitions({ ...base, by: 'owner' }).join('\n')).toContain('on the first day of P')
  })
})
