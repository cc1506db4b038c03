/** The definitions printed by `reps --explain` (the same text as docs/metrics.md, section reps). */
import type { RepsOptions } from './rep-rows.js'

export function repsDefinitions(
  options: Pick<
    RepsOptions,
    'winRateBasis' | 'cycleBasis' | 'coverageBasis' | 'includeManagers' | 'maxRampMonths'
  >,
): string[] {
  return [
    'reps definitions (period P = [start, end) in calendar dates; the KPIs are those of kpi --by owner):',
    '  rep ↔ deal         deal owner = rep id or name, ignoring case and extra spaces (ids first; first rep wins)',
    options.includeManagers
      ? '  roster             every rep employed in P up to --as-of, managers included   [--include-managers]'
      : '  roster             reps employed in P up to --as-of; managers (role "Manager" or named as a rep’s manager) left out',
    '  team medians       median over the team’s roster reps that are not leavers, of the values that exist;',
    '                     money medians to the cent, half away from zero; team_reps = that population',
    '  deals_created      deals created in P',
    options.winRateBasis === 'closed'
      ? '  win_rate           won ÷ (won + lost), closed in P   [--win-rate-basis closed]'
      : '  win_rate           deals created in P and won ÷ deals created in P   [--win-rate-basis created]',
    '  avg_deal_size      won_amount ÷ won, to the cent, half away from zero',
    options.cycleBasis === 'won'
      ? '  sales_cycle_days   mean(close_date − created) over deals won in P   [--cycle-basis won]'
      : '  sales_cycle_days   mean(close_date − created) over deals won or lost in P   [--cycle-basis closed]',
    '  open_pipeline      Σ amount of the open deals with close_date in P',
    '  quota              the rep’s owner quota rows (owner = rep id or name); rows partly inside P pro rata by days',
    '  quota_attainment   won_amount ÷ quota',
    options.coverageBasis === 'remaining'
      ? '  pipeline_coverage  open_pipeline ÷ (quota − won_amount); null when nothing remains   [--coverage-basis remaining]'
      : '  pipeline_coverage  open_pipeline ÷ quota   [--coverage-basis quota]',
    '  months_since_hire  whole months from hire_date to --as-of (largest n with hire + n months ≤ as-of)',
    '  days_to_first_win  first won close_date in [hire_date, as-of] − hire_date',
    '  trailing_bookings  Σ amount won with close_date in the 3 months ending on --as-of: [as-of + 1 − 3 months, as-of]',
    `  ramp_status        leaver: end_date ≤ as-of; ramped: ${options.maxRampMonths}+ months since hire [--max-ramp-months] or`,
    '                     trailing_bookings > 0 and ≥ its team median; ramping otherwise; empty without hire_date',
    '  coach_on           the KPI with the largest shortfall > 0 vs the team median, coach_gap that shortfall:',
    '                     1 − value ÷ median (higher is better), 1 − median ÷ value (sales_cycle_days);',
    '                     over quota_attainment, win_rate, avg_deal_size, sales_cycle_days, pipeline_coverage, deals_created',
    '  bottom_quartile    those KPIs where the rep is at or worse than the ⌊n ÷ 4⌋-th worst of the team’s n values (n ≥ 4)',
    '                     leavers get no coach_on and no bottom_quartile',
    '  money and ratios   cents until output; an empty denominator gives null (— / empty cell), never 0',
  ]
}
