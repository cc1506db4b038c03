/** `salesops report`: the weekly report for the Monday meeting (terminal, HTML, markdown) with alerts. */
import { dirname, isAbsolute, join } from 'node:path'
import { Option } from 'commander'
import type { Command } from 'commander'
import { ExitCode, ExitError, UsageError } from '../../errors.js'
import type { ReportSectionKind } from '../../model/report.js'
import { groupFields } from '../../domain/kpi/kpi-rows.js'
import type { GroupField } from '../../domain/kpi/kpi-rows.js'
import { snapshotProblem } from '../../domain/pipeline-diff/snapshot-problem.js'
import { forecastInput } from '../../domain/forecast/pipeline-at.js'
import { DEFAULT_SEED, DEFAULT_SIMULATIONS } from '../../domain/forecast/forecast-at.js'
import { funnelCohort } from '../../domain/funnel/funnel-cohort.js'
import { defaultThresholds } from '../../domain/report/alerts.js'
import type { AlertThresholds } from '../../domain/report/alerts.js'
import { buildReport } from '../../domain/report/build-report.js'
import { reportDefinitions } from '../../domain/report/definitions.js'
import { addDays } from '../../model/calendar-date.js'
import { reportDocument } from '../../render/report/blocks.js'
import { renderHtml } from '../../render/report/html.js'
import { renderMarkdown } from '../../render/report/markdown.js'
import { renderTerminal } from '../../render/report/terminal.js'
import type { TerminalStyle } from '../../render/report/terminal.js'
import { loadChecked } from '../checked-load.js'
import { loadZipTable } from '../zip-table.js'
import { needsZipTable } from '../../domain/territories/postal-locations.js'
import { DEMO_PREVIOUS_PIPELINE, demoFile, demoInputs } from '../demo-data.js'
import { writeData } from '../emit.js'
import { funnelOfRecords } from '../funnel-input.js'
import { asOfFor, inputKinds } from '../inputs.js'
import type { InputFiles, InputKind } from '../inputs.js'
import { parsePositiveInt } from '../options.js'
import { configFileKinds, reportSections } from '../report-config.js'
import type { ReportConfig } from '../report-config.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

interface ReportFlags extends Partial<Record<InputKind, string[]>> {
  previousDeals?: string[]
  period?: 'month' | 'quarter' | 'year'
  by?: GroupField
  sections?: ReportSectionKind[]
  title?: string
  failOnAlert?: boolean
  width: number
  demo?: boolean
}

function parseSections(value: string): ReportSectionKind[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const bad = list.filter((s) => !(reportSections as readonly string[]).includes(s))
  if (bad.length > 0 || list.length === 0)
    throw new UsageError('BAD_SECTIONS', `--sections: expected some of ${reportSections.join(', ')}`)
  return list as ReportSectionKind[]
}

type ReportFormat = 'terminal' | 'html' | 'markdown'

function reportFormat(session: Session): ReportFormat {
  const { format, out } = session.options
  if (format === undefined) {
    const ext = out?.split('.').pop()?.toLowerCase()
    return ext === 'html' || ext === 'htm' ? 'html' : ext === 'md' ? 'markdown' : 'terminal'
  }
  if (format === 'table' || format === 'terminal') return 'terminal'
  if (format === 'html' || format === 'markdown') return format
  throw new UsageError(
    'FORMAT_NOT_SUPPORTED',
    `report writes --format terminal, html or markdown (not ${format}); the commands behind each section write csv and json`,
  )
}

/** The files of each kind: --demo, else the config's `files:` (relative to the config file), then named options. */
function reportFiles(session: Session, flags: ReportFlags): { inputs: InputFiles; previous?: string[] } {
  const inputs: InputFiles = {}
  let previous: string[] | undefined
  if (flags.demo === true) {
    for (const [kind, name] of Object.entries(demoInputs))
      inputs[inputKinds[kind as InputKind]] = [demoFile(name)]
    previous = [demoFile(DEMO_PREVIOUS_PIPELINE)]
  } else {
    const base = session.configFile === undefined ? '.' : dirname(session.configFile)
    for (const kind of configFileKinds) {
      const value = session.config.files?.[kind]
      if (value === undefined) continue
      const paths = (Array.isArray(value) ? value : [value]).map((p) => (isAbsolute(p) ? p : join(base, p)))
      if (kind === 'previous_deals') previous = paths
      else inputs[inputKinds[kind]] = paths
    }
  }
  for (const kind of Object.keys(inputKinds) as InputKind[]) {
    const own = flags[kind]
    if (own !== undefined) inputs[inputKinds[kind]] = own
  }
  if (flags.previousDeals !== undefined) previous = flags.previousDeals
  return previous === undefined ? { inputs } : { inputs, previous }
}

function thresholds(config: ReportConfig | undefined): AlertThresholds {
  const a = config?.alerts ?? {}
  const pick = (v: number | false | undefined, fallback: number | null): number | null =>
    v === undefined ? fallback : v === false ? null : v
  return {
    pipelineCoverageBelow: pick(a.pipeline_coverage_below, defaultThresholds.pipelineCoverageBelow),
    forecastBelowQuota: pick(a.forecast_below_quota, defaultThresholds.forecastBelowQuota),
    dataQualityErrors: a.data_quality_errors ?? defaultThresholds.dataQualityErrors,
    renewalsOverdue: a.renewals_overdue ?? defaultThresholds.renewalsOverdue,
    winRateBelow: pick(a.win_rate_below, defaultThresholds.winRateBelow),
    territoryDeviationAbove: pick(a.territory_deviation_above, defaultThresholds.territoryDeviationAbove),
  }
}

function terminalStyle(session: Session): TerminalStyle {
  const c = session.out === undefined ? session.chalk : session.plainChalk
  return {
    accent: (s) => c.blue(s),
    muted: (s) => c.gray(s),
    good: (s) => c.green(s),
    bad: (s) => c.red(s),
    warn: (s) => c.yellow(s),
    strong: (s) => c.bold(s),
    heading: (s) => c.bold.cyan(s),
  }
}

export function registerReportCommand(program: Command): void {
  const command = program
    .command('report')
    .summary(
      'the weekly sales report: KPIs, forecast, pipeline, funnel, reps, territories, renewals, data quality',
    )
    .description(
      'Assembles the weekly report from the files of the config (`files:`) or the demo company: headline KPIs against the previous period and last year, the forecast with its P10–P90 range and backtested accuracy, pipeline changes since the previous export, the funnel, the rep scorecard, territory balance, renewals and retention, and data-quality findings, with charts. Sections whose inputs are absent are skipped with a note. Alerts (thresholds in `report.alerts`) are listed at the top; --fail-on-alert exits 1 when any fires. Invalid rows do not stop the report: they are data-quality findings. Formats: terminal (default), html (one self-contained file), markdown.',
    )
  for (const kind of Object.keys(inputKinds))
    command.option(`--${kind} <files...>`, `${kind} export(s) (instead of the config's)`)
  command
    .option(
      '--previous-deals <files...>',
      'the previous deals export (e.g. last Monday’s), for the pipeline changes',
    )
    .addOption(
      new Option('--period <grain>', 'headline period (default: report.period, else quarter)').choices([
        'month',
        'quarter',
        'year',
      ]),
    )
    .addOption(
      new Option('--by <field>', 'break the headline KPIs down by this field (default: report.by)').choices(
        groupFields,
      ),
    )
    .option(
      '--sections <list>',
      `sections in order (default all): ${reportSections.join(',')}`,
      parseSections,
    )
    .option('--title <text>', 'the report title (default: report.title)')
    .option('--fail-on-alert', 'exit 1 when an alert fires (for cron)')
    .option('--width <columns>', 'terminal width of the text report', parsePositiveInt, 100)
    .option('--demo', 'the embedded demo company (as of its snapshot date unless --as-of)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops report --demo
  $ salesops report --demo --by team --explain
  $ salesops report --config salesops.config.yaml --format html -o weekly.html
  $ salesops report --config salesops.config.yaml --format markdown --sections kpis,forecast,reps
  $ salesops report --fail-on-alert --quiet -o /var/reports/weekly-$(date +%F).html   # cron`,
    )
    .action(async (flags: ReportFlags, cmd: Command) => {
      const session = await createSession(cmd)
      const format = reportFormat(session)
      const demo = flags.demo === true
      const config = session.config.report
      const { inputs, previous } = reportFiles(session, flags)
      if (Object.keys(inputs).length === 0)
        throw new UsageError(
          'NO_INPUT',
          'report needs input files: a config with a files: section (salesops init writes one), named options such as --deals, or --demo',
        )
      const asOf = asOfFor(session, demo)
      const loaded = await loadChecked(session, inputs, {
        asOf,
        staleDays: session.config.stale_days ?? 30,
        keep: true,
      })
      const previousDeals =
        previous === undefined ? undefined : (await session.load('deal', previous)).records
      await session.finishLoads()
      const r = loaded.records
      const grain = flags.period ?? config?.period ?? 'quarter'
      const calendar = {
        fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
      }
      const sections = flags.sections ?? config?.sections ?? [...reportSections]
      session.explain(reportDefinitions(sections, thresholds(config)))
      let funnel
      if (r.deal !== undefined && sections.includes('funnel')) {
        const cohort = funnelCohort({
          asOf,
          fiscalYearStart: calendar.fiscalYearStart,
          from: addDays(asOf, -364),
          to: asOf,
        })
        const stages =
          (await session.loadOptions('deal')).stages ??
          loaded.loads.deal?.files[0]?.match.profile.stages ??
          []
        funnel = {
          result: funnelOfRecords(r.deal, r.stage_change, {
            stages,
            cohort,
            mode: 'ordered',
            conversion: 'next',
            phases: session.config.funnel?.phases,
          }),
          cohort: 'Deals created in the last 12 months',
        }
      }
      const zipTable =
        r.account !== undefined && sections.includes('territories') && needsZipTable(r.account)
          ? await loadZipTable()
          : undefined
      const duplicate = [r.deal, previousDeals]
        .map((d) => (d === undefined ? undefined : snapshotProblem(d)))
        .find((p) => p !== undefined)
      if (duplicate !== undefined) session.warn(`pipeline changes skipped: ${duplicate.message}`)
      const model = buildReport(
        {
          ...(r.deal === undefined ? {} : { deals: r.deal, forecast: forecastInput(r.deal, r.stage_change) }),
          ...(previousDeals === undefined || duplicate !== undefined ? {} : { previousDeals }),
          ...(r.rep === undefined ? {} : { reps: r.rep }),
          ...(r.quota === undefined ? {} : { quotas: r.quota }),
          ...(r.account === undefined ? {} : { accounts: r.account }),
          ...(zipTable === undefined ? {} : { zipTable }),
          ...(r.contract === undefined ? {} : { contracts: r.contract }),
          ...(funnel === undefined ? {} : { funnel }),
          quality: loaded.summary,
        },
        {
          title: flags.title ?? config?.title ?? 'Weekly sales report',
          asOf,
          grain,
          calendar,
          currency: session.currency,
          sections,
          trendPeriods: config?.trend_periods ?? 8,
          by: flags.by ?? config?.by,
          renewalsDays: config?.renewals_days ?? 90,
          renewalsLimit: 15,
          repsLimit: config?.reps_limit,
          qualityLimit: config?.quality_limit ?? 10,
          thresholds: thresholds(config),
          simulations: DEFAULT_SIMULATIONS,
          seed: DEFAULT_SEED,
        },
      )
      const doc = reportDocument(model, { locale: session.locale })
      const text =
        format === 'html'
          ? renderHtml(doc)
          : format === 'markdown'
            ? renderMarkdown(doc)
            : renderTerminal(doc, flags.width, terminalStyle(session))
      await writeData(text, session)
      if (model.alerts.length > 0) {
        session.note(
          `${String(model.alerts.length)} alert${model.alerts.length === 1 ? '' : 's'} fired${flags.failOnAlert === true ? ' (--fail-on-alert: exit 1)' : ''}`,
        )
        if (flags.failOnAlert === true) throw new ExitError(ExitCode.Findings)
      }
    })
}
