import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

function installed(shell: string): boolean {
  const r = spawnSync(shell, ['-c', 'exit 0'], { encoding: 'utf8' })
  return r.error === undefined && r.status === 0
}

const hasBash = installed('bash')
const hasZsh = installed('zsh')
const hasFish = installed('fish')

let dir: string
const scripts: Record<'bash' | 'zsh' | 'fish', string> = { bash: '', zsh: '', fish: '' }
const files: Record<'bash' | 'zsh' | 'fish', string> = { bash: '', zsh: '', fish: '' }

beforeAll(() => {
  dir = makeTempDir()
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const { exitCode, stdout, stderr } = runCli(['completion', shell])
    if (exitCode !== 0 || stderr !== '') throw new Error(`completion ${shell}: exit ${exitCode}: ${stderr}`)
    scripts[shell] = stdout
    files[shell] = join(dir, `salesops.${shell}`)
    writeFileSync(files[shell], stdout)
  }
})

afterAll(() => {
  removeTempDir(dir)
})

/** The commands `salesops --help` lists, so the test follows the program like the script does. */
function helpCommands(): string[] {
  const help = runCli(['--help']).stdout
  const section = help.slice(help.indexOf('\nCommands:\n'), help.indexOf('\nExit codes:'))
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1] ?? '')
}

const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`

/** COMPREPLY of the bash script for a command line (the last word is the one being completed). */
function bashComplete(words: readonly string[]): string[] {
  const code = [
    'source "$1"',
    `COMP_WORDS=(${words.map(quote).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    'COMPREPLY=()',
    '_salesops',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n')
  const r = spawnSync('bash', ['-c', code, 'bash', files.bash], { cwd: FIXTURES, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return r.stdout.split('\n').filter((l) => l !== '')
}

describe('completion bash', () => {
  it.runIf(hasBash)('prints a script bash -n accepts', () => {
    const r = spawnSync('bash', ['-n', files.bash], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('registers _salesops for salesops', () => {
    expect(scripts.bash).toContain('\ncomplete -F _salesops salesops\n')
  })

  it.runIf(hasBash)('completes command names', () => {
    expect(bashComplete(['salesops', 'k'])).toEqual(['kpi'])
    expect(bashComplete(['salesops', 're'])).toEqual(
      expect.arrayContaining(['renewals', 'reps', 'retention']),
    )
  })

  it.runIf(hasBash)('offers every command of --help at the top level, plus help', () => {
    expect(bashComplete(['salesops', ''])).toEqual(helpCommands())
  })

  it.runIf(hasBash)('completes global options after a command', () => {
    expect(bashComplete(['salesops', 'kpi', '--fo'])).toEqual(['--format'])
    expect(bashComplete(['salesops', 'kpi', '--'])).toEqual(
      expect.arrayContaining(['--period', '--history', '--format', '--out', '--as-of', '--help']),
    )
  })

  it.runIf(hasBash)('completes the choices of an option, also after = as its own word', () => {
    expect(bashComplete(['salesops', 'kpi', '--format', 'c'])).toEqual(['csv'])
    expect(bashComplete(['salesops', 'kpi', '--format', '=', 'c'])).toEqual(['csv'])
    expect(bashComplete(['salesops', 'kpi', '--period', ''])).toEqual([
      'week',
      'month',
      'quarter',
      'year',
      'all',
    ])
  })

  it.runIf(hasBash)('follows nested subcommands and their options', () => {
    expect(bashComplete(['salesops', 'pipeline', 'd'])).toEqual(['diff'])
    expect(bashComplete(['salesops', 'territories', ''])).toEqual(['report', 'balance', 'help'])
    expect(bashComplete(['salesops', 'assign', ''])).toEqual(['accounts', 'leads', 'help'])
    expect(bashComplete(['salesops', 'quotas', 'a'])).toEqual(['allocate'])
    expect(bashComplete(['salesops', '--format', 'csv', 'pipeline', 'diff', '--period', 'q'])).toEqual([
      'quarter',
    ])
  })

  it.runIf(hasBash)('completes file names for file arguments and options taking files', () => {
    expect(bashComplete(['salesops', 'kpi', 'demo/de'])).toEqual(['demo/deals.csv'])
    expect(bashComplete(['salesops', 'kpi', '--history', 'demo/stage'])).toEqual([
      'demo/stage_history.csv.gz',
    ])
    expect(bashComplete(['salesops', 'kpi', '--reps', 'demo/reps.csv', 'demo/quo'])).toEqual([
      'demo/quotas.csv',
    ])
    expect(bashComplete(['salesops', 'inspect', '-o', 'exports/salesforce-r'])).toEqual([
      'exports/salesforce-report.csv',
    ])
  })

  it.runIf(hasBash)('completes the shells after completion, and commands after help', () => {
    expect(bashComplete(['salesops', 'completion', ''])).toEqual(['bash', 'zsh', 'fish'])
    expect(bashComplete(['salesops', 'help', 'fu'])).toEqual(['funnel'])
  })
})

describe('completion zsh', () => {
  it('prints an autoloadable #compdef function file', () => {
    expect(scripts.zsh.startsWith('#compdef salesops\n')).toBe(true)
    expect(scripts.zsh).toContain('\n_salesops() {\n')
    expect(scripts.zsh).toContain('\n_salesops_pipeline_diff() {\n')
    expect(scripts.zsh).toContain("'--format=[")
    expect(scripts.zsh).toContain('compdef _salesops salesops')
  })

  it.runIf(hasZsh)('passes zsh -n and registers _salesops with compinit', () => {
    const syntax = spawnSync('zsh', ['-n', files.zsh], { encoding: 'utf8' })
    expect(syntax.stderr).toBe('')
    expect(syntax.status).toBe(0)
    const loaded = spawnSync(
      'zsh',
      [
        '-f',
        '-c',
        'autoload -Uz compinit && compinit -D -u && source "$1" && print -r -- $_comps[salesops]',
        'zsh',
        files.zsh,
      ],
      { encoding: 'utf8' },
    )
    expect(loaded.stderr).toBe('')
    expect(loaded.stdout).toBe('_salesops\n')
  })
})

describe('completion fish', () => {
  it('prints complete commands for the subcommands and options', () => {
    expect(scripts.fish).toContain("complete -c salesops -n '__salesops_at' -a 'kpi'")
    expect(scripts.fish).toContain("complete -c salesops -n '__salesops_at pipeline' -a 'diff'")
    expect(scripts.fish).toContain('complete -c salesops -l format -x -a ')
  })

  it.runIf(hasFish)('passes fish -n and completes a command line', () => {
    const syntax = spawnSync('fish', ['-n', files.fish], { encoding: 'utf8' })
    expect(syntax.stderr).toBe('')
    expect(syntax.status).toBe(0)
    const complete = (line: string): string[] => {
      const r = spawnSync('fish', ['-c', 'source $argv[1]; complete -C $argv[2]', files.fish, line], {
        cwd: FIXTURES,
        encoding: 'utf8',
      })
      expect(r.stderr).toBe('')
      return r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t')[0] ?? '')
    }
    expect(complete('salesops k')).toEqual(['kpi'])
    expect(complete('salesops kpi --format c')).toEqual(['csv'])
    expect(complete('salesops pipeline diff --period q')).toEqual(['quarter'])
    expect(complete('salesops kpi demo/de')).toEqual(['demo/deals.csv'])
  })
})

describe('completion errors', () => {
  it('rejects an unknown shell with a usage error, exit 2', () => {
    const { exitCode, stdout, stderr } = runCli(['completion', 'tcsh'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('bash, zsh, fish')
  })

  it('needs a shell, exit 2', () => {
    const { exitCode, stdout } = runCli(['completion'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
  })
})
