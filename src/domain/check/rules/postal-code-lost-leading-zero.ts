import { quote } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

interface FiveDigitCountry {
  readonly code: string
  /** Fewest digits a real code keeps once Excel drops its leading zeros. */
  readonly minDigits: 3 | 4
  readonly names: readonly string[]
}

/**
 * Countries with 5-digit postal codes whose codes may start with 0, and how many zeros they can lose:
 * US ZIPs 00501 and 006xx–009xx (Puerto Rico) keep 3 digits, Italian CAPs 00010–00199 (Rome) too;
 * German, French and Spanish codes never start with 00, so only 4-digit values are suspect there.
 */
const countries: readonly FiveDigitCountry[] = [
  {
    code: 'US',
    minDigits: 3,
    names: ['US', 'USA', 'U.S.', 'U.S.A.', 'UNITED STATES', 'UNITED STATES OF AMERICA'],
  },
  { code: 'DE', minDigits: 4, names: ['DE', 'DEU', 'GERMANY', 'DEUTSCHLAND'] },
  { code: 'FR', minDigits: 4, names: ['FR', 'FRA', 'FRANCE'] },
  { code: 'IT', minDigits: 3, names: ['IT', 'ITA', 'ITALY', 'ITALIA'] },
  { code: 'ES', minDigits: 4, names: ['ES', 'ESP', 'SPAIN', 'ESPAÑA', 'ESPANA'] },
]

const byName = new Map<string, FiveDigitCountry>(
  countries.flatMap((c) => c.names.map((n) => [n, c] as const)),
)

/** The postal code with its leading zeros restored, or undefined when it does not look truncated. */
export function restoredPostalCode(postalCode: string, country: string): string | undefined {
  const info = byName.get(country.trim().replace(/\s+/g, ' ').toUpperCase())
  if (info === undefined) return undefined
  const code = postalCode.trim()
  const zipPlus4 = info.code === 'US' ? /^(\d{3,4})-(\d{4})$/.exec(code) : null
  if (zipPlus4?.[1] !== undefined && zipPlus4[2] !== undefined)
    return `${zipPlus4[1].padStart(5, '0')}-${zipPlus4[2]}`
  if (!/^\d+$/.test(code) || code.length < info.minDigits || code.length > 4) return undefined
  return code.padStart(5, '0')
}

export const postalCodeLostLeadingZero: CheckRule<'account'> = {
  id: 'postal-code-lost-leading-zero',
  entity: 'account',
  severity: 'warning',
  description:
    "An account's postal code is too short for its country (US, DE, FR, IT, ES have 5 digits): the file went through Excel, which drops leading zeros, so territory rules by ZIP miss it.",
  reads: ['postal_code', 'country'],
  check: (account) => {
    if (account.postal_code === undefined || account.country === undefined) return undefined
    const restored = restoredPostalCode(account.postal_code, account.country)
    if (restored === undefined) return undefined
    return `postal code ${quote(account.postal_code)} is too short for ${account.country} (5 digits): Excel drops leading zeros; expected ${quote(restored)}`
  },
}
