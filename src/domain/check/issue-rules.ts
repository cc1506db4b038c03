/**
 * Rules fed by the loader's row issues rather than by records: a row that failed to parse never
 * becomes a record, so `check` reports the issue itself.
 */
import type { Severity } from './types.js'

export interface IssueRule {
  readonly id: string
  readonly severity: Severity
  readonly description: string
}

export const builtinIssueRules: readonly IssueRule[] = [
  {
    id: 'invalid-row',
    severity: 'error',
    description:
      'A row cannot be read: a required value is missing (e.g. a won deal without amount or close date), a value is malformed, or the row has the wrong number of cells.',
  },
  {
    id: 'sci-notation-id',
    severity: 'error',
    description:
      'An id was turned into scientific notation (1.23E+17) by a spreadsheet; its digits are lost and joins on it fail.',
  },
  {
    id: 'mojibake',
    severity: 'warning',
    description:
      'A cell was decoded with the wrong encoding (e.g. "Ã¼" for "ü"); the file is probably UTF-8 read as Windows-1252 or the reverse.',
  },
]

/** The issue rule for a `RowIssue.code`: SCI_NOTATION_ID → sci-notation-id, MOJIBAKE → mojibake, anything else → invalid-row. */
export function issueRuleId(code: string): string {
  switch (code) {
    case 'SCI_NOTATION_ID':
      return 'sci-notation-id'
    case 'MOJIBAKE':
      return 'mojibake'
    default:
      return 'invalid-row'
  }
}
