import { dateCell, moneyCell } from './format-cells.js'
import { DEMO_STAGES } from './sales-model.js'
import type { StageIndex } from './sales-model.js'
import type { DemoDeal } from './deal-simulation.js'

export const DEAL_HEADER = [
  'id',
  'name',
  'account_id',
  'account',
  'owner',
  'stage',
  'amount',
  'currency',
  'probability',
  'forecast_category',
  'created',
  'close_date',
  'type',
  'source',
  'product',
  'region',
  'territory',
  'segment',
  'cost',
  'last_activity',
  'pipeline',
] as const

export const STAGE_HISTORY_HEADER = [
  'deal_id',
  'date',
  'from_stage',
  'to_stage',
  'amount',
  'close_date',
  'probability',
  'forecast_category',
] as const

function stageOf(index: StageIndex): (typeof DEMO_STAGES)[number] {
  return DEMO_STAGES[index]
}

/** "Norvex Analytics Renewal": the account's brand, the product and the type. */
function dealName(deal: DemoDeal): string {
  const brand = deal.account.name.split(' ')[0] ?? deal.account.name
  const suffix = deal.type === 'expansion' ? ' Expansion' : deal.type === 'renewal' ? ' Renewal' : ''
  return `${brand} ${deal.product}${suffix}`
}

export function dealRow(deal: DemoDeal): string[] {
  const stage = stageOf(deal.stage)
  return [
    deal.id,
    dealName(deal),
    deal.account.id,
    deal.account.name,
    deal.owner.name,
    stage.name,
    moneyCell(deal.amountCents),
    'USD',
    String(stage.probability),
    stage.forecastCategory,
    dateCell(deal.created),
    dateCell(deal.closeDate),
    deal.type,
    deal.source,
    deal.product,
    deal.account.city.region,
    deal.territory.id,
    deal.account.segment,
    moneyCell(deal.costCents),
    dateCell(deal.lastActivity),
    'default',
  ]
}

export function* stageHistoryRows(deal: DemoDeal): Generator<string[]> {
  for (const move of deal.moves) {
    const stage = stageOf(move.to)
    yield [
      deal.id,
      dateCell(move.date),
      move.from === undefined ? '' : stageOf(move.from).name,
      stage.name,
      moneyCell(move.amountCents),
      dateCell(move.closeDate),
      String(stage.probability),
      stage.forecastCategory,
    ]
  }
}
