import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixture, listDir, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

interface WrittenConfig {
  currency?: string
  profile?: string
  files?: Record<string, string | string[]>
  stages?: { name: string; status: string; probability?: number }[]
  report?: { period?: string; sections?: string[] }
}

let dir: string
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => {
  removeTempDir(dir)
})

function readConfig(path: string): WrittenConfig {
  return parseYaml(readFileSync(path, 'utf8')) as WrittenConfig
}

describe('init', () => {
  it('writes a config from the demo exports that inspect --config loads, exit 0', () => {
    const config = join(dir, 'salesops.config.yaml')
    const files = ['demo/deals.csv', 'demo/reps.csv', 'demo/quotas.csv', 'demo/accounts.csv']
    const { exitCode, stdout, stderr } = runCli(['init', ...files, '-o', config])
    expect(exitCode).toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toContain('demo/deals.csv: deals (profile canonical')
    expect(stderr).toContain(`next: salesops report --config ${config}\n`)
    expect(listDir(dir)).toEqual(['salesops.config.yaml']) // no temp file left behind

    const written = readConfig(config)
    expect(written.currency).toBe('USD')
    expect(written.profile).toBe('canonical')
    expect(Object.keys(written.files ?? {})).toEqual(['deals', 'accounts', 'reps', 'quotas'])
    // paths relative to the config's folder
    expect(resolve(dirname(config), String(written.files?.['deals']))).toBe(fixture('demo', 'deals.csv'))
    expect(written.stages?.map((s) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Discovery',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
    ])
    expect(written.stages?.[2]).toMatchObject({ status: 'open', probability: 40 })
    expect(written.report?.period).toBe('quarter')

    const inspect = runCli(['inspect', '--config', config, 'demo/deals.csv', '--format', 'json'])
    expect(inspect.stderr).toBe('')
    expect(inspect.exitCode).toBe(0)
  })

  it('detects a Salesforce report export as profile salesforce-report with its stages', () => {
    const config = join(dir, 'sf.yaml')
    const { exitCode } = runCli(['init', 'exports/salesforce-report.csv', '-o', config])
    expect(exitCode).toBe(0)
    const written = readConfig(config)
    expect(written.profile).toBe('salesforce-report')
    expect(written.stages?.map((s) => [s.name, s.status, s.probability])).toEqual([
      ['Prospecting', 'open', 10],
      ['Value Proposition', 'open', 50],
      ['Negotiation/Review', 'open', 90],
      ['Closed Won', 'won', 100],
      ['Closed Lost', 'lost', 0],
    ])
    expect(runCli(['inspect', '--config', config, 'exports/salesforce-report.csv']).exitCode).toBe(0)
  })

  it('refuses to overwrite an existing file without --force, exit 2', () => {
    const config = join(dir, 'salesops.config.yaml')
    writeFileSync(config, 'currency: EUR\n')
    const { exitCode, stdout, stderr } = runCli(['init', 'exports/hubspot-deals.csv', '-o', config])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(config)
    expect(stderr).toContain('--force')
    expect(readFileSync(config, 'utf8')).toBe('currency: EUR\n')

    const forced = runCli(['init', 'exports/hubspot-deals.csv', '-o', config, '--force'])
    expect(forced.exitCode).toBe(0)
    expect(readConfig(config).profile).toBe('hubspot')
  })

  it('writes salesops.config.yaml in the current folder, the files section as an example when no file is given', () => {
    const { exitCode, stderr } = runCli(['init'], { cwd: dir })
    expect(exitCode).toBe(0)
    expect(stderr).toContain('next: salesops report --config salesops.config.yaml\n')
    const config = join(dir, 'salesops.config.yaml')
    const text = readFileSync(config, 'utf8')
    expect(text).toContain('\n# files:\n#   deals: ')
    expect(readConfig(config).files).toBeUndefined()
    expect(runCli(['inspect', '--config', config, 'demo/reps.csv']).exitCode).toBe(0)
  })

  it('writes the reading options it was given into the config', () => {
    const config = join(dir, 'de.yaml')
    const { exitCode } = runCli([
      'init',
      'dates/ambiguous.csv',
      '--date-format',
      'dmy',
      '--currency',
      'EUR',
      '-o',
      config,
    ])
    expect(exitCode).toBe(0)
    expect(readConfig(config)).toMatchObject({ currency: 'EUR', date_format: 'dmy' })
  })

  it('refuses a config name that is not .yaml or .yml, exit 2', () => {
    const { exitCode, stderr } = runCli(['init', '-o', join(dir, 'salesops.config.json')])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('.yaml')
    expect(listDir(dir)).toEqual([])
  })

  it('fails on a missing input file, exit 3, and writes nothing', () => {
    const config = join(dir, 'salesops.config.yaml')
    const { exitCode, stderr } = runCli(['init', 'no-such-file.csv', '-o', config])
    expect(exitCode).toBe(3)
    expect(stderr).toContain('no-such-file.csv')
    expect(existsSync(config)).toBe(false)
  })
})
