/** The entry point: the one try/catch that turns failures into messages and exit codes. */
import type { ExitCode } from '../errors.js'
import { describeFailure } from './describe-failure.js'
import { startCheckWorkersEarly } from './check-workers.js'
import { commandNamed, createProgram } from './program.js'

export async function main(argv: readonly string[]): Promise<ExitCode> {
  // check's worker threads start loading now, while this thread loads the command
  if (commandNamed(argv) === 'check') startCheckWorkersEarly()
  const program = await createProgram(argv)
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  try {
    await program.parseAsync([...argv])
    return 0
  } catch (error) {
    const { exitCode, message } = describeFailure(error)
    if (message !== undefined) process.stderr.write(`${message}\n`)
    return exitCode
  }
}
