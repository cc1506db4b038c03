import { describe, expect, it } from 'vitest'
import { renewalsDefinitions } from './definitions.js'

describe('renewalsDefinitions', () => {
  it('states the windows in force', () => {
    const text = renewalsDefinitions({ withinDays: 60, graceDays: 14, by: undefined }).join('\n')
    expect(text).toContain('0 ≤ days_left ≤ 60')
    expect(text).toContain('−14 ≤ days_left ≤ −1')
    expect(text).toContain('days_left < −14')
    expect(text).toContain('order              end date, then account, then contract id')
  })

  it('defines the renewal rate with --by', () => {
    const text = renewalsDefinitions({ withinDays: 90, graceDays: 30, by: 'owner' }).join('\n')
    expect(text).toContain('--by owner')
    expect(text).toContain('renewal_rate       renewed value ÷ (renewed + churned + expired value)')
  })
})
