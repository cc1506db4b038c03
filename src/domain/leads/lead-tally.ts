/**
 * The counts behind every lead metric, accumulated record by record for one row (a group, a group
 * in a period, or the totals). Totals are a tally of their own over the records, never a sum of rows.
 */
import type { Deal } from '../../model/deal.js'
import type { Lead } from '../../model/lead.js'
import { conversionTime, isConverted } from './lead-conversion.js'

/** Deals by id; the first deal of an id wins (`check` reports duplicate ids). */
export type DealIndex = ReadonlyMap<string, Deal>

export function indexDeals(deals: Iterable<Deal>): DealIndex {
  const index = new Map<string, Deal>()
  for (const deal of deals) if (!index.has(deal.id)) index.set(deal.id, deal)
  return index
}

export interface LeadTally {
  leads: number
  converted: number
  /** converted_date − created of converted leads with both dates, ≥ 0 */
  readonly conversionDays: number[]
  /** converted leads whose converted_date is before their created date */
  readonly negative: Lead[]
  /** converted leads without a created or converted_date */
  readonly undated: Lead[]
  /** won and lost deals named by the leads' deal_id, each deal once (id → amount in cents) */
  readonly wonDeals: Map<string, number>
  readonly lostDealIds: Set<string>
  /** leads whose deal_id is not in the deals (only when deals were given) */
  readonly unknownDeal: Lead[]
  /** how many leads of this tally name each deal id */
  readonly leadsPerDeal: Map<string, number>
}

export function createTally(): LeadTally {
  return {
    leads: 0,
    converted: 0,
    conversionDays: [],
    negative: [],
    undated: [],
    wonDeals: new Map(),
    lostDealIds: new Set(),
    unknownDeal: [],
    leadsPerDeal: new Map(),
  }
}

/** Adds one lead; `deals` undefined means no deals were given (deal outcomes unknown). */
export function addLead(tally: LeadTally, lead: Lead, deals: DealIndex | undefined): void {
  tally.leads++
  if (isConverted(lead)) tally.converted++
  const time = conversionTime(lead)
  if (time?.kind === 'days') tally.conversionDays.push(time.days)
  else if (time?.kind === 'negative') tally.negative.push(lead)
  else if (time?.kind === 'undated') tally.undated.push(lead)
  if (lead.deal_id === undefined) return
  tally.leadsPerDeal.set(lead.deal_id, (tally.leadsPerDeal.get(lead.deal_id) ?? 0) + 1)
  if (deals === undefined) return
  const deal = deals.get(lead.deal_id)
  if (deal === undefined) tally.unknownDeal.push(lead)
  else if (deal.status === 'won') tally.wonDeals.set(deal.id, deal.amount ?? 0)
  else if (deal.status === 'lost') tally.lostDealIds.add(deal.id)
}

/** Σ amount of the tally's won deals, in cents (each deal once). */
export function wonAmount(tally: LeadTally): number {
  let total = 0
  for (const amount of tally.wonDeals.values()) total += amount
  return total
}

export function tallyOf(leads: Iterable<Lead>, deals: DealIndex | undefined): LeadTally {
  const tally = createTally()
  for (const lead of leads) addLead(tally, lead, deals)
  return tally
}
