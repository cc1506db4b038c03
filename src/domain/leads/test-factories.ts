/** Hand-made leads and deals for the lead tests, with overrides. Only tests import this file. */
import { parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Lead } from '../../model/lead.js'
import { cents } from '../../model/money.js'
import type { Cents } from '../../model/money.js'

/** `day('2026-01-05')` → the calendar date; throws on a typo. */
export function day(iso: string): CalendarDate {
  const date = parseIsoDate(iso)
  if (date === undefined) throw new RangeError(`not a date: ${iso}`)
  return date
}

/** A lead that did **not** convert, created 2026-01-05 from Inbound, unless overridden. */
export function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 'L-1',
    created: day('2026-01-05'),
    source: 'Inbound',
    status: 'Open',
    owner: 'Ava Chen',
    converted_date: undefined,
    deal_id: undefined,
    company: 'Acme Corp',
    email: 'buyer@acme.example',
    segment: 'SMB',
    region: 'West',
    source_file: 'leads.csv',
    source_line: 2,
    ...overrides,
  }
}

/** A converted lead: created and converted on the given days, pointing at `dealId` (if any). */
export function convertedLead(
  id: string,
  created: string,
  converted: string,
  dealId: string | undefined,
  overrides: Partial<Lead> = {},
): Lead {
  return lead({
    id,
    created: day(created),
    status: 'Converted',
    converted_date: day(converted),
    deal_id: dealId,
    ...overrides,
  })
}

/** A closed or open deal with an amount in cents. */
export function deal(id: string, status: Deal['status'], amountCents: number): Deal {
  const stage = status === 'won' ? 'Closed Won' : status === 'lost' ? 'Closed Lost' : 'Proposal'
  const amount: Cents = cents(amountCents)
  return {
    id,
    stage,
    status,
    amount,
    close_date: day('2026-03-31'),
    source_file: 'deals.csv',
    source_line: 2,
  }
}
