import { CommanderError } from 'commander'
import { describe, expect, it } from 'vitest'
import { ExitCode, ExitError, InputFileError, InvalidRecordsError, UsageError } from '../errors.js'
import { describeFailure } from './describe-failure.js'

describe('describeFailure', () => {
  it('maps help and version to 0 and other commander errors to usage, without a message', () => {
    expect(describeFailure(new CommanderError(0, 'commander.helpDisplayed', ''))).toEqual({
      exitCode: 0,
      message: undefined,
    })
    expect(describeFailure(new CommanderError(0, 'commander.version', ''))).toEqual({
      exitCode: 0,
      message: undefined,
    })
    expect(describeFailure(new CommanderError(1, 'commander.unknownOption', 'x'))).toEqual({
      exitCode: ExitCode.Usage,
      message: undefined,
    })
  })

  it('maps our errors to their exit codes with an error: line and no stack', () => {
    const usage = describeFailure(new UsageError('UNKNOWN_PROFILE', 'unknown profile "x"'))
    expect(usage).toEqual({ exitCode: 2, message: 'error: unknown profile "x"' })
    const input = describeFailure(new InputFileError('FILE_NOT_FOUND', 'a.csv', 'a.csv: no such file'))
    expect(input.exitCode).toBe(3)
    expect(input.message).not.toContain('    at ')
  })

  it('lists the first 20 row issues and counts the rest', () => {
    const issues = Array.from({ length: 25 }, (_, i) => ({
      file: 'deals.csv',
      line: i + 2,
      column: 'Amount',
      message: `"x${i}" is not an amount`,
      code: 'BAD_VALUE',
    }))
    const { exitCode, message } = describeFailure(new InvalidRecordsError(issues.slice(0, 20), 25, 25))
    expect(exitCode).toBe(3)
    const lines = message?.split('\n') ?? []
    expect(lines[1]).toBe('  deals.csv:2: column "Amount": "x0" is not an amount')
    expect(lines).toHaveLength(22)
    expect(lines[21]).toBe('  …and 5 more')
  })

  it('passes the code of an already reported outcome through', () => {
    expect(describeFailure(new ExitError(ExitCode.Findings))).toEqual({ exitCode: 1, message: undefined })
  })

  it('calls anything else a bug: exit 70 with the stack', () => {
    const { exitCode, message } = describeFailure(new TypeError('boom'))
    expect(exitCode).toBe(70)
    expect(message).toContain('this is a bug in salesops')
  })
})
