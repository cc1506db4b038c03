/**
 * Shell completion scripts generated from the commander program itself (its commands, nested
 * subcommands, options, `.choices()` and argument names), so they never go stale. Pure: reads the
 * commander objects, returns text.
 *
 * Value completion rules: an option or argument with `.choices()` completes to its choices; an
 * option whose value is named `<file>`/`<files...>` (or `<path>`) completes file names, `<dir>`
 * folder names; any other option value (`<date>`, `<n>`) completes to nothing. Command arguments
 * without choices are input files. The implicit `help [command]` completes the sibling commands.
 */
import type { Command, Option } from 'commander'

export const completionShells = ['bash', 'zsh', 'fish'] as const
export type CompletionShell = (typeof completionShells)[number]

/** What a value (of an option or a positional argument) completes to. */
export type ValueCompletion =
  | { readonly kind: 'choices'; readonly values: readonly string[] }
  | { readonly kind: 'files' }
  | { readonly kind: 'dirs' }
  /** a free value such as a date or a number: nothing to offer */
  | { readonly kind: 'none' }

export interface CompletionOption {
  readonly short?: string
  readonly long?: string
  readonly description: string
  /** undefined for a switch */
  readonly value?: ValueCompletion
  /** takes several values (`<files...>`): the words after it are its values until the next option */
  readonly variadic: boolean
  /** may be given more than once */
  readonly repeatable: boolean
}

export interface CompletionNode {
  readonly name: string
  /** command names from the program down to this command; [] for the program */
  readonly path: readonly string[]
  readonly description: string
  /** the command's own options (with -h/--help; the program's: -V/--version too) */
  readonly options: readonly CompletionOption[]
  readonly commands: readonly CompletionNode[]
  /** what its positional arguments complete to, merged over all positions; undefined: none */
  readonly args?: ValueCompletion
}

export interface CompletionTree {
  /** the program's name, the command the script completes */
  readonly name: string
  /** options recognised everywhere (the program's options but --help and --version) */
  readonly globalOptions: readonly CompletionOption[]
  readonly root: CompletionNode
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim()
}

function valueOf(option: Option): ValueCompletion | undefined {
  if (!option.required && !option.optional) return undefined
  if (option.argChoices !== undefined) return { kind: 'choices', values: option.argChoices }
  const name = (/[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '').replace(/\.\.\.$/, '').toLowerCase()
  if (/^(dir|dirs|directory|folder)$/.test(name)) return { kind: 'dirs' }
  if (/file|^paths?$/.test(name)) return { kind: 'files' }
  return { kind: 'none' }
}

function optionOf(option: Option): CompletionOption {
  const value = valueOf(option)
  return {
    ...(option.short === undefined ? {} : { short: option.short }),
    ...(option.long === undefined ? {} : { long: option.long }),
    description: firstLine(option.description),
    ...(value === undefined ? {} : { value }),
    variadic: value !== undefined && option.variadic,
    repeatable: option.variadic || Array.isArray(option.defaultValue),
  }
}

/** Choices of several positions merged: choices are united; files win over none. */
function mergeValues(values: readonly ValueCompletion[]): ValueCompletion | undefined {
  if (values.length === 0) return undefined
  const choices = values.flatMap((v) => (v.kind === 'choices' ? v.values : []))
  if (values.some((v) => v.kind === 'files')) return { kind: 'files' }
  if (values.some((v) => v.kind === 'dirs')) return { kind: 'dirs' }
  if (choices.length > 0) return { kind: 'choices', values: [...new Set(choices)] }
  return { kind: 'none' }
}

function isHelpCommand(command: Command): boolean {
  const args = command.registeredArguments
  return command.name() === 'help' && args.length === 1 && args[0]?.name() === 'command'
}

function nodeOf(
  command: Command,
  path: readonly string[],
  isRoot: boolean,
  hidden: Set<Option>,
): CompletionNode {
  const help = command.createHelp()
  const subcommands = help.visibleCommands(command)
  const siblings = subcommands.filter((c) => !isHelpCommand(c)).map((c) => c.name())
  const commands = subcommands.map((c): CompletionNode => {
    if (!isHelpCommand(c)) return nodeOf(c, [...path, c.name()], false, hidden)
    return {
      name: c.name(),
      path: [...path, c.name()],
      description: firstLine(help.subcommandDescription(c)),
      options: [],
      commands: [],
      args: { kind: 'choices', values: siblings },
    }
  })
  const options = help
    .visibleOptions(command)
    .filter((o) => !hidden.has(o))
    .map(optionOf)
  const args = mergeValues(
    command.registeredArguments.map((a): ValueCompletion =>
      a.argChoices === undefined ? { kind: 'files' } : { kind: 'choices', values: a.argChoices },
    ),
  )
  return {
    name: command.name(),
    path,
    description: firstLine(isRoot ? command.description() : command.summary() || command.description()),
    options,
    commands,
    ...(args === undefined ? {} : { args }),
  }
}

/** The program's commands and options as data (visible ones only, in the order of --help). */
export function completionTree(program: Command): CompletionTree {
  const visible = program.createHelp().visibleOptions(program)
  const globals = visible.filter((o) => o.long !== '--help' && o.long !== '--version')
  const root = nodeOf(program, [], true, new Set(globals))
  return { name: program.name(), globalOptions: globals.map(optionOf), root }
}

/** Every node of the tree, the program first, depth first. */
export function completionNodes(tree: CompletionTree): CompletionNode[] {
  const out: CompletionNode[] = []
  const visit = (node: CompletionNode): void => {
    out.push(node)
    node.commands.forEach(visit)
  }
  visit(tree.root)
  return out
}

function flagsOf(option: CompletionOption): string[] {
  return [option.short, option.long].filter((f): f is string => f !== undefined)
}

// ---------------------------------------------------------------------------------------------
// bash

/** A word list for bash/fish: every value is a simple word here, quoted for the shell. */
function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

function bashValues(value: ValueCompletion): string {
  if (value.kind === 'files') return '@files'
  if (value.kind === 'dirs') return '@dirs'
  if (value.kind === 'none') return ''
  return value.values.join(' ')
}

function identifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_')
}

/** A bash script (bash ≥ 4 with programmable completion; no bash-completion package needed). */
export function bashCompletion(tree: CompletionTree): string {
  const fn = `_${identifier(tree.name)}`
  const nodes = completionNodes(tree)
  const globalFlags = tree.globalOptions.flatMap(flagsOf)
  const globalLongs = new Set(globalFlags)
  const nodeCases = nodes.map((node) => {
    const words = [
      `${fn}_cmds=${singleQuoted(node.commands.map((c) => c.name).join(' '))}`,
      `${fn}_opts=${singleQuoted(node.options.flatMap(flagsOf).join(' '))}`,
      `${fn}_args=${singleQuoted(node.args === undefined ? '' : bashValues(node.args))}`,
    ]
    return `    ${singleQuoted(node.path.join(' '))}) ${words.join('; ')} ;;`
  })
  const optionCase = (pattern: string, option: CompletionOption): string => {
    if (option.value === undefined) return `    ${pattern}) return 1 ;;`
    return `    ${pattern}) ${fn}_values=${singleQuoted(bashValues(option.value))}; ${fn}_many=${option.variadic ? 1 : 0} ;;`
  }
  const commandOptionCases = nodes.flatMap((node) =>
    node.options.flatMap((option) =>
      // a switch needs its own line only where it shadows a global option that takes a value
      option.value === undefined && !flagsOf(option).some((f) => globalLongs.has(f))
        ? []
        : flagsOf(option).map((flag) => optionCase(singleQuoted(`${node.path.join(' ')}|${flag}`), option)),
    ),
  )
  const globalOptionCases = tree.globalOptions.flatMap((option) =>
    option.value === undefined
      ? []
      : flagsOf(option).map((flag) => optionCase(`*${singleQuoted(`|${flag}`)}`, option)),
  )
  return `# bash completion for ${tree.name}
# Generated by \`${tree.name} completion bash\` from the program's own commands and options.
# Install:  ${tree.name} completion bash > ~/.local/share/bash-completion/completions/${tree.name}
# or add to ~/.bashrc:  source <(${tree.name} completion bash)

# ${fn}_node PATH: the subcommands, options and argument values of the command PATH
${fn}_node() {
  case "$1" in
${nodeCases.join('\n')}
    *) ${fn}_cmds=''; ${fn}_opts=''; ${fn}_args='' ;;
  esac
  # options of every command
  ${fn}_opts="\${${fn}_opts} "${singleQuoted(globalFlags.join(' '))}
}

# ${fn}_optarg PATH OPTION: what the value of OPTION completes to (@files, @dirs, words, or
# nothing); status 1 when OPTION takes no value
${fn}_optarg() {
  ${fn}_many=0
  case "$1|$2" in
${[...commandOptionCases, ...globalOptionCases].join('\n')}
    *) return 1 ;;
  esac
  return 0
}

# ${fn}_add VALUES: adds the VALUES matching $cur to COMPREPLY
${fn}_add() {
  local IFS=$'\\n' word
  case "$1" in
    '') ;;
    @files)
      compopt -o filenames 2>/dev/null
      for word in $(compgen -f -- "$cur"); do COMPREPLY+=("$prefix$word"); done ;;
    @dirs)
      compopt -o filenames 2>/dev/null
      for word in $(compgen -d -- "$cur"); do COMPREPLY+=("$prefix$word"); done ;;
    *)
      for word in $(compgen -W "\${1// /$'\\n'}" -- "$cur"); do COMPREPLY+=("$prefix$word"); done ;;
  esac
}

${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path='' word pending='' prefix='' i=1 options=1 values=0
  local ${fn}_cmds ${fn}_opts ${fn}_args ${fn}_values ${fn}_many
  COMPREPLY=()
  # walk the words before the cursor: follow subcommands, skip option values
  while [ "$i" -lt "$COMP_CWORD" ]; do
    word="\${COMP_WORDS[i]}"
    i=$((i + 1))
    if [ -n "$pending" ]; then
      [ "$word" = '=' ] && continue
      if [ "\${${fn}_many}" = 1 ]; then
        case "$word" in
          -*) pending='' ;;
          *) values=1; continue ;;
        esac
      else
        pending=''
        continue
      fi
    fi
    case "$word" in
      --) options=0 ;;
      -*=*) ;;
      -*) [ "$options" = 1 ] && ${fn}_optarg "$path" "$word" && pending="$word" && values=0 ;;
      *)
        ${fn}_node "$path"
        case " \${${fn}_cmds} " in
          *" $word "*) path="\${path:+$path }$word" ;;
        esac ;;
    esac
  done
  if [ -n "$pending" ] && ! { [ "\${${fn}_many}" = 1 ] && [ "$values" = 1 ] && [[ "$cur" == -* ]]; }; then
    [ "$cur" = '=' ] && cur=''
    ${fn}_optarg "$path" "$pending"
    ${fn}_add "\${${fn}_values}"
    return 0
  fi
  if [ "$options" = 1 ]; then
    case "$cur" in
      --*=*)
        pending="\${cur%%=*}"
        prefix="$pending="
        cur="\${cur#*=}"
        ${fn}_optarg "$path" "$pending" && ${fn}_add "\${${fn}_values}"
        return 0 ;;
      -*)
        ${fn}_node "$path"
        ${fn}_add "\${${fn}_opts}"
        return 0 ;;
    esac
  fi
  ${fn}_node "$path"
  ${fn}_add "\${${fn}_cmds}"
  ${fn}_add "\${${fn}_args}"
  return 0
}

complete -F ${fn} ${tree.name}
`
}

// ---------------------------------------------------------------------------------------------
// zsh

/** Text inside `[…]` or a message of an `_arguments` spec. */
function zshEscape(text: string): string {
  return text.replace(/([\\[\]:])/g, '\\$1')
}

function zshAction(value: ValueCompletion): string {
  if (value.kind === 'files') return '_files'
  if (value.kind === 'dirs') return '_files -/'
  if (value.kind === 'none') return ' '
  return `(${value.values.map((v) => v.replace(/([\\ ()'"])/g, '\\$1')).join(' ')})`
}

function zshOptionSpecs(option: CompletionOption): string[] {
  const flags = flagsOf(option)
  const exclusion = option.repeatable ? '*' : flags.length > 1 ? `(${flags.join(' ')})` : ''
  return flags.map((flag) => {
    const description = `[${zshEscape(option.description)}]`
    if (option.value === undefined) return singleQuoted(`${exclusion}${flag}${description}`)
    const name = flag.startsWith('--') ? `${flag}=` : `${flag}+`
    const message = zshEscape((option.long ?? option.short ?? 'value').replace(/^-+/, ''))
    return singleQuoted(`${exclusion}${name}${description}:${message}:${zshAction(option.value)}`)
  })
}

function zshFunctionName(tree: CompletionTree, node: CompletionNode): string {
  return ['', identifier(tree.name), ...node.path.map(identifier)].join('_')
}

/** A command that adds the matches of a value (for a state of `_arguments -C`). */
function zshCall(value: ValueCompletion): string {
  if (value.kind === 'files') return '_files'
  if (value.kind === 'dirs') return '_files -/'
  if (value.kind === 'none') return ':'
  return `compadd -- ${value.values.map(singleQuoted).join(' ')}`
}

function zshNodeFunction(tree: CompletionTree, node: CompletionNode): string {
  const fn = zshFunctionName(tree, node)
  const specs = node.options.flatMap(zshOptionSpecs)
  const globals = `$${['', identifier(tree.name), 'global_options'].join('_')}`
  const lines = specs.map((s) => `    ${s} \\`)
  if (node.commands.length === 0) {
    const rest =
      node.args === undefined
        ? []
        : [
            `    ${singleQuoted(`*:${node.args.kind === 'files' ? 'file' : 'value'}:${zshAction(node.args)}`)} \\`,
          ]
    return `${fn}() {
  _arguments -s -S \\
    ${globals} \\
${[...lines, ...rest].join('\n')}
    && return 0
  return 1
}`
  }
  const label = [tree.name, ...node.path].join(' ')
  const commandList = node.commands.map(
    (c) => `    ${singleQuoted(`${c.name.replaceAll(':', '\\:')}:${c.description}`)}`,
  )
  const dispatch = node.commands.map((c) => `        ${singleQuoted(c.name)}) ${zshFunctionName(tree, c)} ;;`)
  const own = node.args === undefined ? undefined : zshCall(node.args)
  return `${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  local -a commands
  commands=(
${commandList.join('\n')}
  )
  _arguments -C -s -S \\
    ${globals} \\
${lines.join('\n')}
    '1: :->command' \\
    '*:: :->args' \\
    && return 0
  case $state in
    command)
      _describe -t commands ${singleQuoted(`${label} command`)} commands${own === undefined ? '' : `\n      ${own}`} ;;
    args)
      curcontext="\${curcontext%:*:*}:${[tree.name, ...node.path].join('-')}-$line[1]:"
      case $line[1] in
${dispatch.join('\n')}${own === undefined ? '' : `\n        *) ${own} ;;`}
      esac ;;
  esac
}`
}

/** A zsh script: put it in a folder of $fpath as `_salesops`, or `source` it after compinit. */
export function zshCompletion(tree: CompletionTree): string {
  const fn = `_${identifier(tree.name)}`
  const nodes = completionNodes(tree)
  const globals = tree.globalOptions.flatMap(zshOptionSpecs).map((s) => `  ${s}`)
  return `#compdef ${tree.name}
# zsh completion for ${tree.name}
# Generated by \`${tree.name} completion zsh\` from the program's own commands and options.
# Install:  ${tree.name} completion zsh > "\${fpath[1]}/_${tree.name}"   (then restart zsh)
# or add to ~/.zshrc after compinit:  source <(${tree.name} completion zsh)

${fn}_global_options=(
${globals.join('\n')}
)

${nodes.map((node) => zshNodeFunction(tree, node)).join('\n\n')}

if [ "$funcstack[1]" = "${fn}" ]; then
  ${fn} "$@"
else
  compdef ${fn} ${tree.name}
fi
`
}

// ---------------------------------------------------------------------------------------------
// fish

function fishQuoted(text: string): string {
  return `'${text.replace(/(['\\])/g, '\\$1')}'`
}

function fishValueFlags(value: ValueCompletion | undefined): string {
  if (value === undefined) return ''
  if (value.kind === 'files') return ' -r -F'
  if (value.kind === 'dirs') return ` -x -a ${fishQuoted('(__fish_complete_directories (commandline -ct))')}`
  if (value.kind === 'none') return ' -x'
  return ` -x -a ${fishQuoted(value.values.join(' '))}`
}

function fishOption(name: string, condition: string | undefined, option: CompletionOption): string {
  const parts = [`complete -c ${name}`]
  if (condition !== undefined) parts.push(`-n ${fishQuoted(condition)}`)
  if (option.short !== undefined) parts.push(`-s ${option.short.replace(/^-/, '')}`)
  if (option.long !== undefined) parts.push(`-l ${option.long.replace(/^--/, '')}`)
  return `${parts.join(' ')}${fishValueFlags(option.value)} -d ${fishQuoted(option.description)}`
}

/** A fish script: save it as ~/.config/fish/completions/salesops.fish. */
export function fishCompletion(tree: CompletionTree): string {
  const fn = `__${identifier(tree.name)}`
  const nodes = completionNodes(tree)
  const at = (node: CompletionNode): string => [`${fn}_at`, ...node.path].join(' ')
  const subcommandCases = nodes
    .filter((n) => n.commands.length > 0)
    .map(
      (n) => `        case ${fishQuoted(n.path.join(' '))}
            printf '%s\\n' ${n.commands.map((c) => fishQuoted(c.name)).join(' ')}`,
    )
  const valueCase = (pattern: string, option: CompletionOption): string[] =>
    flagsOf(option).map(
      (flag) => `        case ${fishQuoted(`${pattern}|${flag}`)}
            return ${option.value === undefined ? 1 : 0}`,
    )
  const globalFlags = new Set(tree.globalOptions.flatMap(flagsOf))
  const takesValueCases = [
    ...nodes.flatMap((n) =>
      n.options
        .filter((o) => o.value !== undefined || flagsOf(o).some((f) => globalFlags.has(f)))
        .flatMap((o) => valueCase(n.path.join(' '), o)),
    ),
    ...tree.globalOptions.filter((o) => o.value !== undefined).flatMap((o) => valueCase('*', o)),
  ]
  const variadicCases = [
    ...nodes.flatMap((n) =>
      n.options.filter((o) => o.variadic).flatMap((o) => flagsOf(o).map((f) => `${n.path.join(' ')}|${f}`)),
    ),
    ...tree.globalOptions.filter((o) => o.variadic).flatMap((o) => flagsOf(o).map((f) => `*|${f}`)),
  ]
  const lines: string[] = []
  lines.push(`complete -c ${tree.name} -f`)
  lines.push('', '# options of every command')
  for (const option of tree.globalOptions) lines.push(fishOption(tree.name, undefined, option))
  for (const node of nodes) {
    lines.push('', `# ${[tree.name, ...node.path].join(' ')}`)
    for (const command of node.commands)
      lines.push(
        `complete -c ${tree.name} -n ${fishQuoted(at(node))} -a ${fishQuoted(command.name)} -d ${fishQuoted(command.description)}`,
      )
    for (const option of node.options) lines.push(fishOption(tree.name, at(node), option))
    if (node.args?.kind === 'files') lines.push(`complete -c ${tree.name} -n ${fishQuoted(at(node))} -F`)
    else if (node.args !== undefined && node.args.kind !== 'none')
      lines.push(
        `complete -c ${tree.name} -n ${fishQuoted(at(node))}${fishValueFlags(node.args).replace(' -x', ' -f')}`,
      )
  }
  return `# fish completion for ${tree.name}
# Generated by \`${tree.name} completion fish\` from the program's own commands and options.
# Install:  ${tree.name} completion fish > ~/.config/fish/completions/${tree.name}.fish

# ${fn}_subcommands PATH: the subcommands of the command PATH, one a line
function ${fn}_subcommands
    switch "$argv[1]"
${subcommandCases.join('\n')}
    end
end

# ${fn}_takes_value PATH OPTION: whether OPTION of the command PATH takes a value
function ${fn}_takes_value
    switch "$argv[1]|$argv[2]"
${takesValueCases.join('\n')}
    end
    return 1
end

# ${fn}_variadic PATH OPTION: whether OPTION takes several values
function ${fn}_variadic
    switch "$argv[1]|$argv[2]"
${variadicCases.map((c) => `        case ${fishQuoted(c)}\n            return 0`).join('\n')}
    end
    return 1
end

# ${fn}_path: the subcommand path of the command line before the cursor
function ${fn}_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l pending ''
    set -l many 0
    set -l options 1
    for token in $tokens
        if test -n "$pending"
            if test $many -eq 1; and not string match -q -- '-*' $token
                continue
            else if test $many -eq 0
                set pending ''
                continue
            end
            set pending ''
        end
        if test $options -eq 1; and test "$token" = '--'
            set options 0
        else if test $options -eq 1; and string match -q -- '-*=*' $token
            continue
        else if test $options -eq 1; and string match -q -- '-*' $token
            if ${fn}_takes_value "$path" $token
                set pending $token
                set many 0
                ${fn}_variadic "$path" $token; and set many 1
            end
        else if contains -- $token (${fn}_subcommands "$path")
            set path (string join ' ' -- $path $token)
        end
    end
    echo $path
end

# ${fn}_at [COMMAND...]: whether the command line is at that subcommand path
function ${fn}_at
    set -l path (${fn}_path)
    test "$path" = "$argv"
end

${lines.join('\n')}
`
}

/** The completion script of `shell` for the program. */
export function completionScript(shell: CompletionShell, program: Command): string {
  const tree = completionTree(program)
  if (shell === 'bash') return bashCompletion(tree)
  if (shell === 'zsh') return zshCompletion(tree)
  return fishCompletion(tree)
}
