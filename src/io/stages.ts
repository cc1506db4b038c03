/**
 * Stage name → open/won/lost, default probability, forecast category and pipeline order, from the
 * config's stage table, else the profile's, else the name itself ("Closed Won", "gewonnen" → won;
 * "Closed Lost", "verloren" → lost; anything else open, with no order).
 */
import type { DealStatus, DealType, ForecastCategory } from '../model/deal.js'
import type { StageRow } from './profiles/index.js'

export interface StageInfo {
  readonly name: string
  readonly status: DealStatus
  readonly probability: number | undefined
  readonly forecastCategory: ForecastCategory | undefined
  /** position in the stage table; undefined for a stage the table does not know */
  readonly order: number | undefined
  readonly source: 'table' | 'name'
}

const key = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const wonWords = /\b(closed ?won|won|gewonnen|gagn[ée]e?|ganad[oa]|vinto|auftrag erhalten)\b/
const lostWords =
  /\b(closed ?lost|lost|verloren|perdu[e]?|perdid[oa]|perso|abgesagt|disqualified|disqualifiziert)\b/

export interface StageResolver {
  resolve(stage: string): StageInfo
  readonly table: readonly StageRow[]
  /** every stage resolved so far, in first-seen order (for `inspect`) */
  seen(): readonly StageInfo[]
}

export function createStageResolver(table: readonly StageRow[]): StageResolver {
  const known = new Map<string, StageInfo>()
  table.forEach((row, order) => {
    const info: StageInfo = {
      name: row.name,
      status: row.status,
      probability: row.probability,
      forecastCategory: row.forecastCategory,
      order,
      source: 'table',
    }
    for (const name of [row.name, ...(row.aliases ?? [])]) known.set(key(name), info)
  })
  const cache = new Map<string, StageInfo>()
  return {
    table,
    resolve(stage) {
      const cached = cache.get(stage)
      if (cached !== undefined) return cached
      const k = key(stage)
      let info = known.get(k)
      if (info === undefined) {
        const status: DealStatus = wonWords.test(k) ? 'won' : lostWords.test(k) ? 'lost' : 'open'
        info = {
          name: stage.trim(),
          status,
          probability: status === 'won' ? 1 : status === 'lost' ? 0 : undefined,
          forecastCategory: status === 'won' ? 'closed' : status === 'lost' ? 'omitted' : undefined,
          order: undefined,
          source: 'name',
        }
      }
      cache.set(stage, info)
      return info
    },
    seen: () => [...new Map([...cache.values()].map((i) => [i.name, i])).values()],
  }
}

const forecastWords: Readonly<Record<string, ForecastCategory>> = {
  pipeline: 'pipeline',
  open: 'pipeline',
  'best case': 'best_case',
  bestcase: 'best_case',
  best_case: 'best_case',
  upside: 'best_case',
  'most likely': 'most_likely',
  mostlikely: 'most_likely',
  commit: 'commit',
  committed: 'commit',
  forecast: 'commit',
  closed: 'closed',
  'closed won': 'closed',
  won: 'closed',
  omitted: 'omitted',
  omit: 'omitted',
  lost: 'omitted',
  'closed lost': 'omitted',
}

/** CRM forecast-category labels (crm-exports.md §5) → canonical; undefined when unknown. */
export function parseForecastCategory(raw: string): ForecastCategory | undefined {
  const k = raw.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ')
  return forecastWords[k] ?? forecastWords[k.replaceAll(' ', '')]
}

/** Deal type labels → new / expansion / renewal / other. */
export function parseDealType(raw: string): DealType {
  const k = raw.trim().toLowerCase()
  if (/renew/.test(k)) return 'renewal'
  if (/(expan|upsell|up-sell|cross|existing|add-on|addon|upgrade)/.test(k)) return 'expansion'
  if (/(new|neu)/.test(k)) return 'new'
  return 'other'
}

/** A status column's value → open/won/lost, or undefined (Pipedrive `Won`, Dynamics `Lost`, `Closed Won`). */
export function parseDealStatus(raw: string): DealStatus | undefined {
  const k = key(raw)
  if (k === '') return undefined
  if (wonWords.test(k)) return 'won'
  if (lostWords.test(k) || k === 'canceled' || k === 'cancelled' || k === 'out sold') return 'lost'
  if (k === 'open' || k === 'active' || k === 'in progress' || k === 'offen') return 'open'
  return undefined
}
