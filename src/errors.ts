/**
 * The one exit-code table and the typed errors behind it. Only `cli/main.ts` turns these into
 * messages and exit codes (see `describeFailure`).
 */
export const ExitCode = { Ok: 0, Findings: 1, Usage: 2, InputData: 3, Internal: 70 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** One problem with one cell or row of an input file, pointing at a line the user can open. */
export interface RowIssue {
  readonly file: string
  readonly line: number
  /** The column's header as it appears in the file, or '' for a whole-row problem. */
  readonly column: string
  readonly message: string
  readonly value?: string
  /** Stable kind of problem: MISSING_VALUE, BAD_VALUE, SCI_NOTATION_ID, RAGGED_ROW, … (check maps these to rules). */
  readonly code: string
}

/** An expected failure: bad input, bad options. Carries a stable SCREAMING_SNAKE code. */
export class SalesOpsError extends Error {
  readonly code: string
  readonly exitCode: ExitCode
  /** Extra lines printed under the message (capped by the reporter). */
  readonly details: readonly string[]
  constructor(
    code: string,
    message: string,
    exitCode: ExitCode,
    options?: ErrorOptions & { details?: readonly string[] },
  ) {
    super(message, options)
    this.name = 'SalesOpsError'
    this.code = code
    this.exitCode = exitCode
    this.details = options?.details ?? []
  }
}

/** A bad flag, value or combination of options (exit 2). */
export class UsageError extends SalesOpsError {
  constructor(code: string, message: string, options?: ErrorOptions & { details?: readonly string[] }) {
    super(code, message, ExitCode.Usage, options)
    this.name = 'UsageError'
  }
}

/** A file that cannot be read or understood as a whole (exit 3). */
export class InputFileError extends SalesOpsError {
  readonly file: string
  constructor(
    code: string,
    file: string,
    message: string,
    options?: ErrorOptions & { details?: readonly string[] },
  ) {
    super(code, message, ExitCode.InputData, options)
    this.name = 'InputFileError'
    this.file = file
  }
}

/** Rows that fail their schema (exit 3). Keeps the first issues and the total count. */
export class InvalidRecordsError extends SalesOpsError {
  readonly issues: readonly RowIssue[]
  readonly total: number
  readonly invalidRows: number
  constructor(issues: readonly RowIssue[], total: number, invalidRows: number) {
    super(
      'INVALID_ROWS',
      `${invalidRows} invalid row${invalidRows === 1 ? '' : 's'} (${total} issue${total === 1 ? '' : 's'}); fix them, or pass --skip-invalid --rejects FILE to go on without them`,
      ExitCode.InputData,
    )
    this.name = 'InvalidRecordsError'
    this.issues = issues
    this.total = total
    this.invalidRows = invalidRows
  }
}

/** The outcome was already reported (e.g. findings printed); only the exit code remains. */
export class ExitError extends Error {
  readonly exitCode: ExitCode
  constructor(exitCode: ExitCode) {
    super(`exit ${exitCode}`)
    this.name = 'ExitError'
    this.exitCode = exitCode
  }
}

/** `deals.csv:1042: column "Amount": "12,3x" is not an amount` */
export function formatIssue(issue: RowIssue): string {
  const where = `${issue.file}:${issue.line}`
  const column = issue.column === '' ? '' : ` column "${issue.column}":`
  return `${where}:${column} ${issue.message}`
}
