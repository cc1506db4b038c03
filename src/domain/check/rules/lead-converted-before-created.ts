import { formatIsoDate } from '../../../model/calendar-date.js'
import type { CheckRule } from '../types.js'

export const leadConvertedBeforeCreated: CheckRule<'lead'> = {
  id: 'lead-converted-before-created',
  entity: 'lead',
  severity: 'warning',
  description:
    "A lead's conversion date lies before its created date, so lead-to-deal conversion times would be negative.",
  reads: ['created', 'converted_date'],
  check: (lead) =>
    lead.converted_date !== undefined && lead.created !== undefined && lead.converted_date < lead.created
      ? `converted date ${formatIsoDate(lead.converted_date)} is before created date ${formatIsoDate(lead.created)}`
      : undefined,
}
