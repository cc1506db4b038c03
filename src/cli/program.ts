/** The commander program: global options, output routing, exit-code table in --help, the commands. */
import { Command } from 'commander'
import { createRequire } from 'node:module'
import { addGlobalOptions } from './options.js'

const require = createRequire(import.meta.url)
const { version } = require('../../package.json') as { version: string }

export const EXIT_CODES_HELP = `
Exit codes:
  0   ok
  1   findings (e.g. check --fail-on found what it was asked to fail on)
  2   usage error (bad option or value, unknown profile)
  3   input data error (missing or unreadable file, malformed CSV, invalid rows)
  70  internal error (a bug in salesops)

Machine formats (csv, tsv, json, ndjson): money in currency units with at most two
decimals, ratios as fractions (0.25), dates YYYY-MM-DD, empty cell / null for missing.`

/**
 * The commands, in the order --help lists them, each loaded when needed: a run loads the one it
 * names (its module and what only it uses), so that `check` does not start by loading the
 * territory solver or the report renderers.
 */
const commandModules: Readonly<Record<string, () => Promise<(program: Command) => void>>> = {
  report: async () => (await import('./commands/report.js')).registerReportCommand,
  inspect: async () => (await import('./commands/inspect.js')).registerInspectCommand,
  check: async () => (await import('./commands/check.js')).registerCheckCommand,
  convert: async () => (await import('./commands/convert.js')).registerConvertCommand,
  kpi: async () => (await import('./commands/kpi.js')).registerKpiCommand,
  funnel: async () => (await import('./commands/funnel.js')).registerFunnelCommand,
  pipeline: async () => (await import('./commands/pipeline.js')).registerPipelineCommand,
  reps: async () => (await import('./commands/reps.js')).registerRepsCommand,
  leads: async () => (await import('./commands/leads.js')).registerLeadsCommand,
  forecast: async () => (await import('./commands/forecast.js')).registerForecastCommand,
  renewals: async () => (await import('./commands/renewals.js')).registerRenewalsCommand,
  retention: async () => (await import('./commands/retention.js')).registerRetentionCommand,
  commissions: async () => (await import('./commands/commissions.js')).registerCommissionsCommand,
  territories: async () => (await import('./commands/territories.js')).registerTerritoriesCommand,
  assign: async () => (await import('./commands/assign.js')).registerAssignCommand,
  quotas: async () => (await import('./commands/quotas.js')).registerQuotasCommand,
  capacity: async () => (await import('./commands/capacity.js')).registerCapacityCommand,
  demo: async () => (await import('./commands/demo.js')).registerDemoCommand,
  init: async () => (await import('./commands/init.js')).registerInitCommand,
  completion: async () => (await import('./commands/completion.js')).registerCompletionCommand,
}

/** The command that `argv` (as process.argv) names: its first argument that is a command's name. */
export function commandNamed(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((arg) => Object.hasOwn(commandModules, arg))
}

/**
 * The program for `argv` (as process.argv: node, script, arguments). The first argument that names
 * a command decides which command is registered; without one (`salesops --help`), and for
 * `completion` (which describes every command), all are.
 */
export async function createProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command()
  program
    .name('salesops')
    .description('Sales operations from CRM exports: load, check and analyse deals, accounts, reps and more.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('afterAll', EXIT_CODES_HELP)
  addGlobalOptions(program)
  const named = commandNamed(argv)
  const names = named === undefined || named === 'completion' ? Object.keys(commandModules) : [named]
  const loaders = names.flatMap((name) => {
    const load = commandModules[name]
    return load === undefined ? [] : [load()]
  })
  for (const register of await Promise.all(loaders)) register(program)
  return program
}
