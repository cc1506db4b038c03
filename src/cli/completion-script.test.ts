import { Argument, Command, Option } from 'commander'
import { describe, expect, it } from 'vitest'
import {
  bashCompletion,
  completionNodes,
  completionScript,
  completionTree,
  fishCompletion,
  zshCompletion,
} from './completion-script.js'

/** A tiny program shaped like salesops: global options, nested commands, choices, file options. */
function tinyProgram(): Command {
  const program = new Command().name('tiny').description('a tiny CLI')
  program
    .version('1.0.0', '-V, --version')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']))
    .option('-o, --out <file>', 'write to FILE')
    .option('--as-of <date>', 'the day taken as today')
    .option('--map <field=header>', 'map a column (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('-q, --quiet', 'no warnings')
  program
    .command('kpi')
    .summary('sales KPIs')
    .argument('[deals...]', 'deals exports')
    .addOption(new Option('--period <grain>', 'period').choices(['month', 'quarter']))
    .option('--history <files...>', "stage history [it's a file]")
    .option('--mrr', 'monthly: recurring')
  const pipeline = program.command('pipeline').summary('pipeline views')
  pipeline
    .command('diff')
    .summary('what changed')
    .argument('<old>', 'old snapshot')
    .argument('<new>', 'new snapshot')
    .option('--statements <dir>', 'folder for statements')
  program
    .command('completion')
    .summary('print a completion script')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
  return program
}

describe('completionTree', () => {
  const tree = completionTree(tinyProgram())

  it('takes the program options but --help and --version as the global options', () => {
    expect(tree.name).toBe('tiny')
    expect(tree.globalOptions.map((o) => o.long)).toEqual([
      '--format',
      '--out',
      '--as-of',
      '--map',
      '--quiet',
    ])
    expect(tree.globalOptions[0]?.value).toEqual({ kind: 'choices', values: ['table', 'csv'] })
    expect(tree.globalOptions[1]).toMatchObject({ short: '-o', value: { kind: 'files' } })
    expect(tree.globalOptions[2]?.value).toEqual({ kind: 'none' })
    expect(tree.globalOptions[3]?.repeatable).toBe(true)
    expect(tree.globalOptions[4]?.value).toBeUndefined()
  })

  it('keeps --version and --help on the program itself', () => {
    expect(tree.root.options.map((o) => o.long)).toEqual(['--version', '--help'])
  })

  it('walks nested subcommands, with the implicit help command of each command that has some', () => {
    expect(completionNodes(tree).map((n) => n.path.join(' '))).toEqual([
      '',
      'kpi',
      'pipeline',
      'pipeline diff',
      'pipeline help',
      'completion',
      'help',
    ])
  })

  it('reads choices, file options and variadic options', () => {
    const kpi = tree.root.commands.find((c) => c.name === 'kpi')
    expect(kpi?.description).toBe('sales KPIs')
    expect(kpi?.args).toEqual({ kind: 'files' })
    expect(kpi?.options.find((o) => o.long === '--period')?.value).toEqual({
      kind: 'choices',
      values: ['month', 'quarter'],
    })
    expect(kpi?.options.find((o) => o.long === '--history')).toMatchObject({
      value: { kind: 'files' },
      variadic: true,
    })
    expect(kpi?.options.find((o) => o.long === '--mrr')?.value).toBeUndefined()
  })

  it('completes folders for a <dir> value and the choices of a choices argument', () => {
    const diff = tree.root.commands.find((c) => c.name === 'pipeline')?.commands[0]
    expect(diff?.options.find((o) => o.long === '--statements')?.value).toEqual({ kind: 'dirs' })
    expect(diff?.args).toEqual({ kind: 'files' })
    const completion = tree.root.commands.find((c) => c.name === 'completion')
    expect(completion?.args).toEqual({ kind: 'choices', values: ['bash', 'zsh', 'fish'] })
  })

  it('completes the sibling commands after help', () => {
    const help = tree.root.commands.find((c) => c.name === 'help')
    expect(help?.args).toEqual({ kind: 'choices', values: ['kpi', 'pipeline', 'completion'] })
    const pipelineHelp = tree.root.commands.find((c) => c.name === 'pipeline')?.commands[1]
    expect(pipelineHelp?.args).toEqual({ kind: 'choices', values: ['diff'] })
  })
})

describe('bashCompletion', () => {
  const script = bashCompletion(completionTree(tinyProgram()))

  it('lists the subcommands, options and argument values of every command path', () => {
    expect(script).toContain(
      "    '') _tiny_cmds='kpi pipeline completion help'; _tiny_opts='-V --version -h --help'; _tiny_args='' ;;",
    )
    expect(script).toContain("    'pipeline') _tiny_cmds='diff help';")
    expect(script).toContain(
      "    'pipeline diff') _tiny_cmds=''; _tiny_opts='--statements -h --help'; _tiny_args='@files' ;;",
    )
    expect(script).toContain(
      "    'completion') _tiny_cmds=''; _tiny_opts='-h --help'; _tiny_args='bash zsh fish' ;;",
    )
    expect(script).toContain(`_tiny_opts="\${_tiny_opts} "'--format -o --out --as-of --map -q --quiet'`)
  })

  it('says what each option value completes to, command options before global ones', () => {
    const kpi = script.indexOf("'kpi|--period') _tiny_values='month quarter'; _tiny_many=0 ;;")
    const global = script.indexOf("*'|--format') _tiny_values='table csv'; _tiny_many=0 ;;")
    expect(kpi).toBeGreaterThan(0)
    expect(global).toBeGreaterThan(kpi)
    expect(script).toContain("'kpi|--history') _tiny_values='@files'; _tiny_many=1 ;;")
    expect(script).toContain("'pipeline diff|--statements') _tiny_values='@dirs'; _tiny_many=0 ;;")
    expect(script).toContain("*'|-o') _tiny_values='@files'; _tiny_many=0 ;;")
    expect(script).toContain("*'|--as-of') _tiny_values=''; _tiny_many=0 ;;")
    expect(script).not.toContain("'kpi|--mrr'")
  })

  it('registers the completion function for the program name', () => {
    expect(script.trimEnd().endsWith('complete -F _tiny tiny')).toBe(true)
  })
})

describe('zshCompletion', () => {
  const script = zshCompletion(completionTree(tinyProgram()))

  it('is an autoloadable #compdef file that also works when sourced', () => {
    expect(script.startsWith('#compdef tiny\n')).toBe(true)
    expect(script).toContain(
      'if [ "$funcstack[1]" = "_tiny" ]; then\n  _tiny "$@"\nelse\n  compdef _tiny tiny\nfi',
    )
  })

  it('writes one function per command path, dispatching to the subcommands', () => {
    for (const fn of ['_tiny()', '_tiny_kpi()', '_tiny_pipeline()', '_tiny_pipeline_diff()', '_tiny_help()'])
      expect(script).toContain(`\n${fn} {`)
    expect(script).toContain("        'diff') _tiny_pipeline_diff ;;")
    expect(script).toContain("    'diff:what changed'")
  })

  it('writes _arguments specs with choices, files, and escaped descriptions', () => {
    expect(script).toContain("  '--format=[output format]:format:(table csv)'")
    expect(script).toContain("  '(-o --out)-o+[write to FILE]:out:_files'")
    expect(script).toContain("  '*--map=[map a column (repeatable)]:map: '")
    expect(script).toContain(`    '*--history=[stage history \\[it'\\''s a file\\]]:history:_files' \\`)
    expect(script).toContain("    '--mrr[monthly\\: recurring]' \\")
    expect(script).toContain("    '--statements=[folder for statements]:statements:_files -/' \\")
    expect(script).toContain("    '*:value:(bash zsh fish)' \\")
  })
})

describe('fishCompletion', () => {
  const script = fishCompletion(completionTree(tinyProgram()))

  it('completes subcommands at their path only', () => {
    expect(script).toContain("complete -c tiny -n '__tiny_at' -a 'kpi' -d 'sales KPIs'")
    expect(script).toContain("complete -c tiny -n '__tiny_at pipeline' -a 'diff' -d 'what changed'")
  })

  it('completes global options everywhere and command options at their command', () => {
    expect(script).toContain("complete -c tiny -l format -x -a 'table csv' -d 'output format'")
    expect(script).toContain("complete -c tiny -s o -l out -r -F -d 'write to FILE'")
    expect(script).toContain(
      "complete -c tiny -n '__tiny_at kpi' -l period -x -a 'month quarter' -d 'period'",
    )
    expect(script).toContain(
      "complete -c tiny -n '__tiny_at kpi' -l history -r -F -d 'stage history [it\\'s a file]'",
    )
  })

  it('offers files only where a command takes files, and the choices of a choices argument', () => {
    expect(script).toContain('complete -c tiny -f\n')
    expect(script).toContain("complete -c tiny -n '__tiny_at kpi' -F")
    expect(script).toContain("complete -c tiny -n '__tiny_at completion' -f -a 'bash zsh fish'")
  })

  it('knows which options take a value, to find the command path', () => {
    expect(script).toContain("        case 'kpi|--period'\n            return 0")
    expect(script).toContain("        case '*|--format'\n            return 0")
    expect(script).toContain("        case 'kpi|--history'\n            return 0")
  })
})

describe('completionScript', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('names the install command in the %s script', (shell) => {
    expect(completionScript(shell, tinyProgram())).toContain(`tiny completion ${shell} >`)
  })
})
