import { describe, expect, it } from 'vitest'
import { account, context, contract, deal, messagesOf } from '../test-factories.js'
import { unknownContractAccount, unknownDealAccount } from './unknown-account.js'
import { unknownAccountOwner, unknownDealOwner } from './unknown-owner.js'

const withReps = context({ repNames: new Set(['Ana Lopez', 'Kim Park']), repIds: new Set(['R-7']) })

describe('unknown-owner (warning)', () => {
  it.each([
    ['a rep name', 'Ana Lopez', []],
    ['a rep name in other case and spacing', '  ana   LOPEZ ', []],
    ['a rep id', 'r-7', []],
    ['nobody in the reps file', 'Bob Smith', ['owner "Bob Smith" is not in the reps file']],
  ])('deal owned by %s', (_name, owner, messages) => {
    expect(messagesOf(unknownDealOwner, 'deal', deal({ owner }), withReps)).toEqual(messages)
  })

  it('checks account owners the same way', () => {
    expect(messagesOf(unknownAccountOwner, 'account', account({ owner: 'Bob' }), withReps)).toEqual([
      'owner "Bob" is not in the reps file',
    ])
    expect(unknownAccountOwner).toMatchObject({ id: 'unknown-owner', entity: 'account', severity: 'warning' })
  })

  it('stays silent without --reps or without an owner', () => {
    expect(messagesOf(unknownDealOwner, 'deal', deal({ owner: 'Bob' }))).toEqual([])
    expect(messagesOf(unknownDealOwner, 'deal', deal({ owner: undefined }), withReps)).toEqual([])
  })

  it('counts a reps file with ids only as given', () => {
    const idsOnly = context({ repIds: new Set(['R-7']) })
    expect(messagesOf(unknownDealOwner, 'deal', deal({ owner: 'Ana Lopez' }), idsOnly)).toEqual([
      'owner "Ana Lopez" is not in the reps file',
    ])
  })
})

describe('unknown-account (warning)', () => {
  const withAccounts = context({ accountIds: new Set(['A-1', 'A-2']) })

  it.each([
    ['a known account id', deal({ account_id: 'A-2' }), []],
    [
      'an id differing in case (ids are exact)',
      deal({ account_id: 'a-2' }),
      ['account id "a-2" is not in the accounts file'],
    ],
    ['an unknown id', deal({ account_id: 'A-9' }), ['account id "A-9" is not in the accounts file']],
    ['no account id', deal({ account_id: undefined }), []],
  ])('deal with %s', (_name, record, messages) => {
    expect(messagesOf(unknownDealAccount, 'deal', record, withAccounts)).toEqual(messages)
  })

  it('checks contracts, and only when --accounts is given', () => {
    expect(
      messagesOf(unknownContractAccount, 'contract', contract({ account_id: 'A-9' }), withAccounts),
    ).toEqual(['account id "A-9" is not in the accounts file'])
    expect(messagesOf(unknownContractAccount, 'contract', contract({ account_id: 'A-9' }))).toEqual([])
  })
})
