/** Records for unit tests, typed against the model, with overrides. */
import { parseIsoDate } from '../../src/model/calendar-date.js'
import type { CalendarDate } from '../../src/model/calendar-date.js'
import type { Contract } from '../../src/model/contract.js'
import type { Deal } from '../../src/model/deal.js'
import type { Cents } from '../../src/model/money.js'
import type { Quota } from '../../src/model/quota.js'
import type { Rep } from '../../src/model/rep.js'

export function day(iso: string): CalendarDate {
  const d = parseIsoDate(iso)
  if (d === undefined) throw new Error(`not a date: ${iso}`)
  return d
}

/** Whole currency units → cents. */
export function money(units: number): Cents {
  return Math.round(units * 100) as Cents
}

let line = 1

export function deal(overrides: Partial<Deal> = {}): Deal {
  line++
  return {
    id: `D-${line}`,
    name: undefined,
    account_id: undefined,
    account: undefined,
    owner: 'Ann',
    stage: 'Proposal',
    status: 'open',
    stage_order: 3,
    amount: money(1000),
    currency: 'USD',
    probability: 0.5,
    forecast_category: undefined,
    created: undefined,
    close_date: undefined,
    type: undefined,
    source: undefined,
    product: undefined,
    region: undefined,
    territory: undefined,
    team: undefined,
    segment: undefined,
    cost: undefined,
    last_activity: undefined,
    pipeline: undefined,
    source_file: 'deals.csv',
    source_line: line,
    ...overrides,
  }
}

export function quota(overrides: Partial<Quota> & Pick<Quota, 'amount'>): Quota {
  return {
    owner: 'Ann',
    team: undefined,
    territory: undefined,
    period: undefined,
    start: undefined,
    end: undefined,
    source_file: 'quotas.csv',
    source_line: 2,
    ...overrides,
  }
}

export function rep(overrides: Partial<Rep> & Pick<Rep, 'name'>): Rep {
  return {
    id: overrides.name,
    email: undefined,
    team: undefined,
    manager: undefined,
    role: undefined,
    region: undefined,
    territory: undefined,
    hire_date: undefined,
    end_date: undefined,
    capacity: undefined,
    skills: [],
    home_lat: undefined,
    home_lon: undefined,
    source_file: 'reps.csv',
    source_line: 2,
    ...overrides,
  }
}

export function contract(
  overrides: Partial<Contract> & Pick<Contract, 'account_id' | 'start' | 'end' | 'value'>,
): Contract {
  line++
  return {
    id: `C-${line}`,
    owner: undefined,
    product: undefined,
    currency: 'USD',
    status: undefined,
    auto_renew: undefined,
    churn_date: undefined,
    renewal_of: undefined,
    source_file: 'contracts.csv',
    source_line: line,
    ...overrides,
  }
}
