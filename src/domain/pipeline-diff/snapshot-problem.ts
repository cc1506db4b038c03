/** Why a deal export cannot serve as a snapshot for `pipeline diff`: deals are matched by id. */
import type { Deal } from '../../model/deal.js'

export interface SnapshotProblem {
  readonly code: 'DUPLICATE_ID' | 'NO_DEAL_ID'
  readonly file: string
  readonly line: number
  readonly message: string
}

/**
 * The first reason the deals cannot be matched by id, or undefined: an export without an id column
 * (the loader then names each deal `file:line`, which no other snapshot shares), or an id that
 * appears twice (which of the two is "the" deal would be a guess).
 *
 * @example
 *   snapshotProblem([deal({ id: 'D-1', source_line: 2 }), deal({ id: 'D-1', source_line: 5 })])
 *   //=> { code: 'DUPLICATE_ID', file: 'old.csv', line: 5, message: 'old.csv:5: deal id "D-1" appears again (first on line 2); …' }
 */
export function snapshotProblem(deals: readonly Deal[]): SnapshotProblem | undefined {
  const first = new Map<string, Deal>()
  for (const deal of deals) {
    const where = `${deal.source_file}:${deal.source_line}`
    if (deal.id === where) {
      return {
        code: 'NO_DEAL_ID',
        file: deal.source_file,
        line: deal.source_line,
        message: `${deal.source_file} has no deal id column; pipeline diff matches deals by id (map one with --map id=HEADER)`,
      }
    }
    const seen = first.get(deal.id)
    if (seen !== undefined) {
      return {
        code: 'DUPLICATE_ID',
        file: deal.source_file,
        line: deal.source_line,
        message: `${where}: deal id "${deal.id}" appears again (first on line ${seen.source_line}); pipeline diff matches deals by id, so each id must be unique in a snapshot`,
      }
    }
    first.set(deal.id, deal)
  }
  return undefined
}
