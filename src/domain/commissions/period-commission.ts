/**
 * One rep, one pay period: commission on the credit lines under the rep's plan (tiers, rate rules,
 * gate, cap) and the SPIFs. Draws and clawbacks span periods: see `runCommissions`.
 */
import type { Cents } from '../../model/money.js'
import { normalizeName } from '../check/rule-helpers.js'
import type { CreditLine } from './credit.js'
import { mulFraction } from './exact-money.js'
import { pct, units } from './format-rule.js'
import type { Plan, RateRule } from './plan.js'
import type { StatementLine } from './statement-line.js'

export interface PeriodCommission {
  /** Σ credited of the lines (own and roll-up) */
  readonly credited: Cents
  /** credited ÷ quota; null without a (positive) quota */
  readonly attainment: number | null
  /** Σ commission of the deal and roll-up lines (after the gate, before the cap) */
  readonly earned: Cents
  /** the cap's reduction (≤ 0) */
  readonly adjustments: Cents
  readonly spif: Cents
  /** deal, roll-up, cap and spif lines */
  readonly lines: readonly StatementLine[]
}

function matchingRule(rules: readonly RateRule[], line: CreditLine): RateRule | undefined {
  return rules.find(
    (r) =>
      (r.type === undefined || r.type === line.deal.type) &&
      (r.product === undefined ||
        (line.deal.product !== undefined && normalizeName(r.product) === normalizeName(line.deal.product))),
  )
}

function ruleName(rule: RateRule): string {
  return [rule.type, rule.product].filter((x) => x !== undefined).join(' ')
}

/**
 * Commission of one rep for one period.
 *
 * - **Credit thresholds in cents.** A tier (or the gate) at attainment `t` starts at credit
 *   t × quota, rounded half away from zero to the cent. Without a quota (none in --quotas, or 0),
 *   attainment counts as 0: everything pays at the first tier and a gate is not met.
 * - **Marginal tiers:** each part of the credit pays the rate of the tier it falls in; lines are
 *   taken in credit-date order (then deal id), and a line that crosses a threshold is split into one
 *   statement line per tier.
 * - **Retroactive tiers:** every line pays the rate of the tier the period's total credit reaches.
 * - **Rate rules** (first match by deal type/product): `rate` replaces the tier rate, `multiplier`
 *   scales it. Credit under a rule still counts toward attainment.
 * - **Rounding:** each statement line's commission = credited × rate, rounded half away from zero
 *   to the cent (rates to six decimals); earned is the sum of the rounded lines.
 * - **Gate:** attainment below the gate pays no commission (lines listed at 0). SPIFs are paid anyway.
 * - **Cap:** earned above the cap is taken back by one `cap` line (adjustments). SPIFs are outside it.
 * - **SPIF:** spif amount × credit share (rounded) for each own credit line that matches.
 *
 * @example
 *   // quota 100,000, tiers 0 → 10%, 100% → 20%; credit 90,000 then a 20,000 deal:
 *   // marginal: 9,000 + (10,000 × 10% + 10,000 × 20%) = 12,000; retroactive (110%): 110,000 × 20% = 22,000
 */
export function periodCommission(
  plan: Plan,
  periodLabel: string,
  lines: readonly CreditLine[],
  quota: Cents | null,
): PeriodCommission {
  const hasQuota = quota !== null && quota > 0
  const bounds = plan.tiers.map((t) =>
    hasQuota ? mulFraction(quota, t.from) : t.from === 0 ? 0 : Number.POSITIVE_INFINITY,
  )
  const tierAt = (credit: number): number => {
    let i = 0
    for (let k = 1; k < bounds.length; k++) if ((bounds[k] ?? Infinity) <= credit) i = k
    return i
  }
  let total = 0
  for (const l of lines) total += l.credited
  const attainment = hasQuota ? total / quota : null
  const gateMet = plan.gate === undefined || (hasQuota && total >= mulFraction(quota, plan.gate))
  const out: StatementLine[] = []
  const base = (l: CreditLine) => ({
    period: periodLabel,
    kind: l.via === undefined ? ('deal' as const) : ('roll-up' as const),
    deal: l.deal.id,
    date: l.date,
    amount: l.amount,
    credit_share: l.share,
  })
  const via = (l: CreditLine): string => (l.via === undefined ? '' : `roll-up from ${l.via}; `)
  const tierLabel = (i: number): string => (plan.tiered ? `tier ${i + 1}` : '')
  const tierWords = (i: number): string => {
    const t = plan.tiers[i]
    if (t === undefined) return ''
    if (!plan.tiered) return `flat rate ${pct(t.rate)}`
    return `${plan.tierMode} tier ${String(i + 1)} (from ${pct(t.from)} attainment) ${pct(t.rate)}`
  }
  const push = (
    l: CreditLine,
    credited: number,
    tier: number,
    rule: RateRule | undefined,
    extra = '',
  ): void => {
    const tierRate = plan.tiers[tier]?.rate ?? 0
    let rate = tierRate
    let words = tierWords(tier)
    if (rule?.rate !== undefined) {
      rate = rule.rate
      words = `${ruleName(rule)} rate ${pct(rule.rate)} (instead of the tiers)`
    } else if (rule?.multiplier !== undefined) {
      rate = tierRate * rule.multiplier
      words = `${words} × ${String(rule.multiplier)} (${ruleName(rule)}) = ${pct(rate)}`
    }
    const paid = gateMet
    out.push({
      ...base(l),
      credited: credited as Cents,
      tier: rule?.rate !== undefined ? '' : tierLabel(tier),
      rate: paid ? rate : 0,
      commission: paid ? mulFraction(credited, rate) : (0 as Cents),
      rule: paid
        ? `${via(l)}${words}${extra}`
        : `${via(l)}gate: attainment ${attainment === null ? 'unknown (no quota)' : pct(attainment)} below ${pct(plan.gate ?? 0)}, nothing paid`,
    })
  }
  if (plan.tierMode === 'retroactive') {
    const reached = tierAt(total)
    const extra =
      plan.tiered && reached > 0
        ? ` on all credit (period attainment ${attainment === null ? '—' : pct(attainment)})`
        : ''
    for (const l of lines) push(l, l.credited, reached, matchingRule(plan.rates, l), extra)
  } else {
    let cum = 0
    for (const l of lines) {
      const rule = matchingRule(plan.rates, l)
      if (l.credited <= 0 || rule?.rate !== undefined) {
        push(l, l.credited, tierAt(cum), rule)
        cum += l.credited
        continue
      }
      let rest: number = l.credited
      while (rest > 0) {
        const i = tierAt(cum)
        const part = Math.min(rest, (bounds[i + 1] ?? Infinity) - cum)
        push(l, part, i, rule)
        cum += part
        rest -= part
      }
    }
  }
  let earned = 0
  for (const l of out) earned += l.commission
  let adjustments = 0
  if (plan.cap !== undefined && earned > plan.cap) {
    adjustments = plan.cap - earned
    out.push({
      period: periodLabel,
      kind: 'cap',
      deal: '',
      date: null,
      amount: null,
      credit_share: null,
      credited: null,
      tier: '',
      rate: null,
      commission: adjustments as Cents,
      rule: `cap ${units(plan.cap)} per period: earned ${units(earned)} is paid ${units(plan.cap)}`,
    })
  }
  let spif = 0
  for (const l of lines) {
    if (l.via !== undefined) continue
    for (const s of plan.spifs) {
      if (s.type !== undefined && s.type !== l.deal.type) continue
      if (
        s.product !== undefined &&
        (l.deal.product === undefined || normalizeName(s.product) !== normalizeName(l.deal.product))
      )
        continue
      if (s.minAmount !== undefined && l.amount < s.minAmount) continue
      if ((s.from !== undefined && l.date < s.from) || (s.to !== undefined && l.date > s.to)) continue
      const bonus = mulFraction(s.amount, l.share)
      spif += bonus
      out.push({
        ...base(l),
        kind: 'spif',
        credited: null,
        tier: '',
        rate: null,
        commission: bonus,
        rule: `SPIF ${s.name}: ${units(s.amount)}${l.share === 1 ? '' : ` × ${pct(l.share)} credit share`}`,
      })
    }
  }
  return {
    credited: total as Cents,
    attainment,
    earned: earned as Cents,
    adjustments: adjustments as Cents,
    spif: spif as Cents,
    lines: out,
  }
}
