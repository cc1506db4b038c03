/** `salesops pipeline diff OLD NEW`: how the open pipeline of a close period changed between two snapshots. */
import { Option } from 'commander'
import { groupByParser } from '../options.js'
import type { Command } from 'commander'
import { InputFileError, UsageError } from '../../errors.js'
import { addDays, formatIsoDate } from '../../model/calendar-date.js'
import type { CellValue, Column, Columns } from '../../model/columns.js'
import type { Deal } from '../../model/deal.js'
import { periodOf } from '../../domain/shared/period.js'
import type { Period } from '../../domain/shared/period.js'
import { groupFields, pipelineDiff } from '../../domain/pipeline-diff/pipeline-diff.js'
import type { GroupField } from '../../domain/pipeline-diff/pipeline-diff.js'
import { periodFromLabel } from '../../domain/pipeline-diff/period-from-label.js'
import { snapshotProblem } from '../../domain/pipeline-diff/snapshot-problem.js'
import { waterfallBars } from '../../domain/pipeline-diff/waterfall-bars.js'
import { emit, outputFormat } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { DEMO_PREVIOUS_PIPELINE, demoFile, demoInputs } from '../demo-data.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

type Row = Record<string, CellValue>

const WATERFALL_COLUMNS: Columns<Row> = [
  { key: 'category', header: 'Category', kind: 'text' },
  { key: 'deals', header: 'Deals', kind: 'int' },
  { key: 'amount', header: 'Amount', kind: 'money' },
  { key: 'deals_affected', header: 'Deals affected', kind: 'int' },
]
const BAR_COLUMN: Column<Row> = { key: 'bar', header: 'Waterfall', kind: 'text' }
const MOVE_COLUMNS: Columns<Row> = [
  { key: 'change', header: 'Change', kind: 'text' },
  { key: 'from', header: 'From', kind: 'text' },
  { key: 'to', header: 'To', kind: 'text' },
  { key: 'deals', header: 'Deals', kind: 'int' },
  { key: 'amount', header: 'Amount (new)', kind: 'money' },
]
const DETAIL_COLUMNS: Columns<Row> = [
  { key: 'deal_id', header: 'Deal', kind: 'text' },
  { key: 'name', header: 'Name', kind: 'text' },
  { key: 'owner', header: 'Owner', kind: 'text' },
  { key: 'change', header: 'Change', kind: 'text' },
  { key: 'old_value', header: 'Old', kind: 'text' },
  { key: 'new_value', header: 'New', kind: 'text' },
  { key: 'amount_change', header: 'Bridge Δ', kind: 'money' },
  { key: 'old_amount', header: 'Old amount', kind: 'money' },
  { key: 'new_amount', header: 'New amount', kind: 'money' },
  { key: 'old_close_date', header: 'Old close', kind: 'date' },
  { key: 'new_close_date', header: 'New close', kind: 'date' },
]

const DEFINITIONS = [
  'pipeline diff: the open pipeline of the close period (open deals with a close date in it) in OLD → in NEW, deals matched by id;',
  '  each deal open in the period in OLD or NEW falls in one row (start + movements = end, in deals and amount):',
  '  new: absent in OLD · pulled_in: in OLD but not open in the period (later, earlier, no close date, or reopened)',
  '  pushed_out: still open in NEW, close date out of the period or blank · won / lost: closed in NEW · removed: absent in NEW',
  '  (these leave at the OLD amount) · amount_up / amount_down: in the period both times, NEW − OLD amount, no count change',
  '  with --by: transfer_out (OLD group, OLD amount) / transfer_in (NEW group, NEW amount) when the group changed;',
  '  --moves: stage forward/backward by the stage table order (unordered when a stage has none), forecast category, owner',
  '  of deals open in both snapshots; amount = their NEW amount. An open deal without amount counts as 0.',
]

interface DiffFlags {
  period?: 'week' | 'month' | 'quarter' | 'year'
  in?: string
  by?: GroupField[]
  moves?: boolean
  details?: boolean
  demo?: boolean
}

/** `--in LABEL`, else the `--period` grain (default quarter) around the as-of date, in the fiscal calendar. */
function targetPeriod(session: Session, flags: DiffFlags): Period {
  const cal = { fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1 }
  if (flags.in === undefined)
    return periodOf(asOfFor(session, flags.demo === true), flags.period ?? 'quarter', cal)
  if (flags.period !== undefined)
    throw new UsageError('CONFLICTING_OPTIONS', 'give --in or --period, not both')
  const period = periodFromLabel(flags.in, cal)
  if (period === undefined)
    throw new UsageError(
      'BAD_PERIOD',
      `--in ${flags.in}: expected a period like 2026-Q4, 2026-11, 2026-W48, 2026 or FY2027-Q1`,
    )
  return period
}

async function loadSnapshot(session: Session, file: string): Promise<{ deals: Deal[]; profile: string }> {
  const { records, summary } = await session.load('deal', [file])
  const problem = snapshotProblem(records)
  if (problem !== undefined) throw new InputFileError(problem.code, problem.file, problem.message)
  return { deals: records, profile: summary.files[0]?.match.profile.name ?? '' }
}

export function registerPipelineCommand(program: Command): void {
  const examples = `
Examples:
  $ salesops pipeline diff deals-2026-11-20.csv deals-2026-11-27.csv
  $ salesops pipeline diff old.csv new.csv --in 2026-Q4 --by owner --format csv
  $ salesops pipeline diff old.csv new.csv --period month --details -o changes.csv
  $ salesops pipeline diff old.csv new.csv --moves --explain
  $ salesops pipeline diff --demo`
  const pipeline = program
    .command('pipeline')
    .summary('pipeline change between two snapshots of an export (diff)')
    .description('Pipeline analyses over snapshots of the same deals export.')
    .addHelpText('after', examples)
  pipeline
    .command('diff')
    .summary('waterfall of the open pipeline of a close period from OLD to NEW')
    .description(
      'Compares two snapshots of the same deals export (say last Monday’s and today’s), matching deals by id, and bridges the open pipeline of the close period from OLD to NEW: start, new, pulled_in, pushed_out, amount_up, amount_down, won, lost, removed, end (deals and amount; start + movements = end). --moves lists stage and forecast-category moves instead, --details one row per changed deal. The period used is printed on stderr; definitions with --explain.',
    )
    .argument('[old]', 'the earlier snapshot (CSV, TSV, .gz, .xlsx)')
    .argument('[new]', 'the later snapshot, read with the same options')
    .addOption(
      new Option('--period <grain>', 'the close period containing the as-of date (default: quarter)').choices(
        ['week', 'month', 'quarter', 'year'],
      ),
    )
    .option('--in <period>', 'an explicit close period: 2026-Q4, 2026-11, 2026-W48, 2026, FY2027-Q1')
    .option(
      '--by <fields>',
      `a waterfall per group: ${groupFields.join(', ')} (comma-separated)`,
      groupByParser(groupFields),
    )
    .option('--moves', 'stage (forward/backward) and forecast-category moves instead of the waterfall')
    .option('--details', 'one row per deal and change (old and new value) instead of the waterfall')
    .option(
      '--demo',
      `the demo company: last week's open-pipeline export (${DEMO_PREVIOUS_PIPELINE}) against deals.csv`,
    )
    .addHelpText('after', examples)
    .action(
      async (oldArg: string | undefined, newArg: string | undefined, flags: DiffFlags, command: Command) => {
        const session = await createSession(command)
        const demo = flags.demo === true
        if (demo && (oldArg !== undefined || newArg !== undefined))
          throw new UsageError('CONFLICTING_OPTIONS', 'give two snapshots or --demo, not both')
        const oldFile = demo ? demoFile(DEMO_PREVIOUS_PIPELINE) : oldArg
        const newFile = demo ? demoFile(demoInputs.deals) : newArg
        if (oldFile === undefined || newFile === undefined)
          throw new UsageError('NO_INPUT', 'pipeline diff needs two snapshots: OLD NEW (or --demo)')
        if (flags.moves === true && flags.details === true)
          throw new UsageError('CONFLICTING_OPTIONS', 'give --moves or --details, not both')
        const period = targetPeriod(session, flags)
        const before = await loadSnapshot(session, oldFile)
        const after = await loadSnapshot(session, newFile)
        await session.finishLoads()
        if (before.profile !== after.profile)
          session.warn(
            `${oldFile} reads as ${before.profile} and ${newFile} as ${after.profile}: stages may not compare (pass --profile)`,
          )
        session.note(
          `pipeline diff ${period.label}: open deals closing ${formatIsoDate(period.start)} to ${formatIsoDate(addDays(period.end, -1))}, ${oldFile} → ${newFile}`,
        )
        session.explain(DEFINITIONS)
        const by = flags.by ?? []
        const diff = pipelineDiff(before.deals, after.deals, { period, by })
        const groupColumns: Columns<Row> = by.map((f) => ({
          key: f,
          header: f.charAt(0).toUpperCase() + f.slice(1).replace(/_/g, ' '),
          kind: 'text',
        }))
        const rows = (list: readonly { group: readonly string[] }[]): Row[] =>
          list.map(({ group, ...rest }) => ({
            ...Object.fromEntries(by.map((f, i) => [f, group[i]])),
            ...rest,
          }))
        if (flags.moves === true) return emit(rows(diff.moves), [...groupColumns, ...MOVE_COLUMNS], session)
        if (flags.details === true)
          return emit(rows(diff.details), [...groupColumns, ...DETAIL_COLUMNS], session)
        // bars only where spacing survives: a terminal table (markdown collapses the leading spaces)
        if (outputFormat(session) !== 'table')
          return emit(rows(diff.waterfall), [...groupColumns, ...WATERFALL_COLUMNS], session)
        const bars = waterfallBars(diff.waterfall, 30)
        const withBars = rows(diff.waterfall).map((r, i) => ({ ...r, bar: bars[i] }))
        return emit(withBars, [...groupColumns, ...WATERFALL_COLUMNS, BAR_COLUMN], session)
      },
    )
}
