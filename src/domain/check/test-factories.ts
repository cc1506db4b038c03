/**
 * Hand-made records for check tests: every field of the model present (optional ones explicitly
 * undefined unless a default helps), with overrides. Only tests import this file.
 */
import { parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Account } from '../../model/account.js'
import type { Contract } from '../../model/contract.js'
import type { Deal } from '../../model/deal.js'
import type { Lead } from '../../model/lead.js'
import { cents } from '../../model/money.js'
import type { Cents } from '../../model/money.js'
import type { Rep } from '../../model/rep.js'
import type { EntityName } from '../../model/cells.js'
import type { EntityRecords } from '../../model/entities.js'
import { createCheckRun } from './run-checks.js'
import type { CheckContext, CheckRule, Finding } from './types.js'

/** `day('2025-03-31')` → the calendar date; throws on a typo so a test cannot silently use NaN. */
export function day(iso: string): CalendarDate {
  const date = parseIsoDate(iso)
  if (date === undefined) throw new RangeError(`not a date: ${iso}`)
  return date
}

/** Whole currency units as cents: `money(300)` → 30000. */
export function money(units: number): Cents {
  return cents(Math.round(units * 100))
}

export function deal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 'D-1',
    name: 'Acme expansion',
    account_id: 'A-1',
    account: 'Acme Corp',
    owner: 'Ana Lopez',
    stage: 'Negotiation',
    status: 'open',
    stage_order: 3,
    amount: money(1000),
    currency: 'USD',
    probability: 0.6,
    forecast_category: 'pipeline',
    created: day('2025-01-10'),
    close_date: day('2025-04-30'),
    type: 'new',
    source: 'Inbound',
    product: 'Platform',
    region: 'West',
    territory: 'CA',
    team: 'Enterprise',
    segment: 'Mid-market',
    cost: undefined,
    last_activity: day('2025-03-20'),
    pipeline: 'Sales',
    source_file: 'deals.csv',
    source_line: 2,
    ...overrides,
  }
}

export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: 'A-1',
    name: 'Acme Corp',
    industry: 'Manufacturing',
    segment: 'Mid-market',
    country: 'US',
    region: 'East',
    state: 'MA',
    city: 'Boston',
    postal_code: '02108',
    lat: undefined,
    lon: undefined,
    annual_revenue: money(5_000_000),
    employees: 250,
    potential: undefined,
    workload: undefined,
    owner: 'Ana Lopez',
    territory: 'New England',
    source_file: 'accounts.csv',
    source_line: 2,
    ...overrides,
  }
}

export function rep(overrides: Partial<Rep> = {}): Rep {
  return {
    id: 'R-1',
    name: 'Ana Lopez',
    email: 'ana@example.com',
    team: 'Enterprise',
    manager: 'Kim Park',
    role: 'AE',
    region: 'West',
    territory: 'CA',
    hire_date: day('2022-02-01'),
    end_date: undefined,
    capacity: 40,
    skills: [],
    home_lat: undefined,
    home_lon: undefined,
    source_file: 'reps.csv',
    source_line: 2,
    ...overrides,
  }
}

export function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'C-1',
    account_id: 'A-1',
    owner: 'Ana Lopez',
    product: 'Platform',
    start: day('2024-01-01'),
    end: day('2024-12-31'),
    value: money(12_000),
    currency: 'USD',
    status: 'active',
    auto_renew: true,
    churn_date: undefined,
    renewal_of: undefined,
    source_file: 'contracts.csv',
    source_line: 2,
    ...overrides,
  }
}

export function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 'L-1',
    created: day('2025-01-05'),
    source: 'Webinar',
    status: 'converted',
    owner: 'Ana Lopez',
    converted_date: day('2025-01-20'),
    deal_id: 'D-1',
    company: 'Acme Corp',
    email: 'buyer@acme.example',
    segment: 'Mid-market',
    region: 'West',
    source_file: 'leads.csv',
    source_line: 2,
    ...overrides,
  }
}

/** The context of most tests: as of 2025-03-31, stale after 30 days, no --reps or --accounts. */
export function context(overrides: Partial<CheckContext> = {}): CheckContext {
  return { asOf: day('2025-03-31'), staleDays: 30, ...overrides }
}

/** Runs `rules` over `records` of one entity through the real runner; returns the sorted findings. */
export function findingsOf<E extends EntityName>(
  rules: readonly CheckRule[],
  entity: E,
  records: readonly EntityRecords[E][],
  ctx: CheckContext = context(),
): readonly Finding[] {
  const run = createCheckRun(rules, ctx)
  for (const record of records) run.add(entity, record)
  return run.finish().findings
}

/** The messages of `rule` for one record, or [] when it passes. */
export function messagesOf<E extends EntityName>(
  rule: CheckRule<E>,
  entity: E,
  record: EntityRecords[E],
  ctx: CheckContext = context(),
): readonly string[] {
  return findingsOf([rule] as readonly CheckRule[], entity, [record], ctx).map((f) => f.message)
}
