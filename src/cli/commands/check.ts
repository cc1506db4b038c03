/** `salesops check`: data-hygiene findings over every file given, streaming. */
import { Option } from 'commander'
import type { Command } from 'commander'
import { ExitCode, ExitError, UsageError } from '../../errors.js'
import type { Columns } from '../../model/columns.js'
import type { EntityName } from '../../model/cells.js'
import { entitySpecs } from '../../model/entities.js'
import { builtinRules } from '../../domain/check/builtin-rules.js'
import type { Finding } from '../../domain/check/types.js'
import { builtinIssueRules } from '../../domain/check/issue-rules.js'
import { emit, isHumanFormat, outputFormat } from '../emit.js'
import { createSession } from '../session.js'
import { CHECK_ORDER, loadChecked } from '../checked-load.js'
import { asOfFor, collectInputs, inputKinds } from '../inputs.js'
import type { InputKind } from '../inputs.js'
import { parsePositiveInt } from '../options.js'
import { formatCount } from '../../model/counts.js'

const FINDING_COLUMNS: Columns<Finding> = [
  { key: 'severity', header: 'Severity', kind: 'text' },
  { key: 'rule', header: 'Rule', kind: 'text' },
  { key: 'file', header: 'File', kind: 'text' },
  { key: 'line', header: 'Line', kind: 'int' },
  { key: 'entity', header: 'Kind', kind: 'text' },
  { key: 'record_id', header: 'Record', kind: 'text' },
  { key: 'message', header: 'Message', kind: 'text' },
]

/** Streaming order: reps and accounts first, so that owner and account references can be checked. */
const entityNoun: Readonly<Record<EntityName, string>> = {
  deal: 'deal',
  account: 'account',
  rep: 'rep',
  quota: 'quota',
  lead: 'lead',
  contract: 'contract',
  stage_change: 'stage change',
  spend: 'spend row',
  nps: 'NPS response',
}

interface CheckFlags extends Partial<Record<InputKind, string[]>> {
  failOn?: 'error' | 'warning'
  staleDays: number
  demo?: boolean
  limit: number
}

export function registerCheckCommand(program: Command): void {
  const command = program
    .command('check')
    .summary('data-hygiene findings: invalid rows, duplicates, stale and contradictory deals, unknown owners')
    .description(
      'Checks every file given and lists findings (rule, severity, file:line, record, message). Invalid rows are findings here, not a stop. Rules: run with --explain for the list and their definitions.',
    )
    .argument(
      '[files...]',
      'exports of any kind; each file is sorted by its header (or name them with --deals, --accounts, …)',
    )
  for (const kind of Object.keys(inputKinds)) command.option(`--${kind} <files...>`, `${kind} export(s)`)
  command
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding of this severity (or worse) exists').choices([
        'error',
        'warning',
      ]),
    )
    .option(
      '--stale-days <days>',
      'an open deal without activity for this long is stale',
      parsePositiveInt,
      30,
    )
    .option('--limit <n>', 'findings shown in table mode (all of them in csv/json)', parsePositiveInt, 50)
    .option('--demo', 'check the embedded demo company (as of its snapshot date unless --as-of)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops check --deals deals.csv --reps reps.csv --fail-on error
  $ salesops check export/*.csv --format csv -o findings.csv
  $ salesops check --demo --explain`,
    )
    .action(async (files: string[], flags: CheckFlags, cmd: Command) => {
      const session = await createSession(cmd)
      const inputs = await collectInputs(session, files, flags, flags.demo === true)
      if (Object.keys(inputs).length === 0)
        throw new UsageError('NO_INPUT', 'check needs at least one file (or --demo)')
      const asOf = asOfFor(session, flags.demo === true)
      session.explain([
        'check rules (rule · kind · severity: definition):',
        ...builtinIssueRules.map((r) => `  ${r.id} · any · ${r.severity}: ${r.description}`),
        ...builtinRules.map((r) => `  ${r.id} · ${r.entity} · ${r.severity}: ${r.description}`),
      ])
      const { summary } = await loadChecked(session, inputs, {
        asOf,
        staleDays: flags.staleDays,
        keep: false,
      })
      await session.finishLoads()
      const format = outputFormat(session)
      const shown = isHumanFormat(format) ? summary.findings.slice(0, flags.limit) : summary.findings
      await emit(shown, FINDING_COLUMNS, session)
      const count = (n: number, one: string, many: string): string =>
        `${formatCount(n)} ${n === 1 ? one : many}`
      const checked = CHECK_ORDER.filter((e) => summary.records[e] !== undefined)
        .map((e) => count(summary.records[e] ?? 0, entityNoun[e], entitySpecs[e].plural))
        .join(', ')
      session.note(
        `checked ${checked}: ${count(summary.counts.error, 'error', 'errors')}, ${count(summary.counts.warning, 'warning', 'warnings')}, ${count(summary.counts.info, 'note', 'notes')}`,
      )
      for (const r of summary.byRule)
        session.note(`  ${r.severity.padEnd(7)} ${r.rule.padEnd(32)} ${formatCount(r.count)}`)
      if (shown.length < summary.counts.error + summary.counts.warning + summary.counts.info) {
        session.note(`(showing ${shown.length}; --format csv or --limit N for all)`)
      }
      const failing =
        flags.failOn === 'error'
          ? summary.counts.error
          : flags.failOn === 'warning'
            ? summary.counts.error + summary.counts.warning
            : 0
      if (failing > 0) throw new ExitError(ExitCode.Findings)
    })
}
