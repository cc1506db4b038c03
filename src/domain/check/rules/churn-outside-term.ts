import { formatIsoDate } from '../../../model/calendar-date.js'
import type { CheckRule } from '../types.js'

export const churnOutsideTerm: CheckRule<'contract'> = {
  id: 'churn-outside-term',
  entity: 'contract',
  severity: 'warning',
  description:
    "A contract's churn date lies before its start or after its end (a churn at the end date itself is normal).",
  reads: ['churn_date', 'start', 'end'],
  check: (contract) => {
    const churn = contract.churn_date
    if (churn === undefined) return undefined
    if (churn < contract.start) {
      return `churn date ${formatIsoDate(churn)} is before the contract start ${formatIsoDate(contract.start)}`
    }
    if (churn > contract.end) {
      return `churn date ${formatIsoDate(churn)} is after the contract end ${formatIsoDate(contract.end)}`
    }
    return undefined
  },
}
