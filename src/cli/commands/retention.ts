/** `salesops retention CONTRACTS...`: the ARR bridge per period (or NRR by start cohort). */
import { Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Column, Columns } from '../../model/columns.js'
import { cohortNrr } from '../../domain/retention/cohort-nrr.js'
import type { CohortRow } from '../../domain/retention/cohort-nrr.js'
import { retentionDefinitions } from '../../domain/retention/definitions.js'
import { retentionGroupFields, retentionGroups } from '../../domain/retention/retention-groups.js'
import type { RetentionGroupField } from '../../domain/retention/retention-groups.js'
import { retentionGrains, retentionReport } from '../../domain/retention/retention-rows.js'
import type { RetentionGrain, RetentionRow } from '../../domain/retention/retention-rows.js'
import { contractSpans } from '../../domain/retention/arr-movements.js'
import { emit, isHumanFormat, outputFormat } from '../emit.js'
import { asOfFor, mainInput } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { parseDateOption, parseDaysOption } from '../options.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

interface RetentionFlags {
  period: RetentionGrain
  from?: CalendarDate
  to?: CalendarDate
  by?: RetentionGroupField
  accounts?: string[]
  cohorts?: boolean
  grace: number
  mrr?: boolean
  demo?: boolean
}

type Row = Record<string, unknown>

const BRIDGE: Columns<Row> = [
  { key: 'starting_arr', header: 'Starting ARR', kind: 'money' },
  { key: 'new_arr', header: 'New', kind: 'money' },
  { key: 'expansion_arr', header: 'Expansion', kind: 'money' },
  { key: 'contraction_arr', header: 'Contraction', kind: 'money' },
  { key: 'churned_arr', header: 'Churned', kind: 'money' },
  { key: 'ending_arr', header: 'Ending ARR', kind: 'money' },
  { key: 'customers_start', header: 'Customers', kind: 'int' },
  { key: 'customers_lost', header: 'Lost', kind: 'int' },
  { key: 'logo_churn_rate', header: 'Logo churn', kind: 'ratio' },
  { key: 'grr', header: 'GRR', kind: 'ratio' },
  { key: 'nrr', header: 'NRR', kind: 'ratio' },
]

const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const groupColumn = (by: RetentionGroupField | undefined): Column<Row>[] =>
  by === undefined ? [] : [{ key: by, header: title(by), kind: 'text' }]

function bridgeColumns(by: RetentionGroupField | undefined, human: boolean): Columns<Row> {
  return [
    { key: 'period', header: 'Period', kind: 'text' },
    ...(human
      ? []
      : [
          { key: 'period_start', header: 'Start', kind: 'date' } as const,
          { key: 'period_end', header: 'End', kind: 'date' } as const,
        ]),
    ...groupColumn(by),
    ...BRIDGE,
  ]
}

function cohortColumns(by: RetentionGroupField | undefined, months: readonly number[]): Columns<Row> {
  return [
    ...groupColumn(by),
    { key: 'cohort', header: 'Cohort', kind: 'text' },
    { key: 'customers', header: 'Customers', kind: 'int' },
    { key: 'starting_arr', header: 'Starting ARR', kind: 'money' },
    ...months.map((k): Column<Row> => ({ key: `m${k}`, header: `M${k}`, kind: 'ratio' })),
  ]
}

const keyed = (by: RetentionGroupField | undefined, row: RetentionRow): Row => {
  const { group, ...rest } = row
  return by === undefined ? rest : { ...rest, [by]: group }
}

const cohortCells = (by: RetentionGroupField | undefined, months: readonly number[], row: CohortRow) => {
  const { group, nrr, ...rest } = row
  const cells: Row = { ...rest, ...Object.fromEntries(months.map((k, i) => [`m${k}`, nrr[i] ?? null])) }
  if (by !== undefined) cells[by] = group
  return cells
}

function calendarOf(session: Session) {
  return { fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1 }
}

export function registerRetentionCommand(program: Command): void {
  program
    .command('retention')
    .summary(
      'revenue retention per period: the ARR bridge, logo churn, GRR, NRR; --cohorts: NRR by start cohort',
    )
    .description(
      'For every period from --from (default: the first contract start) to --to (default and latest: --as-of): starting_arr, new_arr, expansion_arr, contraction_arr, churned_arr, ending_arr (starting + new + expansion − contraction − churned = ending, checked), customers_start, customers_lost, logo_churn_rate, grr, nrr — the same movements as kpi --contracts. --by segment (needs --accounts), product or owner. --cohorts: NRR by start cohort (rows) × months since start (columns). Definitions: docs/metrics.md, or --explain.',
    )
    .argument('[contracts...]', 'contracts exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .addOption(new Option('--period <grain>', 'period length').choices(retentionGrains).default('quarter'))
    .option('--from <date>', 'first day of the range, YYYY-MM-DD', parseDateOption)
    .option('--to <date>', 'last day of the range (default: --as-of)', parseDateOption)
    .addOption(
      new Option('--by <field>', 'one row per segment (needs --accounts), product or owner').choices(
        retentionGroupFields,
      ),
    )
    .option('--accounts <files...>', 'accounts (id → segment, for --by segment)')
    .option('--cohorts', 'NRR by start cohort × months since start instead of the bridge')
    .option(
      '--grace <days>',
      'a next contract starting this many days after the end still continues the account (no churn)',
      parseDaysOption,
      30,
    )
    .option('--mrr', 'contract values are monthly (MRR), not annual: × 12')
    .option('--demo', 'use the demo company’s contracts and accounts (as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops retention contracts.csv
  $ salesops retention contracts.csv --period month --from 2026-01-01 --format csv -o bridge.csv
  $ salesops retention contracts.csv --by segment --accounts accounts.csv --period year
  $ salesops retention contracts.csv --cohorts --period quarter --mrr
  $ salesops retention --demo --by product --explain`,
    )
    .action(async (files: string[], flags: RetentionFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const contractFiles = mainInput('retention', files, demo, 'contracts')
      const accountFiles = flags.accounts ?? (demo ? [demoFile(demoInputs.accounts)] : undefined)
      if (flags.by === 'segment' && accountFiles === undefined)
        throw new UsageError('ACCOUNTS_NEEDED', '--by segment needs --accounts FILE (account id → segment)')
      const asOf = asOfFor(session, demo)
      if (flags.from !== undefined && flags.from > Math.min(flags.to ?? asOf, asOf))
        throw new UsageError('EMPTY_RANGE', '--from is after --to or after --as-of: no period to report')
      const { records } = await session.load('contract', contractFiles)
      const accounts =
        flags.by === 'segment' && accountFiles !== undefined
          ? (await session.load('account', accountFiles)).records
          : undefined
      await session.finishLoads()
      const options = {
        grain: flags.period,
        calendar: calendarOf(session),
        from: flags.from,
        to: flags.to,
        asOf,
        by: flags.by,
        graceDays: flags.grace,
        monthly: flags.mrr === true,
        ...(accounts === undefined ? {} : { accounts }),
      }
      session.explain(retentionDefinitions({ ...options, cohorts: flags.cohorts === true }))
      if (flags.cohorts === true) {
        const grouping =
          flags.by === undefined
            ? { groups: [{ key: '', spans: contractSpans(records, options) }] }
            : retentionGroups(records, flags.by, options)
        const report = cohortNrr(grouping, flags.by !== undefined, options)
        const cells = (r: CohortRow) => cohortCells(flags.by, report.months, r)
        await emit(report.rows.map(cells), cohortColumns(flags.by, report.months), session, {
          totals: cells(report.totals),
        })
        return
      }
      const report = retentionReport(records, options)
      for (const note of report.notes) session.note(`note: ${note}`)
      const human = isHumanFormat(outputFormat(session))
      await emit(
        report.rows.map((r) => keyed(flags.by, r)),
        bridgeColumns(flags.by, human),
        session,
        { totals: keyed(flags.by, report.totals) },
      )
    })
}
