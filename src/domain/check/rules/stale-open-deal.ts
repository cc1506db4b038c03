import { formatIsoDate } from '../../../model/calendar-date.js'
import { plural } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

export const staleOpenDeal: CheckRule<'deal'> = {
  id: 'stale-open-deal',
  entity: 'deal',
  severity: 'warning',
  description:
    "An open deal's last activity is more than --stale-days (default 30) before the as-of date; deals without a last-activity date are not judged.",
  reads: ['status', 'last_activity'],
  check: (deal, ctx) => {
    if (deal.status !== 'open' || deal.last_activity === undefined) return undefined
    const idleDays = ctx.asOf - deal.last_activity
    if (idleDays <= ctx.staleDays) return undefined
    return `open deal's last activity ${formatIsoDate(deal.last_activity)} is ${plural(idleDays, 'day')} before the as-of date ${formatIsoDate(ctx.asOf)} (stale after ${plural(ctx.staleDays, 'day')})`
  },
}
