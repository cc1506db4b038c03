/** Account records for the assign unit tests (reps and leads come from the shared factories). */
import type { Account } from '../../model/account.js'
import type { Cents } from '../../model/money.js'

export function account(overrides: Partial<Account> & Pick<Account, 'id'>): Account {
  return {
    name: undefined,
    industry: undefined,
    segment: undefined,
    country: undefined,
    region: undefined,
    state: undefined,
    city: undefined,
    postal_code: undefined,
    lat: undefined,
    lon: undefined,
    annual_revenue: undefined,
    employees: undefined,
    potential: undefined,
    workload: undefined,
    owner: undefined,
    territory: undefined,
    source_file: 'accounts.csv',
    source_line: 2,
    ...overrides,
  }
}

export const cents = (n: number): Cents => n as Cents
