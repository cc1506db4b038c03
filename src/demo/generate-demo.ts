import type { CalendarDate } from '../model/calendar-date.js'
import { ACCOUNT_HEADER, accountRow } from './accounts.js'
import { CONTRACT_HEADER, contractRows } from './contracts.js'
import { simulateDeals } from './deal-simulation.js'
import { DEAL_HEADER, dealRow, openPipelineRows, STAGE_HISTORY_HEADER, stageHistoryRows } from './deals.js'
import { addDays, formatIsoDate } from '../model/calendar-date.js'
import { DEMO_SNAPSHOT } from './demo-calendar.js'
import { LEAD_HEADER, leadRows } from './leads.js'
import { NPS_HEADER, npsRows } from './nps.js'
import { QUOTA_HEADER, quotaRows } from './quotas.js'
import { REP_HEADER, repRow } from './reps.js'
import { SPEND_HEADER, spendRows } from './spend.js'
import { buildWorld } from './world.js'
import type { DemoWorld } from './world.js'

export { DEMO_SNAPSHOT } from './demo-calendar.js'
export { DEMO_STAGES } from './sales-model.js'

export interface DemoOptions {
  /** same seed, same bytes */
  readonly seed: number
  /** number of deals; default DEFAULT_DEMO_DEALS */
  readonly deals?: number
  /** the demo's "today"; default DEMO_SNAPSHOT (2026-11-27) */
  readonly snapshot?: CalendarDate
}

/** One CSV file of the demo: its canonical header and its rows (plain cell strings, not yet quoted). */
export interface DemoFile {
  /** e.g. 'deals.csv' */
  readonly name: string
  readonly header: readonly string[]
  /** A fresh, lazy pass over the rows: the same rows on every call. */
  rows(): Iterable<readonly string[]>
}

/** Deals of the default demo (about 9.5 MB of CSV in all; the brief allows 20,000–25,000). */
export const DEFAULT_DEMO_DEALS = 25_000

function* dealRows(world: DemoWorld): Generator<string[]> {
  for (const deal of simulateDeals(world)) yield dealRow(deal)
}

function* accountRows(world: DemoWorld): Generator<string[]> {
  for (const account of world.accounts) yield accountRow(account, world.snapshot)
}

function* previousPipelineRows(world: DemoWorld, day: CalendarDate): Generator<string[]> {
  for (const deal of simulateDeals(world)) yield* openPipelineRows(deal, day)
}

function* historyRows(world: DemoWorld): Generator<string[]> {
  for (const deal of simulateDeals(world)) yield* stageHistoryRows(deal)
}

/**
 * A deterministic B2B SaaS sales company ("Brightwave") as CSV rows in salesops' canonical format:
 * reps, accounts, deals with their full stage history, quotas, contracts, leads, spend and NPS.
 * The sales organisation and the accounts are built now; deals, stage history and everything derived
 * from them are generated lazily on each `rows()` call, so a million deals stream in bounded memory.
 *
 * @example
 * const files = generateDemo({ seed: 42 })
 * files.map((f) => f.name) //=> ['reps.csv', 'accounts.csv', 'deals.csv', 'stage_history.csv', ...]
 */
export function generateDemo(options: DemoOptions): readonly DemoFile[] {
  const deals = options.deals ?? DEFAULT_DEMO_DEALS
  if (!Number.isSafeInteger(deals) || deals < 1)
    throw new RangeError(`deals must be a positive whole number, got ${deals}`)
  if (!Number.isFinite(options.seed))
    throw new RangeError(`seed must be a finite number, got ${options.seed}`)
  const snapshot = options.snapshot ?? DEMO_SNAPSHOT
  const world = buildWorld(Math.trunc(options.seed), deals, snapshot)
  return [
    { name: 'reps.csv', header: REP_HEADER, rows: () => world.org.reps.map(repRow) },
    { name: 'accounts.csv', header: ACCOUNT_HEADER, rows: () => accountRows(world) },
    { name: 'deals.csv', header: DEAL_HEADER, rows: () => dealRows(world) },
    { name: 'stage_history.csv', header: STAGE_HISTORY_HEADER, rows: () => historyRows(world) },
    // last week's open-pipeline export, the OLD side of `pipeline diff` (deals.csv is the NEW one)
    {
      name: `open_pipeline_${formatIsoDate(addDays(snapshot, -7))}.csv`,
      header: DEAL_HEADER,
      rows: () => previousPipelineRows(world, addDays(snapshot, -7)),
    },
    { name: 'quotas.csv', header: QUOTA_HEADER, rows: () => quotaRows(world) },
    { name: 'contracts.csv', header: CONTRACT_HEADER, rows: () => contractRows(world) },
    { name: 'leads.csv', header: LEAD_HEADER, rows: () => leadRows(world) },
    { name: 'spend.csv', header: SPEND_HEADER, rows: () => spendRows(world) },
    { name: 'nps.csv', header: NPS_HEADER, rows: () => npsRows(world) },
  ]
}
