/** Any thrown value → the exit code and the message for stderr. PURE (unit-tested). */
import { CommanderError } from 'commander'
import { ExitCode, ExitError, InvalidRecordsError, SalesOpsError, formatIssue } from '../errors.js'

export interface Failure {
  readonly exitCode: ExitCode
  /** undefined when already printed (commander's own messages) */
  readonly message: string | undefined
}

const MAX_LINES = 20

export function describeFailure(error: unknown): Failure {
  if (error instanceof CommanderError) {
    const ok =
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    return { exitCode: ok ? ExitCode.Ok : ExitCode.Usage, message: undefined }
  }
  if (error instanceof ExitError) return { exitCode: error.exitCode, message: undefined }
  if (error instanceof InvalidRecordsError) {
    const lines = [
      `error: ${error.message}`,
      ...error.issues.slice(0, MAX_LINES).map((i) => `  ${formatIssue(i)}`),
    ]
    const more = error.total - Math.min(error.issues.length, MAX_LINES)
    if (more > 0) lines.push(`  …and ${more} more`)
    return { exitCode: error.exitCode, message: lines.join('\n') }
  }
  if (error instanceof SalesOpsError) {
    const details = error.details.slice(0, MAX_LINES).map((d) => `  ${d}`)
    if (error.details.length > MAX_LINES) details.push(`  …and ${error.details.length - MAX_LINES} more`)
    return { exitCode: error.exitCode, message: [`error: ${error.message}`, ...details].join('\n') }
  }
  if (isBrokenPipe(error)) return { exitCode: ExitCode.Ok, message: undefined }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error)
  return {
    exitCode: ExitCode.Internal,
    message: `${stack}\ninternal error: this is a bug in salesops; please report it with the command you ran`,
  }
}

/** `salesops … | head`: the reader went away; not an error of ours. */
function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE'
}
