/** `commissions --explain`: the definitions in force, printed to stderr. */
import type { PlanSet } from './plan.js'

export function commissionDefinitions(set: PlanSet): string[] {
  return [
    `commissions definitions (pay period: ${set.grain}; periods are [start, end) in calendar dates):`,
    `  credit            won deals, on their ${set.creditDate === 'close_date' ? 'close date' : 'payment_date (deals without one are not credited yet)'}, ${set.basis === 'amount' ? 'amount' : 'arr column (else amount)'} × credit share`,
    '                    shares from --splits or a split column (must sum to 100%); the last owner gets the rounding remainder',
    '  plan              the plan in force on the period’s first day; rep id/name beats team beats role beats a plan for everybody',
    '  roll_up           a manager’s plan with roll_up also credits the lines of their direct reports (reps.manager)',
    '  credited_amount   Σ credit of the rep in the period (own + roll-up)',
    '  quota             owner quota rows of the rep; rows partly inside the period pro rata by days, rounded per row',
    '  attainment        credited_amount ÷ quota; no quota = attainment 0 for tiers and gate',
    '  tiers             thresholds at tier.from × quota (cents); marginal: each part at its tier’s rate; retroactive: all at the reached tier',
    '  rates             first rule by deal type/product: rate replaces the tier rate, multiplier scales it',
    '  earned            Σ per-line commission = credited × rate, each line rounded half away from zero to the cent; 0 below the gate',
    '  adjustments       the cap: −(earned − cap) when earned exceeds it (SPIFs are outside the cap)',
    '  spif              fixed bonus × credit share per matching own deal (outside gate and cap)',
    '  clawback          −(commission paid on a deal) in the period its account churns (contracts churn_date), if within clawback.days of the credit date',
    '  draw              + top-up to the draw when earnings are below it (recoverable: added to the balance); − recovery of the balance from earnings above the draw',
    '  payout            earned + spif + draw + clawback + adjustments = Σ commission of the statement lines',
  ]
}
