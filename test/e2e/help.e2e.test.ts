import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../support/run-cli.js'

const commands = [
  'report',
  'inspect',
  'check',
  'convert',
  'kpi',
  'funnel',
  'pipeline',
  'pipeline diff',
  'reps',
  'leads',
  'forecast',
  'forecast backtest',
  'renewals',
  'retention',
  'commissions',
  'territories',
  'territories report',
  'territories balance',
  'assign',
  'assign accounts',
  'assign leads',
  'quotas',
  'quotas allocate',
  'capacity',
  'demo',
  'init',
  'completion',
]

describe('help', () => {
  it.each(commands)('prints the help of %s with an Examples: section, exit 0', (command) => {
    const { exitCode, stdout, stderr } = runCli([...command.split(' '), '--help'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(new RegExp(`^Usage: salesops ${command} `))
    expect(stdout).toMatch(new RegExp(`\\nExamples:\\n(  \\$ salesops ${command} .+\\n)+`))
  })

  // `help` takes one command name; nested commands use --help
  it.each(commands.filter((c) => !c.includes(' ')))('prints the same help for "help %s"', (command) => {
    const viaHelp = runCli(['help', ...command.split(' ')])
    expect(viaHelp.exitCode).toBe(0)
    expect(viaHelp.stdout).toBe(runCli([...command.split(' '), '--help']).stdout)
  })

  it('prints the program help with every command and the exit codes, exit 0', () => {
    const { exitCode, stdout, stderr } = runCli(['--help'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    for (const command of commands.filter((c) => !c.includes(' ')))
      expect(stdout).toMatch(new RegExp(`\\n  ${command} `))
    expect(stdout).toContain('Exit codes:\n  0   ok\n  1   findings')
    expect(stdout).toContain('  70  internal error')
  })
})

describe('version', () => {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }

  it.each(['--version', '-V'])('prints the package version with %s, exit 0', (flag) => {
    const { exitCode, stdout, stderr } = runCli([flag])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toBe(`${version}\n`)
  })
})
