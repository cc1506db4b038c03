import type { CheckRule } from '../types.js'

export const dealWithoutCreatedDate: CheckRule<'deal'> = {
  id: 'deal-without-created-date',
  entity: 'deal',
  severity: 'info',
  description: 'A deal has no created date, so sales-cycle and pipeline-age KPIs leave it out.',
  reads: ['created'],
  check: (deal) =>
    deal.created === undefined ? 'deal has no created date (left out of cycle length and aging)' : undefined,
}
