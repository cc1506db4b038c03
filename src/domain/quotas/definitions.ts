/** The definitions printed by `quotas allocate --explain` (docs/metrics.md). */
import { formatIsoDate } from '../../model/calendar-date.js'
import type { AllocateOptions } from './allocate.js'
import { trailingWindow } from './history.js'

export function quotaDefinitions(
  options: Pick<AllocateOptions, 'basis' | 'ramp' | 'split' | 'seasonality' | 'period' | 'asOf'>,
): string[] {
  const w = trailingWindow(options.period, options.asOf)
  const window = `${formatIsoDate(w.start)} to ${formatIsoDate(w.end - 1)}`
  const basis = {
    even: '1 per carrier   [--basis even]',
    history: `won amount ${window} (reps hired after ${formatIsoDate(w.start)}: mean of the others)   [--basis history]`,
    potential: 'Σ potential of the accounts the rep owns (owner = rep id or name)   [--basis potential]',
    blend:
      options.basis.kind === 'blend'
        ? `${options.basis.historyWeight} × history share + ${1 - options.basis.historyWeight} × potential share   [--basis blend]`
        : '',
  }[options.basis.kind]
  const ramp =
    options.ramp.length === 0
      ? 'none: 1 per employed month'
      : options.ramp.map((r) => `${r * 100}%`).join(', ')
  return [
    `quotas allocate definitions (plan period ${options.period.label}; cents; largest remainder, ties to the smaller rep id):`,
    '  carriers       reps that are not managers (role "Manager" or someone’s manager), employed in a month of the period',
    `  basis          ${basis}`,
    '  basis_share    basis ÷ Σ basis over the carriers',
    `  month factor   tenure month n = month − hire month (hire month = 0): ramp[n] while n < ramp length, else 1; 0 before hire or after end_date; ramp ${ramp}`,
    '  ramp_factor    mean of the month factors over the row’s period',
    '  quota          target × basis_share × ramp_factor ÷ Σ(basis_share × ramp_factor): the ramp gap goes to every carrier pro rata',
    options.split === undefined
      ? '  period rows    one row per rep for the whole year'
      : options.seasonality
        ? `  ${options.split} rows   rep quota split ∝ Σ over the ${options.split}’s months of (won amount of that fiscal month over the last 24 months × month factor)`
        : `  ${options.split} rows   rep quota split ∝ Σ of the month factors of the ${options.split}`,
    '  roll-up        team / region rows are sums of rep rows: every level adds up to the target to the cent',
  ]
}
