/** The commander program: global options, output routing, exit-code table in --help, the commands. */
import { Command } from 'commander'
import { createRequire } from 'node:module'
import { addGlobalOptions } from './options.js'
import { registerCheckCommand } from './commands/check.js'
import { registerConvertCommand } from './commands/convert.js'
import { registerCompletionCommand } from './commands/completion.js'
import { registerDemoCommand } from './commands/demo.js'
import { registerInitCommand } from './commands/init.js'
import { registerInspectCommand } from './commands/inspect.js'
import { registerForecastCommand } from './commands/forecast.js'
import { registerRenewalsCommand } from './commands/renewals.js'
import { registerRetentionCommand } from './commands/retention.js'
import { registerCommissionsCommand } from './commands/commissions.js'
import { registerKpiCommand } from './commands/kpi.js'
import { registerFunnelCommand } from './commands/funnel.js'
import { registerPipelineCommand } from './commands/pipeline.js'
import { registerRepsCommand } from './commands/reps.js'
import { registerLeadsCommand } from './commands/leads.js'
import { registerTerritoriesCommand } from './commands/territories.js'
import { registerAssignCommand } from './commands/assign.js'
import { registerQuotasCommand } from './commands/quotas.js'
import { registerCapacityCommand } from './commands/capacity.js'
import { registerReportCommand } from './commands/report.js'

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

export function createProgram(): Command {
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
  registerReportCommand(program)
  registerInspectCommand(program)
  registerCheckCommand(program)
  registerConvertCommand(program)
  registerKpiCommand(program)
  registerFunnelCommand(program)
  registerPipelineCommand(program)
  registerRepsCommand(program)
  registerLeadsCommand(program)
  registerForecastCommand(program)
  registerRenewalsCommand(program)
  registerRetentionCommand(program)
  registerCommissionsCommand(program)
  registerTerritoriesCommand(program)
  registerAssignCommand(program)
  registerQuotasCommand(program)
  registerCapacityCommand(program)
  registerDemoCommand(program)
  registerInitCommand(program)
  registerCompletionCommand(program)
  return program
}
