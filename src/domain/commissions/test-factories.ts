/** Plans and credit for commission unit tests. */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Cents } from '../../model/money.js'
import { deal } from '../../../test/support/factories.js'
import type { CreditLine } from './credit.js'
import type { Plan, PlanSet } from './plan.js'

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'p',
    reps: [],
    teams: [],
    roles: [],
    tiers: [{ from: 0, rate: 0.1 }],
    tiered: false,
    tierMode: 'marginal',
    rates: [],
    rollUp: false,
    spifs: [],
    ...overrides,
  }
}

export function planSet(plans: readonly Plan[], overrides: Partial<PlanSet> = {}): PlanSet {
  return { grain: 'quarter', basis: 'amount', creditDate: 'close_date', plans, ...overrides }
}

/** A credit line of a whole won deal (share 1) unless overridden. */
export function line(overrides: Omit<Partial<CreditLine>, 'credited'> & { credited: number }): CreditLine {
  const d = overrides.deal ?? deal({ status: 'won', amount: overrides.credited as Cents })
  return {
    deal: d,
    repIndex: 0,
    date: d.close_date ?? (20600 as CalendarDate),
    amount: d.amount ?? (overrides.credited as Cents),
    share: 1,
    ...overrides,
    credited: overrides.credited as Cents,
  }
}
