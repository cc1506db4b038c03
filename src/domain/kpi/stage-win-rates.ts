/**
 * Historical win rate by stage, for `--weights history`: among deals closed (won or lost) that
 * entered a stage at some point (stage history), the share that were won. A stage no closed deal
 * ever entered has no rate (its open deals weigh 0, and the report says how many).
 */
import type { Deal } from '../../model/deal.js'
import type { StageChange } from '../../model/stage-change.js'
import { ratio } from '../shared/stats.js'

export function stageWinRates(deals: readonly Deal[], history: readonly StageChange[]): Map<string, number> {
  const status = new Map<string, Deal['status']>()
  for (const d of deals) status.set(d.id, d.status)
  const entered = new Map<string, Set<string>>()
  for (const change of history) {
    const s = status.get(change.deal_id)
    if (s === undefined || s === 'open') continue
    const key = change.to_stage.trim().toLowerCase()
    let set = entered.get(key)
    if (set === undefined) entered.set(key, (set = new Set()))
    set.add(change.deal_id)
  }
  const rates = new Map<string, number>()
  for (const [stage, ids] of entered) {
    let won = 0
    for (const id of ids) if (status.get(id) === 'won') won++
    const rate = ratio(won, ids.size)
    if (rate !== null) rates.set(stage, rate)
  }
  return rates
}
