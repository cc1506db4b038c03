/**
 * A rep against the team: medians, the relative shortfall per KPI, the KPI to coach on and the
 * team's bottom quartile. PURE.
 */
import { median } from '../shared/stats.js'

/** The KPIs a rep is coached on, in column order (ties in `coachOn` go to the earlier one). */
export const coachKpis = [
  'quota_attainment',
  'win_rate',
  'avg_deal_size',
  'sales_cycle_days',
  'pipeline_coverage',
  'deals_created',
] as const
export type CoachKpi = (typeof coachKpis)[number]

/** Shorter sales cycles are better; every other coaching KPI is better when higher. */
export function lowerIsBetter(kpi: CoachKpi): boolean {
  return kpi === 'sales_cycle_days'
}

/** The median of the values that exist; null when none does. */
export function teamMedian(values: readonly (number | null)[]): number | null {
  return median(values.filter((v): v is number => v !== null))
}

/**
 * How far the rep falls short of the team median, as a share of the median's performance:
 * higher-is-better: 1 − value ÷ median (needs median > 0); lower-is-better (cycle):
 * 1 − median ÷ value (needs value > 0). 0 or less means at or better than the median. Null when
 * either is missing or the formula has no meaning (median ≤ 0, or a cycle of 0 days).
 *
 * @example shortfall('win_rate', 0.25, 0.5) = 1 − 0.25 ÷ 0.5 = 0.5
 * @example shortfall('sales_cycle_days', 100, 50) = 1 − 50 ÷ 100 = 0.5
 */
export function shortfall(kpi: CoachKpi, value: number | null, teamValue: number | null): number | null {
  if (value === null || teamValue === null) return null
  if (lowerIsBetter(kpi)) return value > 0 ? 1 - teamValue / value : null
  return teamValue > 0 ? 1 - value / teamValue : null
}

export type KpiValues = Readonly<Record<CoachKpi, number | null>>

/**
 * The coaching KPI with the largest shortfall above 0, and that shortfall; null when the rep is at
 * or above the team median on every KPI that can be compared.
 */
export function coachOn(rep: KpiValues, team: KpiValues): { kpi: CoachKpi; gap: number } | null {
  let best: { kpi: CoachKpi; gap: number } | null = null
  for (const kpi of coachKpis) {
    const gap = shortfall(kpi, rep[kpi], team[kpi])
    if (gap !== null && gap > 0 && (best === null || gap > best.gap)) best = { kpi, gap }
  }
  return best
}

/** Teams smaller than this have no bottom quartile. */
export const MIN_QUARTILE_TEAM = 4

/**
 * The bottom-quartile boundary of a team's values for one KPI: order the values that exist from
 * worst to best; the boundary is the value at position ⌊n ÷ 4⌋ (1-based). Null when fewer than 4
 * values exist. A rep is in the bottom quartile when its value is as bad as the boundary or worse
 * (ties with the boundary included).
 *
 * @example win rates 0.1, 0.2, 0.3, 0.4, 0.5 → n = 5, ⌊5 ÷ 4⌋ = 1 → boundary 0.1
 */
export function bottomQuartileBoundary(kpi: CoachKpi, values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  if (present.length < MIN_QUARTILE_TEAM) return null
  const worstFirst = [...present].sort((a, b) => (lowerIsBetter(kpi) ? b - a : a - b))
  return worstFirst[Math.floor(present.length / 4) - 1] ?? null
}

export function inBottomQuartile(kpi: CoachKpi, value: number | null, boundary: number | null): boolean {
  if (value === null || boundary === null) return false
  return lowerIsBetter(kpi) ? value >= boundary : value <= boundary
}
