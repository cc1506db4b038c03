import { formatIsoDate } from '../../../model/calendar-date.js'
import type { CheckRule } from '../types.js'

export const closedBeforeCreated: CheckRule<'deal'> = {
  id: 'closed-before-created',
  entity: 'deal',
  severity: 'warning',
  description:
    "A deal's close date lies before its created date (usually a data-migration artefact); cycle-length KPIs leave it out.",
  reads: ['close_date', 'created'],
  check: (deal) =>
    deal.close_date !== undefined && deal.created !== undefined && deal.close_date < deal.created
      ? `close date ${formatIsoDate(deal.close_date)} is before created date ${formatIsoDate(deal.created)} (left out of cycle length)`
      : undefined,
}
