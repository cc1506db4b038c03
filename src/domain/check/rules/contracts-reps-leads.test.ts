import { describe, expect, it } from 'vitest'
import { contract, day, lead, messagesOf, rep } from '../test-factories.js'
import { churnOutsideTerm } from './churn-outside-term.js'
import { contractEndBeforeStart } from './contract-end-before-start.js'
import { leadConvertedBeforeCreated } from './lead-converted-before-created.js'
import { repEndBeforeHire } from './rep-end-before-hire.js'

describe('contract-end-before-start (error)', () => {
  it.each([
    [day('2024-01-01'), day('2023-12-31'), ['end date 2023-12-31 is before start date 2024-01-01']],
    [day('2024-01-01'), day('2024-01-01'), []],
    [day('2024-01-01'), day('2024-12-31'), []],
  ])('start %s, end %s', (start, end, messages) => {
    expect(messagesOf(contractEndBeforeStart, 'contract', contract({ start, end }))).toEqual(messages)
  })
})

describe('churn-outside-term (warning)', () => {
  // contract(): 2024-01-01 to 2024-12-31
  it.each([
    [day('2023-12-31'), ['churn date 2023-12-31 is before the contract start 2024-01-01']],
    [day('2025-01-01'), ['churn date 2025-01-01 is after the contract end 2024-12-31']],
    [day('2024-12-31'), []],
    [day('2024-01-01'), []],
    [undefined, []],
  ])('churn %s', (churn_date, messages) => {
    expect(messagesOf(churnOutsideTerm, 'contract', contract({ churn_date }))).toEqual(messages)
  })
})

describe('rep-end-before-hire (warning)', () => {
  it.each([
    [day('2022-01-31'), ['end date 2022-01-31 is before hire date 2022-02-01']],
    [day('2022-02-01'), []],
    [undefined, []],
  ])('end %s', (end_date, messages) => {
    expect(messagesOf(repEndBeforeHire, 'rep', rep({ end_date }))).toEqual(messages)
  })
})

describe('lead-converted-before-created (warning)', () => {
  it.each([
    [day('2025-01-04'), ['converted date 2025-01-04 is before created date 2025-01-05']],
    [day('2025-01-05'), []],
    [undefined, []],
  ])('converted %s', (converted_date, messages) => {
    expect(messagesOf(leadConvertedBeforeCreated, 'lead', lead({ converted_date }))).toEqual(messages)
  })
})
