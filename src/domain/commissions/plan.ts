/**
 * Commission plans as data: what the plan file (docs/plans/*.yaml, read by src/cli/plan-file.ts)
 * becomes once validated. Money in cents, rates and attainment thresholds as fractions (0.1 = 10%),
 * dates as calendar dates. No behaviour here except choosing the plan that applies to a rep.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { DealType } from '../../model/deal.js'
import type { Cents } from '../../model/money.js'
import type { Rep } from '../../model/rep.js'
import { normalizeName } from '../check/rule-helpers.js'

/** Pay periods a plan file can use (the grain of every period of a run). */
export const payGrains = ['month', 'quarter', 'year'] as const
export type PayGrain = (typeof payGrains)[number]

/** One step of the rate schedule: from this quota attainment (fraction, inclusive) up, pay `rate`. */
export interface Tier {
  readonly from: number
  readonly rate: number
}

/**
 * A rate rule by deal type and/or product (first matching rule wins): `rate` replaces the tier rate
 * (the deal ignores the tiers), `multiplier` scales it (renewals at half rate).
 */
export interface RateRule {
  readonly type?: DealType
  readonly product?: string
  readonly rate?: number
  readonly multiplier?: number
}

/** A fixed bonus for each credited deal that matches every given criterion (× the credit share). */
export interface Spif {
  readonly name: string
  readonly amount: Cents
  readonly product?: string
  readonly type?: DealType
  /** the deal's basis amount must be at least this */
  readonly minAmount?: Cents
  /** credit date window, inclusive */
  readonly from?: CalendarDate
  readonly to?: CalendarDate
}

/** A guaranteed payment per period; a recoverable draw is an advance repaid from later earnings. */
export interface Draw {
  readonly amount: Cents
  readonly recoverable: boolean
  /** last day on which the draw is still paid (recovery continues after it) */
  readonly until?: CalendarDate
}

export interface Plan {
  readonly id: string
  /** who the plan is for; all lists empty = everybody (the fallback plan) */
  readonly reps: readonly string[]
  readonly teams: readonly string[]
  readonly roles: readonly string[]
  /** inclusive; open ends when undefined */
  readonly effectiveFrom?: CalendarDate
  readonly effectiveTo?: CalendarDate
  /** ascending `from`, the first at 0; a flat plan is one tier at its base rate */
  readonly tiers: readonly Tier[]
  /** false for a flat plan (base_rate): statements show no tier */
  readonly tiered: boolean
  readonly tierMode: 'marginal' | 'retroactive'
  readonly rates: readonly RateRule[]
  /** attainment below which nothing is paid */
  readonly gate?: number
  /** most commission (earned) per period */
  readonly cap?: Cents
  /** credits the plan's holder with the credit lines of their direct reports (manager roll-up) */
  readonly rollUp: boolean
  readonly spifs: readonly Spif[]
  readonly draw?: Draw
  /** a paid deal whose account churns within this many days of its credit date is charged back */
  readonly clawbackDays?: number
}

export interface PlanSet {
  /** the pay period of every plan in the file */
  readonly grain: PayGrain
  /** credit amount: the deal amount, or its ARR (an `arr` column of the deals) */
  readonly basis: 'amount' | 'arr'
  /** credit date: the close date, or a `payment_date` column of the deals */
  readonly creditDate: 'close_date' | 'payment_date'
  readonly plans: readonly Plan[]
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && normalizeName(a) === normalizeName(b)
}

/** How specifically a plan names a rep: 3 by id or name, 2 by team, 1 by role, 0 fallback, -1 not at all. */
function specificity(plan: Plan, rep: Rep): number {
  if (plan.reps.some((r) => same(rep.id, r) || same(rep.name, r))) return 3
  if (plan.teams.some((t) => same(rep.team, t))) return 2
  if (plan.roles.some((r) => same(rep.role, r))) return 1
  return plan.reps.length + plan.teams.length + plan.roles.length === 0 ? 0 : -1
}

/**
 * The plan in force for `rep` on `day` (the first day of a pay period: plan changes take effect at
 * period boundaries). Among the plans effective that day, the most specific assignment wins (rep id
 * or name, then team, then role, then a plan without `applies_to`); ties go to the first in the file.
 *
 * @example
 *   planFor(set, { role: 'Account Executive', team: 'EMEA', … }, day('2026-07-01'))
 *   //=> the EMEA team plan if there is one, else the AE role plan
 */
export function planFor(set: PlanSet, rep: Rep, day: CalendarDate): Plan | undefined {
  let best: Plan | undefined
  let bestScore = -1
  for (const plan of set.plans) {
    if (plan.effectiveFrom !== undefined && day < plan.effectiveFrom) continue
    if (plan.effectiveTo !== undefined && day > plan.effectiveTo) continue
    const score = specificity(plan, rep)
    if (score > bestScore) {
      best = plan
      bestScore = score
    }
  }
  return best
}
