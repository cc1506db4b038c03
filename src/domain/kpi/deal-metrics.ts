/**
 * The deal KPIs of one group in one period, computed from the records (never from other ratios).
 * Definitions in docs/metrics.md ("kpi"); switches from kpi-definitions.md.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Period } from '../shared/period.js'
import { contains } from '../shared/period.js'
import { mean, median, ratio, roundHalfAway } from '../shared/stats.js'

export interface DealMetricOptions {
  /** closed: won ÷ (won + lost) closed in the period; created: deals created in the period and won (by as-of) ÷ deals created */
  readonly winRateBasis: 'closed' | 'created'
  /** won: cycle over won deals; closed: over won and lost deals */
  readonly cycleBasis: 'won' | 'closed'
  /** probability of an open deal for the weighted pipeline */
  readonly weight: (deal: Deal) => number | undefined
  readonly asOf: CalendarDate
}

export interface DealMetrics {
  deals_created: number
  won: number
  lost: number
  open: number
  win_rate: number | null
  won_amount: number
  avg_deal_size: number | null
  median_deal_size: number | null
  sales_cycle_days: number | null
  median_sales_cycle_days: number | null
  revenue_per_account: number | null
  open_pipeline: number
  weighted_pipeline: number
  /** cents per day */
  sales_velocity: number | null
  profit_margin: number | null
  /** closed deals left out of cycle length because they closed before they were created */
  negative_cycles: number
}

/**
 * @example
 * // kpi-definitions.md §5: A won 30,000 (40 d), B won 20,000 (60 d), C lost (30 d), D and E open
 * // → win_rate 2/3, avg_deal_size 25,000, sales_cycle_days 50, velocity 2 × 25,000 × 2/3 ÷ 50 = 666.67/day
 */
export function dealMetrics(deals: readonly Deal[], period: Period, options: DealMetricOptions): DealMetrics {
  let created = 0
  let createdWon = 0
  let won = 0
  let lost = 0
  let open = 0
  let wonAmount = 0
  let openPipeline = 0
  let weighted = 0
  let costedAmount = 0
  let cost = 0
  let negative = 0
  const sizes: number[] = []
  const cycles: number[] = []
  const accounts = new Set<string>()
  for (const deal of deals) {
    if (contains(period, deal.created)) {
      created++
      if (deal.status === 'won') createdWon++
    }
    if (deal.status === 'open') {
      if (contains(period, deal.close_date)) {
        open++
        const amount = deal.amount ?? 0
        openPipeline += amount
        weighted += amount * (options.weight(deal) ?? 0)
      }
      continue
    }
    if (!contains(period, deal.close_date)) continue
    const amount = deal.amount ?? 0
    if (deal.status === 'won') {
      won++
      wonAmount += amount
      sizes.push(amount)
      accounts.add(deal.account_id ?? deal.account ?? `\u0000${deal.id}`)
      if (deal.cost !== undefined) {
        costedAmount += amount
        cost += deal.cost
      }
    } else {
      lost++
    }
    if (deal.status === 'won' || options.cycleBasis === 'closed') {
      if (deal.created !== undefined && deal.close_date !== undefined) {
        const days = deal.close_date - deal.created
        if (days < 0) negative++
        else cycles.push(days)
      }
    }
  }
  const winRate = options.winRateBasis === 'closed' ? ratio(won, won + lost) : ratio(createdWon, created)
  const avgSize = mean(sizes)
  const cycle = mean(cycles)
  const velocity =
    avgSize === null || winRate === null || cycle === null || cycle === 0
      ? null
      : (open * avgSize * winRate) / cycle
  return {
    deals_created: created,
    won,
    lost,
    open,
    win_rate: winRate,
    won_amount: wonAmount,
    avg_deal_size: avgSize === null ? null : roundHalfAway(avgSize),
    median_deal_size: roundOrNull(median(sizes)),
    sales_cycle_days: cycle,
    median_sales_cycle_days: median(cycles),
    revenue_per_account: accounts.size === 0 ? null : roundHalfAway(wonAmount / accounts.size),
    open_pipeline: openPipeline,
    weighted_pipeline: roundHalfAway(weighted),
    sales_velocity: velocity === null ? null : roundHalfAway(velocity),
    profit_margin: ratio(costedAmount - cost, costedAmount),
    negative_cycles: negative,
  }
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : roundHalfAway(value)
}
