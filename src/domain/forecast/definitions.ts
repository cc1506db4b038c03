/** The definitions printed by `forecast --explain` and `forecast backtest --explain` (docs/metrics.md, forecast). */

const COMMON = [
  '  P = [start, end) a fiscal month or quarter; t = the forecast instant: the day after --as-of (everything',
  '  dated on the as-of day is known); the pipeline at t = deals created before t and not closed before t, with',
  '  stage, amount, close date, probability and category from their last stage-history row dated before t.',
  '  closed_won_to_date      C = Σ amount won with close date in [start, t); 0 for later periods',
  '  commit / best_case      C + Σ open Commit closing in [t, end) / commit + Σ open Best Case and Most Likely',
  '  pipeline_open_in_period Σ amount of the open deals closing in [t, end)',
  '  weighted                C + Σ amount × probability of the open deals closing in [t, end) (the CRM baseline)',
  '  conversion_expected     C + Σ amount × r̂(bucket) + new_pipeline_expected; bucket = stage × close date',
  '                          before / in / after the period / none (deal-age bucket without --history);',
  '                          r̂ = (W + m·r̄) ÷ (T + m) over the last 4 quarters / 6 months resolved at t, each seen',
  '                          at the same offset: T = open amount in the bucket then, W = the amount of those won',
  '                          in the period; r̄ = ΣW ÷ ΣT; m = 3 × the mean open deal amount',
  '  new_pipeline_expected   mean over the same periods of the amount created after the offset and won in it',
  '  mc_p10 / p50 / p90      quantiles of --simulations seeded draws: per draw a common shock f ~ LogNormal(−σ²/2, σ)',
  '                          scales all rates; each deal wins in at most one period; new pipeline ~ Normal(f·N̂, sd)',
  '                          σ² = max(0.1², mean log²(realised ÷ expected) over trailing periods) − the part',
  '                          independent deal outcomes explain, at most 0.6²; 0.3 with fewer than 3 periods',
  '  run_rate                mean of seasonal naive, damped Holt-Winters and Theta on closed won per resolved',
  '                          period (mean of the last 3 below 6 periods); never below C',
  '  forecast_total          ensemble = mean(conversion, run_rate) with ≥ 1 year of bookings, else conversion;',
  '                          or the --method chosen (rollup: commit; montecarlo: P50); --auto: the lowest',
  '                          backtest WAPE of conversion, montecarlo, runrate, ensemble over the last K periods',
  '  forecast_vs_quota       forecast_total ÷ quota (owner quota rows of the group’s owners, pro rata by days)',
]

export function forecastDefinitions(): string[] {
  return ['forecast definitions:', ...COMMON]
}

export function backtestDefinitions(): string[] {
  return [
    'forecast backtest definitions (A = actual closed won of P from the export, F = the forecast at t):',
    '  t = the start of P (--at start), or 42 / 70 days into it (week6 / week10); only data before t is used',
    '  ape = |F − A| ÷ A; accuracy = 1 − ape; error = F − A',
    '  wape = Σ|F − A| ÷ ΣA; bias = Σ(F − A) ÷ ΣA; mape = mean ape; forecast_accuracy = mean accuracy',
    '  within_10pct_share / within_20pct_share = share of periods with ape ≤ 0.10 / 0.20',
    '  p10_p90_coverage = share of periods with mc_p10 ≤ A ≤ mc_p90 (montecarlo)',
    '  improvement_vs_weighted = 1 − wape ÷ wape of weighted',
    ...COMMON,
  ]
}
