import { formatIsoDate } from '../../../model/calendar-date.js'
import type { CheckRule } from '../types.js'

export const repEndBeforeHire: CheckRule<'rep'> = {
  id: 'rep-end-before-hire',
  entity: 'rep',
  severity: 'warning',
  description:
    "A rep's end date lies before their hire date, so ramp, capacity and quota proration are wrong.",
  reads: ['hire_date', 'end_date'],
  check: (rep) =>
    rep.end_date !== undefined && rep.hire_date !== undefined && rep.end_date < rep.hire_date
      ? `end date ${formatIsoDate(rep.end_date)} is before hire date ${formatIsoDate(rep.hire_date)}`
      : undefined,
}
