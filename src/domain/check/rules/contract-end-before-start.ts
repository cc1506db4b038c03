import { formatIsoDate } from '../../../model/calendar-date.js'
import type { CheckRule } from '../types.js'

export const contractEndBeforeStart: CheckRule<'contract'> = {
  id: 'contract-end-before-start',
  entity: 'contract',
  severity: 'error',
  description:
    'A contract ends before it starts, so its term, ARR over time and renewal date are meaningless.',
  reads: ['start', 'end'],
  check: (contract) =>
    contract.end < contract.start
      ? `end date ${formatIsoDate(contract.end)} is before start date ${formatIsoDate(contract.start)}`
      : undefined,
}
