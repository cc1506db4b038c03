/** `salesops forecast DEALS...` and `salesops forecast backtest DEALS...`: how much will we close, and how good is that number. */
import { Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { CellValue, Column, Columns } from '../../model/columns.js'
import { addDays } from '../../model/calendar-date.js'
import { backtest, replayOffsets, summarizeBacktest } from '../../domain/forecast/backtest.js'
import { DEFAULT_SEED, DEFAULT_SIMULATIONS } from '../../domain/forecast/forecast-at.js'
import type { ReplayOffset } from '../../domain/forecast/backtest.js'
import { backtestDefinitions, forecastDefinitions } from '../../domain/forecast/definitions.js'
import { forecastGroupFields, forecastMethods, forecastReport } from '../../domain/forecast/forecast-rows.js'
import type { ForecastGroupField, ForecastMethod, ForecastRow } from '../../domain/forecast/forecast-rows.js'
import { forecastInput } from '../../domain/forecast/pipeline-at.js'
import { rangeBar } from '../../domain/forecast/range-bar.js'
import { emit, formatRows, isHumanFormat, outputFormat, writeData } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { parseNonNegativeInt, parsePositiveInt } from '../options.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

interface CommonFlags {
  period: 'month' | 'quarter'
  history?: string[]
  simulations: number
  seed: number
  demo?: boolean
}
interface ForecastFlags extends CommonFlags {
  horizon: number
  method: ForecastMethod
  auto?: boolean
  by?: ForecastGroupField
  quotas?: string[]
  reps?: string[]
}
interface BacktestFlags extends CommonFlags {
  periods?: number
  at: ReplayOffset
  summary?: boolean
}

type Row = Record<string, CellValue>
const money = (key: string, header: string): Column<Row> => ({ key, header, kind: 'money' })

const METHOD_COLUMNS: Readonly<Record<Exclude<ForecastMethod, 'all'>, Columns<Row>>> = {
  rollup: [
    money('commit', 'Commit'),
    money('best_case', 'Best case'),
    money('pipeline_open_in_period', 'Open pipeline'),
  ],
  weighted: [money('weighted', 'Weighted')],
  conversion: [money('conversion_expected', 'Conversion'), money('new_pipeline_expected', 'New pipeline')],
  montecarlo: [money('mc_p10', 'P10'), money('mc_p50', 'P50'), money('mc_p90', 'P90')],
  runrate: [money('run_rate', 'Run rate')],
  ensemble: [
    money('conversion_expected', 'Conversion'),
    money('new_pipeline_expected', 'New pipeline'),
    money('run_rate', 'Run rate'),
    money('mc_p10', 'P10'),
    money('mc_p50', 'P50'),
    money('mc_p90', 'P90'),
  ],
}
const ALL_COLUMNS: Columns<Row> = [
  money('commit', 'Commit'),
  money('best_case', 'Best case'),
  money('pipeline_open_in_period', 'Open pipeline'),
  money('weighted', 'Weighted'),
  money('conversion_expected', 'Conversion'),
  money('new_pipeline_expected', 'New pipeline'),
  money('mc_p10', 'P10'),
  money('mc_p50', 'P50'),
  money('mc_p90', 'P90'),
  money('run_rate', 'Run rate'),
]

function forecastColumns(flags: ForecastFlags, human: boolean): Column<Row>[] {
  return [
    { key: 'period', header: 'Period', kind: 'text' },
    ...(flags.by === undefined ? [] : [{ key: flags.by, header: flags.by, kind: 'text' } as Column<Row>]),
    { key: 'period_start', header: 'Start', kind: 'date' },
    { key: 'period_end', header: 'End', kind: 'date' },
    { key: 'as_of', header: 'As of', kind: 'date' },
    money('closed_won_to_date', 'Closed won'),
    ...(flags.method === 'all' ? ALL_COLUMNS : METHOD_COLUMNS[flags.method]),
    money('forecast_total', 'Forecast'),
    ...(human ? [{ key: 'range', header: 'P10–P90', kind: 'text' } as Column<Row>] : []),
    { key: 'method', header: 'Method', kind: 'text' },
    { key: 'n_open_deals', header: 'Open deals', kind: 'int' },
    { key: 'n_history_periods', header: 'History periods', kind: 'int' },
    ...(flags.quotas === undefined && flags.demo !== true
      ? []
      : [
          money('quota', 'Quota'),
          { key: 'forecast_vs_quota', header: 'vs quota', kind: 'ratio' } as Column<Row>,
        ]),
  ]
}

const BACKTEST_COLUMNS: Columns<Row> = [
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'period_start', header: 'Start', kind: 'date' },
  { key: 'period_end', header: 'End', kind: 'date' },
  { key: 'as_of', header: 'As of', kind: 'date' },
  { key: 'method', header: 'Method', kind: 'text' },
  money('forecast', 'Forecast'),
  money('actual', 'Actual'),
  money('error', 'Error'),
  { key: 'ape', header: 'APE', kind: 'ratio' },
  { key: 'accuracy', header: 'Accuracy', kind: 'ratio' },
  money('p10', 'P10'),
  money('p90', 'P90'),
]
const SUMMARY_COLUMNS: Columns<Row> = [
  { key: 'method', header: 'Method', kind: 'text' },
  { key: 'periods', header: 'Periods', kind: 'int' },
  { key: 'wape', header: 'WAPE', kind: 'ratio' },
  { key: 'bias', header: 'Bias', kind: 'ratio' },
  { key: 'mape', header: 'MAPE', kind: 'ratio' },
  { key: 'within_10pct_share', header: '±10%', kind: 'ratio' },
  { key: 'within_20pct_share', header: '±20%', kind: 'ratio' },
  { key: 'p10_p90_coverage', header: 'P10–P90 cover', kind: 'ratio' },
  { key: 'improvement_vs_weighted', header: 'vs weighted', kind: 'ratio' },
  { key: 'forecast_accuracy', header: 'Accuracy', kind: 'ratio' },
]

function commonOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--period <grain>', 'fiscal period length').choices(['month', 'quarter']).default('quarter'),
    )
    .option('--history <files...>', 'stage history export (without it: deal-age buckets)')
    .option('--simulations <n>', 'Monte Carlo simulations', parsePositiveInt, DEFAULT_SIMULATIONS)
    .option(
      '--seed <n>',
      'seed of the Monte Carlo draws (same seed, same output)',
      parseNonNegativeInt,
      DEFAULT_SEED,
    )
    .option('--demo', 'use the embedded demo company (deals, stage history, quotas; as of its snapshot date)')
}

async function loadInput(session: Session, files: string[], flags: CommonFlags, name: string) {
  const demo = flags.demo === true
  const dealFiles = files.length > 0 ? files : demo ? [demoFile(demoInputs.deals)] : []
  if (dealFiles.length === 0) throw new UsageError('NO_INPUT', `${name} needs a deals file (or --demo)`)
  const historyFiles = flags.history ?? (demo ? [demoFile(demoInputs.history)] : undefined)
  const { records: deals } = await session.load('deal', dealFiles)
  const history =
    historyFiles === undefined ? undefined : (await session.load('stage_change', historyFiles)).records
  return { demo, deals, input: forecastInput(deals, history) }
}

/**
 * `forecast` and `forecast backtest` share option names, and commander lets the parent parse the ones
 * it knows wherever they stand: a flag the user gave lands on `forecast`. Those win over the
 * subcommand's defaults.
 */
function withParentFlags<F extends object>(own: F, command: Command): F {
  const parent = command.parent
  if (parent === null) return own
  const merged = Object.assign({}, own) as Record<string, unknown>
  for (const [key, value] of Object.entries(parent.opts())) {
    if (parent.getOptionValueSource(key) === 'cli') merged[key] = value
  }
  return merged as F
}

function calendarOf(session: Session) {
  return { fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1 }
}

export function registerForecastCommand(program: Command): void {
  const forecast = program
    .command('forecast')
    .summary(
      'forecast closed won per period: rollup, weighted, conversion, Monte Carlo range, run rate, ensemble',
    )
    .description(
      'Forecasts the closed-won amount of the current fiscal period and the next (--horizon) from the open pipeline and the history: rollup (commit / best case), weighted pipeline (the CRM baseline), conversion (historical conversion by stage × close date, shrunk, plus new pipeline), montecarlo (P10/P50/P90 with a common shock), runrate (time series on bookings) and ensemble (mean of conversion and run rate; the default headline). Without --history the conversion uses deal-age buckets, and the method column says so. `forecast backtest` measures how good each method has been on your own history. Definitions: docs/metrics.md, or --explain.',
    )
    .argument('[deals...]', 'deals exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .option('--horizon <n>', 'periods to forecast: the current one and the next n − 1', parsePositiveInt, 2)
    .addOption(
      new Option('--method <method>', 'headline method (all: every column)')
        .choices(forecastMethods)
        .default('ensemble'),
    )
    .option('--auto', 'pick the headline method by its backtest WAPE over the last resolved periods')
    .addOption(new Option('--by <field>', 'forecast per group plus the total').choices(forecastGroupFields))
    .option('--quotas <files...>', 'quotas: adds quota and forecast_vs_quota')
    .option('--reps <files...>', 'reps (team and region of each owner, for --by team|region)')
  commonOptions(forecast)
    .addHelpText(
      'after',
      `
Examples:
  $ salesops forecast deals.csv --history stage_history.csv
  $ salesops forecast deals.csv --history stage_history.csv --method all --format csv -o forecast.csv
  $ salesops forecast deals.csv --period month --horizon 3 --by owner --quotas quotas.csv
  $ salesops forecast --demo --auto --explain
  $ salesops forecast backtest --demo`,
    )
    .action(async (files: string[], flags: ForecastFlags, command: Command) => {
      const session = await createSession(command)
      const { demo, input } = await loadInput(session, files, flags, 'forecast')
      const load = async <E extends 'rep' | 'quota'>(
        entity: E,
        own: string[] | undefined,
        name: 'reps' | 'quotas',
      ) => {
        const paths = own ?? (demo ? [demoFile(demoInputs[name])] : undefined)
        return paths === undefined ? undefined : (await session.load(entity, paths)).records
      }
      const quotas = await load('quota', flags.quotas, 'quotas')
      const reps = await load('rep', flags.reps, 'reps')
      await session.finishLoads()
      const options = {
        asOf: asOfFor(session, demo),
        grain: flags.period,
        calendar: calendarOf(session),
        horizon: flags.horizon,
        simulations: flags.simulations,
        seed: flags.seed,
        method: flags.method,
        auto: flags.auto === true,
        by: flags.by,
        ...(quotas === undefined ? {} : { quotas }),
        ...(reps === undefined ? {} : { reps }),
      }
      session.explain(forecastDefinitions())
      const report = forecastReport(input, options)
      for (const note of report.notes) session.note(`note: ${note}`)
      const human = isHumanFormat(outputFormat(session))
      const scale = Math.max(0, ...report.rows.map((r) => r.mc_p90))
      const rows = report.rows.map((r): Row => ({
        ...(r as Omit<ForecastRow, 'group'>),
        ...(flags.by === undefined ? {} : { [flags.by]: r.group }),
        range: rangeBar(r.mc_p10, r.mc_p50, r.mc_p90, scale),
      }))
      await emit(
        rows,
        forecastColumns({ ...flags, ...(quotas === undefined ? {} : { quotas: [] }) }, human),
        session,
      )
    })

  const replay = forecast
    .command('backtest')
    .summary('as-of replay: how good each forecast method has been on your own history')
    .description(
      'For each of the last --periods resolved periods (default 8 quarters or 12 months), rebuilds the pipeline as it was at the replay date (--at: the period start, or week 6 / week 10 of a quarter) from the stage history, forecasts with every method and compares with the actual closed won. Prints one row per period and method; in table and markdown formats a summary per method follows (wape, bias, within ±10% / ±20%, P10–P90 coverage, improvement over weighted, forecast accuracy); --summary prints only the summary, in any format. Without --history, commit, best case and weighted cannot be replayed (empty) and the conversion uses deal-age buckets with the export amounts (known leakage).',
    )
    .argument('[deals...]', 'deals exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .option('--periods <n>', 'periods to replay (default 8 quarters / 12 months)', parsePositiveInt)
    .addOption(
      new Option('--at <point>', 'replay date within each period')
        .choices(Object.keys(replayOffsets))
        .default('start'),
    )
    .option('--summary', 'print only the summary per method')
  commonOptions(replay)
    .addHelpText(
      'after',
      `
Examples:
  $ salesops forecast backtest deals.csv --history stage_history.csv
  $ salesops forecast backtest deals.csv --history stage_history.csv --at week6 --summary
  $ salesops forecast backtest deals.csv --history stage_history.csv --period month --periods 12 --format csv
  $ salesops forecast backtest --demo --summary --explain`,
    )
    .action(async (files: string[], own: BacktestFlags, command: Command) => {
      const flags = withParentFlags(own, command)
      const session = await createSession(command)
      if (flags.period === 'month' && flags.at !== 'start')
        throw new UsageError(
          'CONFLICTING_OPTIONS',
          '--at week6 and week10 apply to quarters; months replay at their start',
        )
      const { demo, input } = await loadInput(session, files, flags, 'forecast backtest')
      await session.finishLoads()
      if (input.history === undefined)
        session.note(
          'note: no stage history (--history): commit, best_case and weighted cannot be replayed; conversion uses deal-age buckets and the amounts of the export (known leakage)',
        )
      session.explain(backtestDefinitions())
      const asOf = addDays(asOfFor(session, demo), 1)
      const rows = backtest(input, asOf, {
        grain: flags.period,
        calendar: calendarOf(session),
        periods: flags.periods ?? (flags.period === 'quarter' ? 8 : 12),
        at: flags.at,
        simulations: flags.simulations,
        seed: flags.seed,
      })
      const summary = summarizeBacktest(rows).map((s): Row => ({ ...s }))
      if (flags.summary === true) {
        await emit(summary, SUMMARY_COLUMNS, session)
        return
      }
      const perPeriod = rows.map((r): Row => {
        const error = r.forecast === null ? null : r.forecast - r.actual
        const ape = error === null || r.actual === 0 ? null : Math.abs(error) / r.actual
        const round = (x: number | null) => (x === null ? null : Math.round(x))
        return {
          period: r.period.label,
          period_start: r.period.start,
          period_end: addDays(r.period.end, -1),
          as_of: r.asOf,
          method: r.method,
          forecast: round(r.forecast),
          actual: r.actual,
          error: round(error),
          ape,
          accuracy: ape === null ? null : 1 - ape,
          p10: round(r.p10),
          p90: round(r.p90),
        }
      })
      if (isHumanFormat(outputFormat(session))) {
        const text = `${formatRows(perPeriod, BACKTEST_COLUMNS, session)}\n${formatRows(summary, SUMMARY_COLUMNS, session)}`
        await writeData(text, session)
        return
      }
      await emit(perPeriod, BACKTEST_COLUMNS, session)
    })
}
