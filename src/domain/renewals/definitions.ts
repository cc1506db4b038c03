/** The definitions printed by `renewals --explain` (the same text as docs/metrics.md, section renewals). */
import type { RenewalGroupField } from './renewal-summary.js'

export interface RenewalsExplainOptions {
  readonly withinDays: number
  readonly graceDays: number
  readonly by: RenewalGroupField | undefined
}

export function renewalsDefinitions(options: RenewalsExplainOptions): string[] {
  const g = options.graceDays
  return [
    'renewals definitions (t = --as-of; end = the contract’s last day; days_left = end − t):',
    '  renewal of c       a contract whose renewal_of is c’s id; else one of the same account and product, without',
    `                     renewal_of, starting within ${g} days of c’s end + 1, before or after [--grace]`,
    '  churned            churn_date ≤ t (a later churn date is only announced: the status follows the dates)',
    '  renewed            else: c has a renewal in the file (contracts carry no signing date)',
    `  upcoming           else: days_left > ${options.withinDays} [--within]`,
    `  due                0 ≤ days_left ≤ ${options.withinDays} (ends today or within the window)`,
    `  overdue            −${g} ≤ days_left ≤ −1: ended within the grace, neither renewed nor churned`,
    `  expired            days_left < −${g}: ended longer ago than the grace, neither renewed nor churned`,
    '  renewed_by         the renewal’s contract id (whatever the status)',
    ...(options.by === undefined
      ? ['  order              end date, then account, then contract id']
      : [
          `  --by ${options.by.padEnd(13)} per ${options.by}: contracts and Σ value per status`,
          '  renewal_rate       renewed value ÷ (renewed + churned + expired value); undecided contracts left out',
        ]),
    '  value              the contract’s value as in the file, in cents until output',
  ]
}
