/**
 * The rows of a funnel: the stage table's open stages in table order, then open stages the table
 * does not know (in name order), then one row for won. Lost stages are no row: a lost deal is
 * counted in `lost_here` of the last open stage it was in.
 */
import type { DealStatus } from '../../model/deal.js'

/** One stage of the stage table (config `stages:` or the profile's), in pipeline order. */
export interface FunnelStage {
  readonly name: string
  readonly status: DealStatus
}

export interface FunnelStageList {
  /** row names: known open stages, unknown open stages, the won row last */
  readonly names: readonly string[]
  /** how many of `names` are stages of the table (the first ones) */
  readonly known: number
  /** stages not in the table, in name order */
  readonly unknown: readonly string[]
  /** index of the won row (= names.length - 1) */
  readonly won: number
  /** row index of an open stage by its (canonical) name; undefined for won/lost stages */
  indexOf(name: string): number | undefined
}

/** The won row's name: the table's first won stage, else "Won". */
export function wonStageName(table: readonly FunnelStage[]): string {
  return table.find((s) => s.status === 'won')?.name ?? 'Won'
}

/**
 * @param table the stage table in pipeline order
 * @param unknownOpen names of open stages seen in the data that the table does not have
 */
export function funnelStageList(
  table: readonly FunnelStage[],
  unknownOpen: Iterable<string>,
): FunnelStageList {
  const known: string[] = []
  for (const s of table) if (s.status === 'open' && !known.includes(s.name)) known.push(s.name)
  const knownSet = new Set(known)
  const unknown = [...new Set(unknownOpen)]
    .filter((n) => !knownSet.has(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const names = [...known, ...unknown, wonStageName(table)]
  const index = new Map<string, number>()
  ;[...known, ...unknown].forEach((n, i) => index.set(n, i))
  return {
    names,
    known: known.length,
    unknown,
    won: names.length - 1,
    indexOf: (name) => index.get(name),
  }
}
