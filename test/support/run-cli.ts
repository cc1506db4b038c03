/**
 * Runs the built CLI like a user would: a child process of `bin/salesops.js`, in `fixtures/` by
 * default, with a pinned non-UTC time zone, no colours and the C locale. Never throws on a non-zero
 * exit: the exit code is part of what the tests assert.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BIN = join(REPO_ROOT, 'bin', 'salesops.js')
export const FIXTURES = join(REPO_ROOT, 'fixtures')
export const EXPECTED = join(REPO_ROOT, 'test', 'e2e', 'expected')

export interface RunOptions {
  /** bytes or text for standard input */
  readonly input?: string | Buffer
  /** working directory (default: fixtures/) */
  readonly cwd?: string
  /** extra environment variables (applied after the pinned ones) */
  readonly env?: Readonly<Record<string, string>>
}

export interface CliResult {
  /** null only when the process was killed by a signal */
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
}

export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'America/Los_Angeles', // non-UTC on purpose: calendar dates must not shift
    NO_COLOR: '1',
    LANG: 'C',
    LC_ALL: 'C',
    ...options.env,
  }
  if (options.env?.['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR']
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    encoding: 'utf8',
    env,
    ...(options.input === undefined ? {} : { input: options.input }),
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.error !== undefined) throw result.error // could not spawn at all: not a CLI result
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A fresh temporary folder; remove it with `removeTempDir` (e.g. in afterEach). */
export function makeTempDir(prefix = 'salesops-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** Every entry of a folder, sorted (temp files of atomic writes start with a dot). */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort()
}

/** The path of a fixture, for commands run outside fixtures/. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts)
}
