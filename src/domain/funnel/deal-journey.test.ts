import { describe, expect, it } from 'vitest'
import type { Deal } from '../../model/deal.js'
import { funnelDeal } from './deal-journey.js'

const base: Deal = {
  id: 'D-1',
  name: undefined,
  account_id: undefined,
  account: 'Acme',
  owner: 'Ava Chen',
  stage: 'Closed - Signed',
  status: 'lost',
  stage_order: undefined,
  amount: undefined,
  currency: undefined,
  probability: undefined,
  forecast_category: undefined,
  created: undefined,
  close_date: undefined,
  type: undefined,
  source: undefined,
  product: undefined,
  region: 'EMEA',
  territory: undefined,
  team: undefined,
  segment: undefined,
  cost: undefined,
  last_activity: undefined,
  pipeline: undefined,
  source_file: 'deals.csv',
  source_line: 2,
}

describe('funnelDeal', () => {
  it('keeps the open stage a lost deal was lost in when the stage table knows it', () => {
    const d = funnelDeal(base, { name: 'Proposal', status: 'open', order: 3 })
    expect(d).toMatchObject({ stage: 'Proposal', stage_status: 'open', status: 'lost' })
  })

  it('treats an unknown stage name on a closed deal as a closed stage, not as a new open stage', () => {
    const d = funnelDeal(base, { name: 'Closed - Signed', status: 'open', order: undefined })
    expect(d.stage_status).toBe('lost')
  })

  it('takes the group from the --by field', () => {
    expect(funnelDeal(base, { name: 'X', status: 'open', order: 0 }, 'region').group).toBe('EMEA')
    expect(funnelDeal(base, { name: 'X', status: 'open', order: 0 }).group).toBeUndefined()
  })
})
