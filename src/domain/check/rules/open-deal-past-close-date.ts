import { formatIsoDate } from '../../../model/calendar-date.js'
import { plural } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

export const openDealPastCloseDate: CheckRule<'deal'> = {
  id: 'open-deal-past-close-date',
  entity: 'deal',
  severity: 'warning',
  description:
    "An open deal's expected close date lies before the as-of date: it was won, lost or slipped, and the CRM was not updated.",
  reads: ['status', 'close_date'],
  check: (deal, ctx) => {
    if (deal.status !== 'open' || deal.close_date === undefined || deal.close_date >= ctx.asOf)
      return undefined
    return `open deal's close date ${formatIsoDate(deal.close_date)} is ${plural(ctx.asOf - deal.close_date, 'day')} before the as-of date ${formatIsoDate(ctx.asOf)}`
  },
}
