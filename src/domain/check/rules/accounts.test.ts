import { describe, expect, it } from 'vitest'
import { account, messagesOf } from '../test-factories.js'
import { accountWithoutOwner } from './account-without-owner.js'
import { postalCodeLostLeadingZero, restoredPostalCode } from './postal-code-lost-leading-zero.js'

describe('account-without-owner (warning)', () => {
  it.each([
    [undefined, ['account has no owner']],
    ['Ana Lopez', []],
  ])('owner %s', (owner, messages) => {
    expect(messagesOf(accountWithoutOwner, 'account', account({ owner }))).toEqual(messages)
  })
})

describe('postal-code-lost-leading-zero (warning)', () => {
  it.each([
    ['2108', 'US', '02108'],
    ['2108', 'United States', '02108'],
    ['2108', ' usa ', '02108'],
    ['501', 'US', '00501'],
    ['2108-1234', 'US', '02108-1234'],
    ['1067', 'DE', '01067'],
    ['1067', 'Germany', '01067'],
    ['1000', 'France', '01000'],
    ['118', 'IT', '00118'],
    ['8001', 'España', '08001'],
  ])('restores %j in %j to %j', (postalCode, country, restored) => {
    expect(restoredPostalCode(postalCode, country)).toBe(restored)
  })

  it.each([
    ['02108', 'US'], // intact
    ['123', 'DE'], // German codes never start with 00
    ['12', 'US'], // too short to be a ZIP that lost zeros
    ['1234', 'AT'], // Austria has 4-digit codes
    ['1234', 'Canada'],
    ['SW1A', 'US'],
    ['2108-1234', 'DE'],
  ])('leaves %j in %j alone', (postalCode, country) => {
    expect(restoredPostalCode(postalCode, country)).toBeUndefined()
  })

  it('says what Excel did and what was expected', () => {
    expect(
      messagesOf(postalCodeLostLeadingZero, 'account', account({ postal_code: '2108', country: 'USA' })),
    ).toEqual([
      'postal code "2108" is too short for USA (5 digits): Excel drops leading zeros; expected "02108"',
    ])
  })

  it('needs both a postal code and a country', () => {
    expect(
      messagesOf(postalCodeLostLeadingZero, 'account', account({ postal_code: '2108', country: undefined })),
    ).toEqual([])
    expect(messagesOf(postalCodeLostLeadingZero, 'account', account({ postal_code: undefined }))).toEqual([])
  })
})
