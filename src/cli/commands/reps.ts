/** `salesops reps DEALS... --reps FILE`: one row per rep, the coaching view. */
import { Option } from 'commander'
import type { Command } from 'commander'
import type { ChalkInstance } from 'chalk'
import { UsageError } from '../../errors.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Column, ColumnKind, Columns } from '../../model/columns.js'
import type { Deal } from '../../model/deal.js'
import { repsDefinitions } from '../../domain/reps/definitions.js'
import { reportPeriod } from '../../domain/reps/report-period.js'
import { repsReport } from '../../domain/reps/rep-rows.js'
import type { RepRow } from '../../domain/reps/rep-rows.js'
import type { CoachKpi } from '../../domain/reps/team-compare.js'
import { humanValue } from '../../render/format.js'
import type { HumanFormat } from '../../render/format.js'
import { emit, isHumanFormat, outputFormat } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { kpiSwitchOptions, parseDateOption, parseNonNegativeInt } from '../options.js'
import { createSession } from '../session.js'

interface RepsFlags {
  reps?: string[]
  quotas?: string[]
  period: 'week' | 'month' | 'quarter' | 'year'
  from?: CalendarDate
  to?: CalendarDate
  winRateBasis: 'closed' | 'created'
  cycleBasis: 'won' | 'closed'
  coverageBasis: 'remaining' | 'quota'
  includeManagers?: boolean
  maxRampMonths: number
  demo?: boolean
}

/** csv/json: every column; bottom_quartile as KPI names joined with ';' */
type MachineRow = Omit<RepRow, 'bottom_quartile'> & { bottom_quartile: string }

const MACHINE_COLUMNS: Columns<MachineRow> = [
  { key: 'rep', header: 'Rep', kind: 'text' },
  { key: 'rep_id', header: 'Rep id', kind: 'text' },
  { key: 'team', header: 'Team', kind: 'text' },
  { key: 'manager', header: 'Manager', kind: 'text' },
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'period_start', header: 'Start', kind: 'date' },
  { key: 'period_end', header: 'End', kind: 'date' },
  { key: 'team_reps', header: 'Team reps', kind: 'int' },
  { key: 'quota', header: 'Quota', kind: 'money' },
  { key: 'won', header: 'Won', kind: 'int' },
  { key: 'won_amount', header: 'Won amount', kind: 'money' },
  { key: 'quota_attainment', header: 'Attainment', kind: 'ratio' },
  { key: 'quota_attainment_team_median', header: 'Attainment (team)', kind: 'ratio' },
  { key: 'win_rate', header: 'Win rate', kind: 'ratio' },
  { key: 'win_rate_team_median', header: 'Win rate (team)', kind: 'ratio' },
  { key: 'avg_deal_size', header: 'Avg deal', kind: 'money' },
  { key: 'avg_deal_size_team_median', header: 'Avg deal (team)', kind: 'money' },
  { key: 'sales_cycle_days', header: 'Cycle days', kind: 'number' },
  { key: 'sales_cycle_days_team_median', header: 'Cycle days (team)', kind: 'number' },
  { key: 'pipeline_coverage', header: 'Coverage', kind: 'number' },
  { key: 'pipeline_coverage_team_median', header: 'Coverage (team)', kind: 'number' },
  { key: 'open_pipeline', header: 'Open pipeline', kind: 'money' },
  { key: 'open_pipeline_team_median', header: 'Open pipeline (team)', kind: 'money' },
  { key: 'deals_created', header: 'Created', kind: 'int' },
  { key: 'deals_created_team_median', header: 'Created (team)', kind: 'number' },
  { key: 'hire_date', header: 'Hired', kind: 'date' },
  { key: 'end_date', header: 'Left', kind: 'date' },
  { key: 'months_since_hire', header: 'Months', kind: 'int' },
  { key: 'days_to_first_win', header: 'Days to first win', kind: 'int' },
  { key: 'trailing_bookings', header: 'Trailing 3m bookings', kind: 'money' },
  { key: 'trailing_bookings_team_median', header: 'Trailing 3m (team)', kind: 'money' },
  { key: 'ramp_status', header: 'Ramp', kind: 'text' },
  { key: 'coach_on', header: 'Coach on', kind: 'text' },
  { key: 'coach_gap', header: 'Gap', kind: 'ratio' },
  { key: 'bottom_quartile', header: 'Bottom quartile', kind: 'text' },
]

/** The terminal table: main KPIs, bottom-quartile cells marked, a team-median row after each team. */
const TABLE_KPIS: readonly { key: CoachKpi | 'open_pipeline'; header: string; kind: ColumnKind }[] = [
  { key: 'quota_attainment', header: 'Attainment', kind: 'ratio' },
  { key: 'win_rate', header: 'Win rate', kind: 'ratio' },
  { key: 'avg_deal_size', header: 'Avg deal', kind: 'money' },
  { key: 'sales_cycle_days', header: 'Cycle days', kind: 'number' },
  { key: 'pipeline_coverage', header: 'Coverage', kind: 'number' },
  { key: 'open_pipeline', header: 'Open pipeline', kind: 'money' },
  { key: 'deals_created', header: 'Created', kind: 'int' },
]
const MARK = '▼'

function tableView(
  rows: readonly RepRow[],
  withQuotas: boolean,
  format: HumanFormat,
  chalk: ChalkInstance,
): { rows: Record<string, string | number | null>[]; columns: Columns<Record<string, unknown>> } {
  const kpis = TABLE_KPIS.filter(
    (k) => withQuotas || (k.key !== 'quota_attainment' && k.key !== 'pipeline_coverage'),
  )
  const columns: Column<Record<string, unknown>>[] = [
    { key: 'rep', header: 'Rep', kind: 'text' },
    { key: 'team', header: 'Team', kind: 'text' },
    ...kpis.map((k) => ({ key: k.key, header: k.header, kind: k.kind })),
    { key: 'months_since_hire', header: 'Months', kind: 'int' },
    { key: 'ramp_status', header: 'Ramp', kind: 'text' },
    { key: 'coach_on', header: 'Coach on', kind: 'text' },
  ]
  const out: Record<string, string | number | null>[] = []
  rows.forEach((row, i) => {
    const cells: Record<string, string | number | null> = {
      rep: row.rep,
      team: row.team,
      months_since_hire: row.months_since_hire,
      ramp_status: row.ramp_status,
      coach_on: row.coach_on === null ? null : chalk.yellow(row.coach_on),
    }
    for (const k of kpis) {
      const flagged = (row.bottom_quartile as readonly string[]).includes(k.key)
      cells[k.key] = flagged ? chalk.red(`${humanValue(k.kind, row[k.key], format)} ${MARK}`) : row[k.key]
    }
    out.push(cells)
    if (rows[i + 1]?.team !== row.team) {
      const median: Record<string, string | number | null> = {
        rep: chalk.dim(`team median (${row.team_reps})`),
        team: chalk.dim(row.team),
      }
      for (const k of kpis) {
        const value = row[`${k.key}_team_median`]
        median[k.key] = value === null ? null : chalk.dim(humanValue(k.kind, value, format))
      }
      out.push(median)
    }
  })
  return { rows: out, columns }
}

export function registerRepsCommand(program: Command): void {
  const [winRateBasis, cycleBasis, coverageBasis] = kpiSwitchOptions()
  program
    .command('reps')
    .summary('one row per rep, the coaching view: KPIs beside the team median, ramp, what to coach on')
    .description(
      'For the current period (--period, containing --as-of) or --from/--to, every rep employed in it gets a row, with or without deals: quota attainment, win rate, average deal size, sales cycle, pipeline coverage, open pipeline and deals created, each beside the median of the rep’s team; months since hire, days to first win and ramp status; coach_on names the KPI furthest below the team median, bottom_quartile the KPIs in the team’s bottom quartile (marked ▼ in tables). Managers are left out unless --include-managers. Definitions: docs/metrics.md, or --explain.',
    )
    .argument('[deals...]', 'deals exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .option('--reps <files...>', 'reps (name, id, team, manager, role, hire_date, end_date); required')
    .option('--quotas <files...>', 'quotas (quota, attainment, coverage)')
    .addOption(
      new Option('--period <grain>', 'the period that contains --as-of')
        .choices(['week', 'month', 'quarter', 'year'])
        .default('quarter')
        .conflicts(['from']),
    )
    .option(
      '--from <date>',
      'first day of an explicit range, YYYY-MM-DD (instead of --period)',
      parseDateOption,
    )
    .option('--to <date>', 'last day of the range (default: --as-of)', parseDateOption)
    .addOption(winRateBasis)
    .addOption(cycleBasis)
    .addOption(coverageBasis)
    .option('--include-managers', 'also list managers (role "Manager", or named as a rep’s manager)')
    .option(
      '--max-ramp-months <n>',
      'reps hired this many whole months ago or more count as ramped',
      parseNonNegativeInt,
      12,
    )
    .option('--demo', 'use the embedded demo company (as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops reps deals.csv --reps reps.csv --quotas quotas.csv
  $ salesops reps deals.csv --reps reps.csv --period month --as-of 2026-05-31
  $ salesops reps deals.csv --reps reps.csv --from 2026-01-01 --to 2026-06-30 --format csv -o reps.csv
  $ salesops reps --demo --explain`,
    )
    .action(async (files: string[], flags: RepsFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const dealFiles = files.length > 0 ? files : demo ? [demoFile(demoInputs.deals)] : []
      const repFiles = flags.reps ?? (demo ? [demoFile(demoInputs.reps)] : undefined)
      const quotaFiles = flags.quotas ?? (demo ? [demoFile(demoInputs.quotas)] : undefined)
      if (dealFiles.length === 0) throw new UsageError('NO_INPUT', 'reps needs a deals file (or --demo)')
      if (repFiles === undefined) throw new UsageError('REPS_NEEDED', 'reps needs --reps FILE (or --demo)')
      if (flags.to !== undefined && flags.from === undefined)
        throw new UsageError('TO_WITHOUT_FROM', '--to needs --from (or use --period and --as-of)')
      const asOf = asOfFor(session, demo)
      if (flags.from !== undefined && flags.from > (flags.to ?? asOf))
        throw new UsageError('EMPTY_RANGE', '--from is after --to (or after --as-of when --to is not given)')
      const { records: deals } = await session.load('deal', dealFiles)
      const { records: reps } = await session.load('rep', repFiles)
      const quotas = quotaFiles === undefined ? undefined : (await session.load('quota', quotaFiles)).records
      await session.finishLoads()
      const calendar = {
        fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
      }
      const options = {
        period: reportPeriod({ grain: flags.period, from: flags.from, to: flags.to, asOf, calendar }),
        winRateBasis: flags.winRateBasis,
        cycleBasis: flags.cycleBasis,
        coverageBasis: flags.coverageBasis,
        includeManagers: flags.includeManagers === true,
        maxRampMonths: flags.maxRampMonths,
        weight: (deal: Deal) => deal.probability,
        asOf,
        ...(quotas === undefined ? {} : { quotas }),
      }
      session.explain(repsDefinitions(options))
      const report = repsReport(deals, reps, options)
      for (const note of report.notes) session.note(`note: ${note}`)
      const format = outputFormat(session)
      if (!isHumanFormat(format)) {
        const rows = report.rows.map((r): MachineRow => ({
          ...r,
          bottom_quartile: r.bottom_quartile.join(';'),
        }))
        await emit(rows, MACHINE_COLUMNS, session)
        return
      }
      const chalk = format === 'table' && session.out === undefined ? session.chalk : session.plainChalk
      const view = tableView(report.rows, quotas !== undefined, session, chalk)
      await emit(view.rows, view.columns, session)
      if (report.rows.some((r) => r.bottom_quartile.length > 0))
        session.note(
          `${MARK} bottom quartile of the team; team median rows show what each rep is compared with`,
        )
    })
}
