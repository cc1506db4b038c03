/** `salesops renewals CONTRACTS...`: the renewal calendar (or the renewal book per owner/account). */
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import type { ChalkInstance } from 'chalk'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Columns } from '../../model/columns.js'
import { renewalsDefinitions } from '../../domain/renewals/definitions.js'
import { renewalRows } from '../../domain/renewals/renewal-rows.js'
import type { RenewalRow } from '../../domain/renewals/renewal-rows.js'
import { renewalStatuses } from '../../domain/renewals/renewal-status.js'
import type { RenewalStatus } from '../../domain/renewals/renewal-status.js'
import { renewalGroupFields, renewalSummary } from '../../domain/renewals/renewal-summary.js'
import type { RenewalGroupField, RenewalSummaryRow } from '../../domain/renewals/renewal-summary.js'
import { emit, isHumanFormat, outputFormat } from '../emit.js'
import { asOfFor, mainInput } from '../inputs.js'
import { parseDateOption, parseDaysOption } from '../options.js'
import { createSession } from '../session.js'

interface RenewalsFlags {
  within: number
  grace: number
  by?: RenewalGroupField
  status?: RenewalStatus[]
  from?: CalendarDate
  to?: CalendarDate
  demo?: boolean
}

function parseStatuses(value: string): RenewalStatus[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase())
  for (const s of list) {
    if (!(renewalStatuses as readonly string[]).includes(s))
      throw new InvalidArgumentError(`unknown status "${s}"; one or more of ${renewalStatuses.join(', ')}`)
  }
  return list as RenewalStatus[]
}

type ShownRow = Omit<RenewalRow, 'status'> & { status: string }

const CALENDAR: Columns<ShownRow> = [
  { key: 'contract_id', header: 'Contract', kind: 'text' },
  { key: 'account', header: 'Account', kind: 'text' },
  { key: 'owner', header: 'Owner', kind: 'text' },
  { key: 'product', header: 'Product', kind: 'text' },
  { key: 'end', header: 'End', kind: 'date' },
  { key: 'days_left', header: 'Days left', kind: 'int' },
  { key: 'value', header: 'Value', kind: 'money' },
  { key: 'auto_renew', header: 'Auto-renew', kind: 'bool' },
  { key: 'status', header: 'Status', kind: 'text' },
  { key: 'renewed_by', header: 'Renewed by', kind: 'text' },
  { key: 'churn_date', header: 'Churned', kind: 'date' },
]

/** what a terminal table of the renewal book shows; csv/json carry every column */
const SUMMARY_TABLE_KEYS = new Set([
  'contracts',
  'due',
  'due_value',
  'overdue',
  'overdue_value',
  'renewed',
  'churned',
  'expired',
  'renewal_rate',
])

function summaryColumns(
  by: RenewalGroupField,
  human: boolean,
): Columns<RenewalSummaryRow & Record<string, unknown>> {
  const all: Columns<RenewalSummaryRow & Record<string, unknown>> = [
    { key: by, header: by === 'owner' ? 'Owner' : 'Account', kind: 'text', total: 'label' },
    { key: 'contracts', header: 'Contracts', kind: 'int', total: 'sum' },
    { key: 'value', header: 'Value', kind: 'money', total: 'sum' },
    ...renewalStatuses.flatMap((s) => [
      { key: s, header: s.charAt(0).toUpperCase() + s.slice(1), kind: 'int' as const },
      {
        key: `${s}_value`,
        header: `${s.charAt(0).toUpperCase() + s.slice(1)} value`,
        kind: 'money' as const,
      },
    ]),
    { key: 'renewal_rate', header: 'Renewal rate', kind: 'ratio' },
  ]
  return human ? all.filter((c) => c.key === by || SUMMARY_TABLE_KEYS.has(c.key)) : all
}

/** Tables colour what needs action: overdue red, due yellow. */
function coloured(rows: readonly RenewalRow[], chalk: ChalkInstance): ShownRow[] {
  const paint: Partial<Record<RenewalStatus, (s: string) => string>> = {
    overdue: (s) => chalk.red(s),
    due: (s) => chalk.yellow(s),
  }
  return rows.map((r) => ({ ...r, status: paint[r.status]?.(r.status) ?? r.status }))
}

export function registerRenewalsCommand(program: Command): void {
  program
    .command('renewals')
    .summary('the renewal calendar: contracts by end date with days left and status (due, overdue, …)')
    .description(
      'One row per contract, sorted by end date: contract_id, account, owner, product, end, days_left, value, auto_renew, status, renewed_by, churn_date. Status on --as-of: upcoming, due (ends within --within days), overdue (ended within --grace days, neither renewed nor churned), renewed, churned, expired (ended longer ago). A renewal is a contract naming the old one in renewal_of, else one of the same account and product starting within --grace days of its end. --by owner|account gives the renewal book per group instead (tables show the main columns; csv/json carry every status’s count and value). Definitions: docs/metrics.md, or --explain.',
    )
    .argument('[contracts...]', 'contracts exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .option('--within <days>', 'a contract ending within this many days is due', parseDaysOption, 90)
    .option(
      '--grace <days>',
      'a renewal starting this many days from the end still renews the contract; ended this recently = overdue',
      parseDaysOption,
      30,
    )
    .addOption(
      new Option('--by <field>', 'the renewal book per owner or account').choices(renewalGroupFields),
    )
    .option('--status <list>', `only these statuses: ${renewalStatuses.join(', ')}`, parseStatuses)
    .option('--from <date>', 'only contracts ending on or after this day, YYYY-MM-DD', parseDateOption)
    .option('--to <date>', 'only contracts ending on or before this day, YYYY-MM-DD', parseDateOption)
    .option('--demo', 'use the demo company’s contracts (as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops renewals contracts.csv --status due,overdue
  $ salesops renewals contracts.csv --within 60 --grace 14d --as-of 2026-12-31
  $ salesops renewals contracts.csv --by owner --from 2026-01-01 --format csv -o book.csv
  $ salesops renewals --demo --status due,overdue --explain`,
    )
    .action(async (files: string[], flags: RenewalsFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const contractFiles = mainInput('renewals', files, demo, 'contracts')
      const { records } = await session.load('contract', contractFiles)
      await session.finishLoads()
      const options = {
        asOf: asOfFor(session, demo),
        withinDays: flags.within,
        graceDays: flags.grace,
        from: flags.from,
        to: flags.to,
        statuses: flags.status,
      }
      session.explain(renewalsDefinitions({ ...options, by: flags.by }))
      const rows = renewalRows(records, options)
      if (flags.by !== undefined) {
        const summary = renewalSummary(rows, flags.by)
        const keyed = (r: RenewalSummaryRow) => ({ ...r, [flags.by ?? 'owner']: r.group })
        const human = isHumanFormat(outputFormat(session))
        await emit(summary.rows.map(keyed), summaryColumns(flags.by, human), session, {
          totals: keyed(summary.totals),
        })
        return
      }
      const table = outputFormat(session) === 'table' && session.out === undefined
      await emit(table ? coloured(rows, session.chalk) : rows, CALENDAR, session)
    })
}
