/** `salesops completion bash|zsh|fish`: a shell completion script, generated from the program itself. */
import { Argument } from 'commander'
import type { Command } from 'commander'
import { writeFileAtomic } from '../../io/files.js'
import { completionScript, completionShells } from '../completion-script.js'
import type { CompletionShell } from '../completion-script.js'
import type { GlobalOptions } from '../options.js'

export function registerCompletionCommand(program: Command): void {
  program
    .command('completion')
    .summary('print a shell completion script (bash, zsh or fish)')
    .description(
      "Prints a completion script for bash, zsh or fish to stdout: commands, nested subcommands, options (also the global ones) and their choices, and file names where a command or option takes files. It is generated from salesops' own commands, so regenerate it after an upgrade.",
    )
    .addArgument(new Argument('<shell>', 'the shell: bash, zsh or fish').choices(completionShells))
    .addHelpText(
      'after',
      `
Install it once where the shell looks for completions, then open a new shell.
Or load it from ~/.bashrc, or ~/.zshrc after compinit:
  source <(salesops completion bash)

Examples:
  $ salesops completion bash > ~/.local/share/bash-completion/completions/salesops
  $ salesops completion zsh > "\${fpath[1]}/_salesops"
  $ salesops completion fish > ~/.config/fish/completions/salesops.fish`,
    )
    .action(async (shell: CompletionShell, _flags: unknown, command: Command) => {
      let root = command
      while (root.parent !== null) root = root.parent
      const script = completionScript(shell, root)
      // no session: a completion script does not depend on a config file in the current folder
      const out = command.optsWithGlobals<GlobalOptions>().out
      if (out !== undefined) await writeFileAtomic(out, script)
      else
        await new Promise<void>((resolve, reject) => {
          process.stdout.write(script, (error) => {
            if (error) reject(error)
            else resolve()
          })
        })
    })
}
