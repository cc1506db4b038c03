import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, listDir, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'
import { parseInspections } from '../support/inspect-json.js'

const FILES = [
  'accounts.csv',
  'contracts.csv',
  'deals.csv',
  'leads.csv',
  'nps.csv',
  'open_pipeline_2026-11-20.csv',
  'quotas.csv',
  'reps.csv',
  'spend.csv',
  'stage_history.csv',
]

let first: string
let second: string
let otherSeed: string
let firstRun: ReturnType<typeof runCli>

beforeAll(() => {
  first = makeTempDir('salesops-demo-a-')
  second = makeTempDir('salesops-demo-b-')
  otherSeed = makeTempDir('salesops-demo-c-')
  firstRun = runCli(['demo', '--out', first, '--deals', '2000'])
  runCli(['demo', '--out', second, '--deals', '2000'])
  runCli(['demo', '--out', otherSeed, '--deals', '2000', '--seed', '7'])
})
afterAll(() => {
  for (const dir of [first, second, otherSeed]) removeTempDir(dir)
})

describe('demo --out DIR --deals 2000', () => {
  it('writes the 10 files of the demo company and nothing else, exit 0, no stdout', () => {
    expect(firstRun.exitCode).toBe(0)
    expect(firstRun.stdout).toBe('')
    expect(listDir(first)).toEqual(FILES)
  })

  it('notes each file written with its row count on stderr', () => {
    const lines = firstRun.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(FILES.length)
    expect(lines).toContain(`${join(first, 'deals.csv')}: 2,000 rows`)
    for (const file of FILES) expect(firstRun.stderr).toContain(`${join(first, file)}: `)
  })

  it('writes exactly 2000 deals', () => {
    const deals = readFileSync(join(first, 'deals.csv'), 'utf8').trimEnd().split('\n')
    expect(deals).toHaveLength(2001)
  })

  it.each(FILES)('writes identical bytes of %s for the same seed', (file) => {
    expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file)))).toBe(true)
  })

  it('writes different deals for another seed', () => {
    expect(readFileSync(join(otherSeed, 'deals.csv')).equals(readFileSync(join(first, 'deals.csv')))).toBe(
      false,
    )
  })

  it('writes files that inspect recognises as the entity each one holds, without invalid rows', () => {
    const { exitCode, stdout, stderr } = runCli([
      'inspect',
      ...FILES.map((f) => join(first, f)),
      '--format',
      'json',
    ])
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const found = parseInspections(stdout).map((i) => [
      i.file.slice(first.length + 1),
      i.entity,
      i.invalid_rows,
    ])
    expect(found).toEqual([
      ['accounts.csv', 'account', 0],
      ['contracts.csv', 'contract', 0],
      ['deals.csv', 'deal', 0],
      ['leads.csv', 'lead', 0],
      ['nps.csv', 'nps', 0],
      ['open_pipeline_2026-11-20.csv', 'deal', 0],
      ['quotas.csv', 'quota', 0],
      ['reps.csv', 'rep', 0],
      ['spend.csv', 'spend', 0],
      ['stage_history.csv', 'stage_change', 0],
    ])
  })
})

describe('demo usage', () => {
  it('fails with exit 2 without a folder', () => {
    const { exitCode, stdout, stderr } = runCli(['demo'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('error: demo needs a folder: --out DIR\n')
  })

  it('fails with exit 2 on --deals 0', () => {
    const dir = makeTempDir()
    try {
      const { exitCode, stderr } = runCli(['demo', '--out', dir, '--deals', '0'])
      expect(exitCode).toBe(2)
      expect(stderr).toContain('expected a whole number above 0')
      expect(listDir(dir)).toEqual([])
    } finally {
      removeTempDir(dir)
    }
  })
})

describe('the shipped demo company', () => {
  it('is exactly what `npm run demo:fixtures` writes (seed 42, history gzipped)', () => {
    const dir = makeTempDir('salesops-demo-shipped-')
    try {
      const { exitCode } = runCli(['demo', '--out', dir, '--seed', '42', '--gzip-history'])
      expect(exitCode).toBe(0)
      const shipped = join(REPO_ROOT, 'fixtures', 'demo')
      const written = listDir(dir)
      expect(written).toEqual(listDir(shipped).filter((f) => f !== 'README.md'))
      for (const file of written)
        expect(readFileSync(join(dir, file)).equals(readFileSync(join(shipped, file)))).toBe(true)
    } finally {
      removeTempDir(dir)
    }
  })
})
