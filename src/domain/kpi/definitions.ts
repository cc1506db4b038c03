/** The KPI definitions printed by `kpi --explain` (the same text as docs/metrics.md, section kpi). */
import type { KpiOptions } from './kpi-rows.js'

export function kpiDefinitions(
  options: Pick<KpiOptions, 'winRateBasis' | 'cycleBasis' | 'coverageBasis' | 'compare'>,
  weights: 'crm' | 'history',
): string[] {
  return [
    'kpi definitions (period P = [start, end) in calendar dates; "closed in P" uses close_date, "created in P" uses created):',
    '  deals_created      deals created in P',
    '  won / lost         deals won / lost with close_date in P',
    '  open               deals open now (as of --as-of) with close_date in P',
    options.winRateBasis === 'closed'
      ? '  win_rate           won ÷ (won + lost), closed in P   [--win-rate-basis closed]'
      : '  win_rate           deals created in P and won ÷ deals created in P   [--win-rate-basis created]',
    '  won_amount         Σ amount of deals won in P',
    '  avg_deal_size      won_amount ÷ won (mean; median_deal_size: the median), to the cent, half away from zero',
    options.cycleBasis === 'won'
      ? '  sales_cycle_days   mean(close_date − created) over deals won in P   [--cycle-basis won]'
      : '  sales_cycle_days   mean(close_date − created) over deals won or lost in P   [--cycle-basis closed]',
    '                     deals without created, or closed before created, are left out (counted in a note)',
    '  revenue_per_account won_amount ÷ distinct accounts of the deals won in P',
    '  open_pipeline      Σ amount of the open deals',
    weights === 'crm'
      ? '  weighted_pipeline  Σ amount × probability of the open deals (CRM probability; blank → stage default)   [--weights crm]'
      : '  weighted_pipeline  Σ amount × historical win rate of the deal’s stage (won ÷ closed deals that entered it)   [--weights history]',
    '  sales_velocity     open × avg_deal_size × win_rate ÷ sales_cycle_days (money per day)',
    '  profit_margin      (Σ amount − Σ cost) ÷ Σ amount over deals won in P that have a cost',
    '  quota              Σ owner quotas in scope; quota periods partly inside P count pro rata by days',
    '  quota_attainment   won_amount ÷ quota',
    options.coverageBasis === 'remaining'
      ? '  pipeline_coverage  open_pipeline ÷ (quota − won_amount); null when nothing remains   [--coverage-basis remaining]'
      : '  pipeline_coverage  open_pipeline ÷ quota   [--coverage-basis quota]',
    '  reps_at_quota_share reps in the group with won_amount ≥ their quota ÷ reps with a quota',
    '  cac                sales and marketing spend in P ÷ new customers (accounts whose first won deal closed in P); company rows only',
    '  nps                (promoters 9–10 − detractors 0–6) ÷ responses × 100, responses dated in P; company rows only',
    '  logo_churn_rate    customers lost in P ÷ customers at the start of P (ARR on the first day of P vs the day after P, or after --as-of while P runs; new customers excluded)',
    '  revenue_churn_rate (churned + contraction ARR) ÷ starting ARR = 1 − GRR',
    '  clv                starting ARR per customer × (days of P ÷ 365) × gross margin ÷ logo churn rate; lifetime capped at 10 years',
    '                     (contracts: a renewal starting within --grace days of the end continues the contract; --mrr: values × 12)',
    ...(options.compare === undefined
      ? []
      : [
          `  *_prior / growth   the same KPI for the ${options.compare === 'previous' ? 'previous period' : 'same period a year earlier'}; growth = (won_amount − prior) ÷ prior, null when prior = 0`,
        ]),
    '  totals             computed from all records of the whole range, never by adding or averaging rows',
    '  money and ratios   cents until output; an empty denominator gives null (— / empty cell), never 0',
  ]
}
