import { dateCell, moneyCell } from './format-cells.js'
import { DEMO_STAGES, LOST, WON } from './sales-model.js'
import type { StageIndex } from './sales-model.js'
import type { DemoDeal } from './deal-simulation.js'
import type { CalendarDate } from '../model/calendar-date.js'

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

/**
 * The deal as an open-pipeline report exported on an earlier day would show it: its stage, amount
 * and close date after its last move on or before `day`; nothing when it did not exist yet or was
 * already closed. (A weekly "open pipeline" export, for `pipeline diff` against deals.csv.)
 */
export function* openPipelineRows(deal: DemoDeal, day: CalendarDate): Generator<string[]> {
  if (deal.created > day) return
  let last = deal.moves[0]
  for (const move of deal.moves) if (move.date <= day) last = move
  if (last === undefined || last.to === WON || last.to === LOST) return
  const row = dealRow(deal)
  const stage = stageOf(last.to)
  row[5] = stage.name
  row[6] = moneyCell(last.amountCents)
  row[8] = String(stage.probability)
  row[9] = stage.forecastCategory
  row[11] = dateCell(last.closeDate)
  row[18] = ''
  row[19] = dateCell(last.date)
  yield row
}
