/** The definitions printed by `capacity --explain` (docs/metrics.md). */
import { formatIsoDate } from '../../model/calendar-date.js'
import type { CapacityOptions } from './plan.js'
import { capacityWindow } from './plan.js'

export function capacityDefinitions(
  options: Pick<
    CapacityOptions,
    'period' | 'asOf' | 'rampMonths' | 'attrition' | 'timeToHireDays' | 'costPerRep'
  >,
): string[] {
  const w = capacityWindow(options.period, options.asOf)
  const R = options.rampMonths
  return [
    `capacity definitions (plan period ${options.period.label}; reps = quota carriers, managers left out):`,
    `  history          ${formatIsoDate(w.start)} to ${formatIsoDate(w.end - 1)} (the 12 whole months before the plan or today)`,
    `  ramped rep-month tenure month n = month − hire month ≥ ${R}, on board to the month's last day   [--ramp-months ${R}]`,
    '  productivity     Σ won amount in ramped rep-months ÷ ramped rep-months × 12 (per ramped rep and year)',
    `  ramp curve       month n < ${R} produces (n + ½) ÷ ${R} of a ramped rep; 0 before hire or after end_date`,
    '  target           --target split evenly over the quarters (largest remainder, cents to the earlier quarters)',
    '  needed_reps      ⌈quarter target ÷ (productivity ÷ 4)⌉',
    '  ramped_reps      reps on board at the quarter start with n ≥ ramp months; ramping_reps: the others on board',
    `  expected_attrition  (reps on board + earlier hires) × ${options.attrition} ÷ 4   [--attrition]`,
    '  capacity         Σ mean month factor of the reps on file + earlier hires − cumulative expected attrition',
    '  hires_needed     max(0, ⌈needed_reps − capacity⌉); a hire counts fully from its quarter on',
    `  start_by         quarter start − ${R} months; hire_by = start_by − ${options.timeToHireDays} days   [--time-to-hire]`,
    ...(options.costPerRep === undefined
      ? []
      : [
          '  headcount        reps on board at the quarter start + hires started before the quarter ends − cumulative attrition',
          '  headcount_cost   cost per rep × headcount ÷ 4; cost of sales = Σ headcount_cost ÷ target',
        ]),
  ]
}
