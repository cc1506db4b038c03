import { describe, expect, it } from 'vitest'
import { day, deal, money } from '../../../test/support/factories.js'
import { forecastInput, pipelineAt, stageTableOf, wonAmount, UNKNOWN_STAGE } from './pipeline-at.js'
import { change } from './test-factories.js'

describe('pipelineAt (as-of replay)', () => {
  // X: Proposal for 100 closing 2025-03-15 from 2025-01-10; won for 150 on 2025-04-20.
  const x = deal({
    id: 'X',
    stage: 'Closed Won',
    status: 'won',
    amount: money(150),
    probability: 1,
    created: day('2025-01-10'),
    close_date: day('2025-04-20'),
  })
  const history = [
    change('X', '2025-01-10', 'Proposal', 100, '2025-03-15'),
    change('X', '2025-04-20', 'Closed Won', 150, '2025-04-20'),
  ]
  const stages = [deal({ stage: 'Proposal', probability: 0.6, forecast_category: 'best_case' })]

  it('never uses the later stage, amount or close date of a deal that was open at t (no peeking)', () => {
    const input = forecastInput([x, ...stages.map((d) => ({ ...d, created: day('2030-01-01') }))], history)
    const [open] = pipelineAt(input, day('2025-04-01'))
    expect(open?.deal.id).toBe('X')
    expect(open?.stage).toBe('Proposal')
    expect(open?.amount).toBe(money(100))
    expect(open?.closeDate).toBe(day('2025-03-15'))
    // the stage default of Proposal (60%) and its category, not the won deal's 100%
    expect(open?.probability).toBe(0.6)
    expect(open?.category).toBe('best_case')
    // and it does not count as won before it was: Q2 closed won to 2025-04-01 is 0, to 2025-04-21 it is 150
    expect(wonAmount(input.deals, day('2025-04-01'), day('2025-04-01'))).toBe(0)
    expect(wonAmount(input.deals, day('2025-04-01'), day('2025-04-21'))).toBe(money(150))
  })

  it('drops a deal once its last history row before t is a closed stage, and before it was created', () => {
    const input = forecastInput([x], history)
    expect(pipelineAt(input, day('2025-04-21'))).toEqual([])
    expect(pipelineAt(input, day('2025-01-10'))).toEqual([]) // created on t: not yet open
    expect(pipelineAt(input, day('2025-01-11'))).toHaveLength(1)
  })

  it('keeps only the amount of a deal closed since t when there is no history (stated leakage)', () => {
    const input = forecastInput([x], undefined)
    const [open] = pipelineAt(input, day('2025-04-01'))
    expect(open).toMatchObject({
      stage: UNKNOWN_STAGE,
      amount: money(150),
      closeDate: undefined,
      probability: 0,
    })
  })

  it('uses the export fields of a deal still open in the export, with its age at t', () => {
    const y = deal({ id: 'Y', created: day('2025-03-01'), close_date: day('2025-05-01'), probability: 0.4 })
    const [open] = pipelineAt(forecastInput([y], undefined), day('2025-04-01'))
    expect(open).toMatchObject({ stage: 'Proposal', amount: money(1000), probability: 0.4, ageDays: 31 })
  })

  it('learns each stage status, most common probability and category from the deals', () => {
    const table = stageTableOf([
      deal({ stage: 'Proposal', probability: 0.6 }),
      deal({ stage: 'proposal ', probability: 0.6 }),
      deal({ stage: 'Proposal', probability: 0.5, forecast_category: 'commit' }),
      deal({ stage: 'Closed Won', status: 'won' }),
    ])
    expect(table.get('proposal')).toEqual({ status: 'open', probability: 0.6, category: 'commit' })
    expect(table.get('closed won')?.status).toBe('won')
  })
})
