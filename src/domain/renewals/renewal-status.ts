/**
 * The status of a contract on the as-of date t. PURE.
 *
 * With days_left = end − t (the end date is the contract's last day, so 0 = it ends today):
 * - churned  — it has a churn date on or before t (a churn date after t is only announced);
 * - renewed  — else, it has a renewal (renewal-chains.ts), whatever the dates: contracts carry no
 *              signing date, so a renewal in the file counts as signed;
 * - upcoming — else days_left > within;
 * - due      — 0 ≤ days_left ≤ within (ends today, or within the next `within` days);
 * - overdue  — −grace ≤ days_left ≤ −1: ended 1 to `grace` days ago, neither renewed nor churned; a
 *              renewal starting tomorrow (end + grace + 1 at the latest) still continues it without
 *              churn in the ARR figures;
 * - expired  — days_left < −grace: ended longer ago than the grace, neither renewed nor churned.
 *              With grace 0 a contract is expired the day after its end.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'

export const renewalStatuses = ['upcoming', 'due', 'overdue', 'renewed', 'churned', 'expired'] as const
export type RenewalStatus = (typeof renewalStatuses)[number]

export interface RenewalStatusOptions {
  readonly asOf: CalendarDate
  /** --within: days ahead in which a contract end is due (default 90) */
  readonly withinDays: number
  /** --grace: days after the end in which a renewal still continues the contract (default 30) */
  readonly graceDays: number
}

export function renewalStatus(
  contract: Pick<Contract, 'end' | 'churn_date'>,
  renewed: boolean,
  options: RenewalStatusOptions,
): RenewalStatus {
  if (contract.churn_date !== undefined && contract.churn_date <= options.asOf) return 'churned'
  if (renewed) return 'renewed'
  const daysLeft = contract.end - options.asOf
  if (daysLeft > options.withinDays) return 'upcoming'
  if (daysLeft >= 0) return 'due'
  return -daysLeft <= options.graceDays ? 'overdue' : 'expired'
}
