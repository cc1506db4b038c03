/** `salesops init [files...]`: inspect the exports and write a commented starter salesops.config.yaml. */
import type { Command } from 'commander'
import { dirname } from 'node:path'
import { ensureDir, fileExists, writeFileAtomic } from '../../io/files.js'
import { UsageError } from '../../errors.js'
import { buildInitConfig, initSummary, shellWord } from '../init-config.js'
import type { InitFile } from '../init-config.js'
import { detectInitFile, detectSettings, initOptions } from '../init-detect.js'
import type { GlobalOptions } from '../options.js'

export const DEFAULT_INIT_FILE = 'salesops.config.yaml'

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .summary('inspect your exports and write a commented starter salesops.config.yaml')
    .description(
      `Reads each file like inspect does (record kind, CRM profile, currency, date and number formats, the stages of a deals file and how they are read) and writes a commented starter config: currency, profile, the files by kind, the stage table to check, mapping hints for columns it guessed or could not read, and the report settings with their defaults. Writes ${DEFAULT_INIT_FILE} (or -o FILE) and never overwrites an existing file without --force. No config file is read. Options such as --currency, --date-format, --locale, --profile and --map are used to read the files and written into the config.`,
    )
    .argument('[files...]', 'exports to inspect (CSV, TSV, .gz, .xlsx); none: a starter with examples')
    .option('--force', 'overwrite the config file if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops init exports/opportunities.csv exports/accounts.csv exports/users.csv
  $ salesops init deals.csv reps.csv quotas.csv -o config/salesops.config.yaml --force
  $ salesops init --currency EUR --fiscal-year-start Feb`,
    )
    .action(async (files: string[], flags: { force?: boolean }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>()
      const out = options.out ?? DEFAULT_INIT_FILE
      if (!/\.ya?ml$/i.test(out))
        throw new UsageError('CONFIG_NOT_YAML', `init writes YAML: name the file .yaml or .yml, not ${out}`)
      if (flags.force !== true && (await fileExists(out)))
        throw new UsageError('CONFIG_EXISTS', `${out} already exists; pass --force to overwrite it`)
      const note = (line: string): void => {
        if (options.quiet !== true) process.stderr.write(`${line}\n`)
      }
      const settings = detectSettings(options, (m) => {
        note(`warning: ${m}`)
      })
      const detected: InitFile[] = []
      for (const file of files) detected.push(await detectInitFile(file, out, settings))
      const input = { files: detected, configFile: out, options: initOptions(options) }
      await ensureDir(dirname(out))
      await writeFileAtomic(out, buildInitConfig(input))
      for (const line of initSummary(input)) note(line)
      note(
        files.length === 0
          ? `wrote ${out}: a starter with examples (no files given); add your files under files:`
          : `wrote ${out}; check the stage table and the lines marked "check"`,
      )
      note(`next: salesops report --config ${shellWord(out)}`)
    })
}
