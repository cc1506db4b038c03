/** `salesops kpi DEALS...`: how are we doing, per period and group. */
import { Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Column, Columns } from '../../model/columns.js'
import type { Deal } from '../../model/deal.js'
import { kpiDefinitions } from '../../domain/kpi/definitions.js'
import { groupFields, kpiReport } from '../../domain/kpi/kpi-rows.js'
import type { GroupField, KpiRow } from '../../domain/kpi/kpi-rows.js'
import { stageWinRates } from '../../domain/kpi/stage-win-rates.js'
import { contractSpans } from '../../domain/retention/arr-movements.js'
import { grains } from '../../domain/shared/period.js'
import type { Grain } from '../../domain/shared/period.js'
import { emit, isHumanFormat, outputFormat } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import {
  parseShareOption,
  groupByParser,
  kpiSwitchOptions,
  parseDateOption,
  parseDaysOption,
} from '../options.js'
import { createSession } from '../session.js'

interface KpiFlags {
  by: GroupField[]
  period: Grain
  from?: CalendarDate
  to?: CalendarDate
  compare?: 'previous' | 'yoy'
  winRateBasis: 'closed' | 'created'
  cycleBasis: 'won' | 'closed'
  weights: 'crm' | 'history'
  coverageBasis: 'remaining' | 'quota'
  history?: string[]
  reps?: string[]
  quotas?: string[]
  spend?: string[]
  nps?: string[]
  contracts?: string[]
  grace: number
  mrr?: boolean
  grossMargin?: number
  demo?: boolean
}

type Row = KpiRow & Record<string, unknown>

const METRICS: Columns<Row> = [
  { key: 'deals_created', header: 'Created', kind: 'int', total: 'sum' },
  { key: 'won', header: 'Won', kind: 'int', total: 'sum' },
  { key: 'lost', header: 'Lost', kind: 'int', total: 'sum' },
  { key: 'open', header: 'Open', kind: 'int', total: 'sum' },
  { key: 'win_rate', header: 'Win rate', kind: 'ratio' },
  { key: 'won_amount', header: 'Won amount', kind: 'money', total: 'sum' },
  { key: 'avg_deal_size', header: 'Avg deal', kind: 'money' },
  { key: 'median_deal_size', header: 'Median deal', kind: 'money' },
  { key: 'sales_cycle_days', header: 'Cycle days', kind: 'number' },
  { key: 'median_sales_cycle_days', header: 'Median cycle', kind: 'number' },
  { key: 'revenue_per_account', header: 'Rev/account', kind: 'money' },
  { key: 'open_pipeline', header: 'Open pipeline', kind: 'money', total: 'sum' },
  { key: 'weighted_pipeline', header: 'Weighted', kind: 'money', total: 'sum' },
  { key: 'sales_velocity', header: 'Velocity/day', kind: 'money' },
  { key: 'profit_margin', header: 'Margin', kind: 'ratio' },
]
const QUOTA: Columns<Row> = [
  { key: 'quota', header: 'Quota', kind: 'money' },
  { key: 'quota_attainment', header: 'Attainment', kind: 'ratio' },
  { key: 'pipeline_coverage', header: 'Coverage', kind: 'number' },
  { key: 'reps_at_quota_share', header: 'Reps ≥ quota', kind: 'ratio' },
]
const COMPARE: Columns<Row> = [
  { key: 'won_amount_prior', header: 'Won prior', kind: 'money' },
  { key: 'win_rate_prior', header: 'Win rate prior', kind: 'ratio' },
  { key: 'growth', header: 'Growth', kind: 'ratio' },
]
const NPS: Columns<Row> = [
  { key: 'nps', header: 'NPS', kind: 'number' },
  { key: 'promoters', header: 'Promoters', kind: 'int' },
  { key: 'passives', header: 'Passives', kind: 'int' },
  { key: 'detractors', header: 'Detractors', kind: 'int' },
  { key: 'nps_responses', header: 'NPS responses', kind: 'int' },
]
const CONTRACTS: Columns<Row> = [
  { key: 'logo_churn_rate', header: 'Logo churn', kind: 'ratio' },
  { key: 'revenue_churn_rate', header: 'Revenue churn', kind: 'ratio' },
  { key: 'clv', header: 'CLV', kind: 'money' },
]
/** what a terminal table shows; csv/json carry every column */
const TABLE_KEYS = new Set([
  'won',
  'win_rate',
  'won_amount',
  'avg_deal_size',
  'sales_cycle_days',
  'open_pipeline',
  'weighted_pipeline',
  'quota_attainment',
  'pipeline_coverage',
  'growth',
  'cac',
  'nps',
])

export function registerKpiCommand(program: Command): void {
  const [winRateBasis, cycleBasis, coverageBasis] = kpiSwitchOptions()
  program
    .command('kpi')
    .summary(
      'sales KPIs per period and group: win rate, deal size, cycle, pipeline, velocity, attainment, coverage',
    )
    .description(
      'Computes the deal KPIs for every period from --from to --to (default: the first date in the data to --as-of), for the whole company or per group (--by). Definitions: docs/metrics.md, or --explain. Tables show the main columns and a totals row; csv/json carry every column and the totals only with --totals.',
    )
    .argument('[deals...]', 'deals exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .option(
      '--by <fields>',
      `group by one or more of ${groupFields.join(', ')} (comma-separated)`,
      groupByParser(groupFields),
      [],
    )
    .addOption(new Option('--period <grain>', 'period length').choices(grains).default('quarter'))
    .option('--from <date>', 'first day of the range, YYYY-MM-DD', parseDateOption)
    .option('--to <date>', 'last day of the range (default: --as-of)', parseDateOption)
    .addOption(
      new Option('--compare <basis>', 'add the prior value and the growth').choices(['previous', 'yoy']),
    )
    .addOption(winRateBasis)
    .addOption(cycleBasis)
    .addOption(coverageBasis)
    .addOption(
      new Option(
        '--weights <source>',
        'weighted pipeline: CRM probability or historical stage win rate (needs --history)',
      )
        .choices(['crm', 'history'])
        .default('crm'),
    )
    .option('--history <files...>', 'stage history (for --weights history)')
    .option('--reps <files...>', 'reps (team, region, manager for grouping; reps at quota)')
    .option('--quotas <files...>', 'quotas (quota, attainment, coverage)')
    .option('--spend <files...>', 'sales and marketing spend by period (CAC)')
    .option('--nps <files...>', 'NPS responses')
    .option('--contracts <files...>', 'contracts (logo and revenue churn, CLV)')
    .option(
      '--grace <days>',
      'a renewal starting this many days after the end still continues the contract',
      parseDaysOption,
      30,
    )
    .option('--mrr', 'contract values are monthly (MRR), not annual')
    .option('--gross-margin <share>', 'gross margin for CLV (default 1: revenue CLV)', parseShareOption)
    .option('--demo', 'use the embedded demo company (as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops kpi deals.csv --period quarter
  $ salesops kpi deals.csv --by owner --reps reps.csv --quotas quotas.csv --from 2026-01-01
  $ salesops kpi deals.csv --period month --compare yoy --format csv -o kpis.csv
  $ salesops kpi --demo --by team --from 2026-01-01 --explain`,
    )
    .action(async (files: string[], flags: KpiFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const input = (own: string[] | undefined, name: keyof typeof demoInputs): string[] | undefined =>
        own ?? (demo ? [demoFile(demoInputs[name])] : undefined)
      const dealFiles = files.length > 0 ? files : demo ? [demoFile(demoInputs.deals)] : []
      if (dealFiles.length === 0) throw new UsageError('NO_INPUT', 'kpi needs a deals file (or --demo)')
      const historyFiles = input(flags.history, 'history')
      if (flags.weights === 'history' && historyFiles === undefined) {
        throw new UsageError('HISTORY_NEEDED', '--weights history needs --history FILE (stage history)')
      }
      const { records: deals } = await session.load('deal', dealFiles)
      const load = async <E extends 'rep' | 'quota' | 'spend' | 'nps'>(
        entity: E,
        paths: string[] | undefined,
      ) => (paths === undefined ? undefined : (await session.load(entity, paths)).records)
      const reps = await load('rep', input(flags.reps, 'reps'))
      const quotas = await load('quota', input(flags.quotas, 'quotas'))
      const spend = await load('spend', input(flags.spend, 'spend'))
      const nps = await load('nps', input(flags.nps, 'nps'))
      const contractFiles = input(flags.contracts, 'contracts')
      const contracts =
        contractFiles === undefined
          ? undefined
          : contractSpans((await session.load('contract', contractFiles)).records, {
              graceDays: flags.grace,
              monthly: flags.mrr === true,
            })
      let weight = (deal: Deal): number | undefined => deal.probability
      if (flags.weights === 'history' && historyFiles !== undefined) {
        const rates = stageWinRates(deals, (await session.load('stage_change', historyFiles)).records)
        weight = (deal) => rates.get(deal.stage.trim().toLowerCase())
      }
      await session.finishLoads()
      const options = {
        by: flags.by,
        grain: flags.period,
        calendar: {
          fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
        },
        from: flags.from,
        to: flags.to,
        compare: flags.compare,
        coverageBasis: flags.coverageBasis,
        winRateBasis: flags.winRateBasis,
        cycleBasis: flags.cycleBasis,
        weight,
        asOf: asOfFor(session, demo),
        ...(reps === undefined ? {} : { reps }),
        ...(quotas === undefined ? {} : { quotas }),
        ...(spend === undefined ? {} : { spend }),
        ...(nps === undefined ? {} : { nps }),
        ...(contracts === undefined ? {} : { contracts }),
        ...(flags.grossMargin === undefined ? {} : { grossMargin: flags.grossMargin }),
      }
      session.explain(kpiDefinitions(options, flags.weights))
      const report = kpiReport(deals, options)
      for (const note of report.notes) session.note(`note: ${note}`)
      const hasCost = deals.some((d) => d.cost !== undefined)
      const columns: Column<Row>[] = [
        { key: 'period', header: 'Period', kind: 'text', total: 'label' },
        { key: 'period_start', header: 'Start', kind: 'date' },
        { key: 'period_end', header: 'End', kind: 'date' },
        ...flags.by.map((field): Column<Row> => ({
          key: field,
          header: `${field.slice(0, 1).toUpperCase()}${field.slice(1)}`,
          kind: 'text',
        })),
        ...METRICS.filter((c) => c.key !== 'profit_margin' || hasCost),
        ...(quotas === undefined ? [] : QUOTA),
        ...(spend === undefined ? [] : [{ key: 'cac', header: 'CAC', kind: 'money' } as Column<Row>]),
        ...(nps === undefined ? [] : NPS),
        ...(contracts === undefined ? [] : CONTRACTS),
        ...(flags.compare === undefined ? [] : COMPARE),
      ]
      const human = isHumanFormat(outputFormat(session))
      const shown = human
        ? columns.filter(
            (c) => c.key === 'period' || flags.by.includes(c.key as GroupField) || TABLE_KEYS.has(c.key),
          )
        : columns
      const flat = (row: KpiRow): Row => ({ ...row, ...row.group })
      await emit(report.rows.map(flat), shown, session, { totals: flat(report.totals) })
    })
}
