/**
 * Hand-made deals for pipeline-diff tests: every field present, with overrides. Only tests import
 * this file.
 */
import { parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import { cents } from '../../model/money.js'
import type { Cents } from '../../model/money.js'

/** `day('2026-12-31')` → the calendar date; throws on a typo. */
export function day(iso: string): CalendarDate {
  const date = parseIsoDate(iso)
  if (date === undefined) throw new RangeError(`not a date: ${iso}`)
  return date
}

/** Whole currency units as cents: `money(300)` → 30000. */
export function money(units: number): Cents {
  return cents(Math.round(units * 100))
}

/** 2026-Q4 as a close window: [2026-10-01, 2027-01-01). */
export const Q4 = { start: day('2026-10-01'), end: day('2027-01-01') }

export function deal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 'D-1',
    name: 'Acme - Platform',
    account_id: undefined,
    account: undefined,
    owner: 'Ava Chen',
    stage: 'Proposal',
    status: 'open',
    stage_order: 3,
    amount: money(1000),
    currency: undefined,
    probability: 0.6,
    forecast_category: 'best_case',
    created: day('2026-06-01'),
    close_date: day('2026-11-15'),
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
    source_file: 'old.csv',
    source_line: 2,
    ...overrides,
  }
}

/** A won deal (stage Closed Won, order 5). */
export function won(overrides: Partial<Deal> = {}): Deal {
  return deal({
    stage: 'Closed Won',
    status: 'won',
    stage_order: 5,
    forecast_category: 'closed',
    ...overrides,
  })
}

/** A lost deal (stage Closed Lost, order 6). */
export function lost(overrides: Partial<Deal> = {}): Deal {
  return deal({
    stage: 'Closed Lost',
    status: 'lost',
    stage_order: 6,
    forecast_category: 'omitted',
    ...overrides,
  })
}
