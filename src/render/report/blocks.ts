/**
 * The weekly report as a document: for each section a title and blocks (sentences, tables with
 * their cells already formatted, charts as specs). The terminal, markdown and HTML renderers draw the
 * same blocks, so the three versions always say the same thing.
 */
import { formatIsoDate } from '../../model/calendar-date.js'
import type { EntityName } from '../../model/cells.js'
import { entitySpecs } from '../../model/entities.js'
import { isSkipped, sectionTitles } from '../../model/report.js'
import type {
  ForecastSection,
  FunnelSection,
  HeadlineMetric,
  KpiSection,
  PipelineSection,
  QualitySection,
  RenewalsSection,
  ReportAlert,
  ReportModel,
  RepsSection,
  ReportSectionView,
  TerritoriesSection,
} from '../../model/report.js'
import type {
  BarChartSpec,
  DivergingSpec,
  FanChartSpec,
  FunnelSpec,
  HBarSpec,
  WaterfallSpec,
} from '../charts/types.js'
import { sparkline } from '../charts/text.js'
import { reportFormatter } from './report-format.js'
import type { ReportFormatter } from './report-format.js'
import { formatCount } from '../../model/counts.js'

export type Tone = 'good' | 'bad' | 'warn' | 'muted' | 'strong' | 'accent'

export interface Cell {
  readonly text: string
  readonly tone?: Tone
}

export type Chart =
  | { readonly kind: 'bars'; readonly spec: BarChartSpec }
  | { readonly kind: 'fan'; readonly spec: FanChartSpec }
  | { readonly kind: 'waterfall'; readonly spec: WaterfallSpec }
  | { readonly kind: 'funnel'; readonly spec: FunnelSpec }
  | { readonly kind: 'hbars'; readonly spec: HBarSpec }
  | { readonly kind: 'diverging'; readonly spec: DivergingSpec }

export type Block =
  | { readonly type: 'text'; readonly text: string; readonly tone?: Tone }
  | {
      readonly type: 'table'
      readonly headers: readonly string[]
      /** right-align numeric columns */
      readonly right: readonly boolean[]
      readonly rows: readonly (readonly Cell[])[]
      /** the column that may be shortened to fit a narrow terminal */
      readonly shrink?: number
    }
  | { readonly type: 'chart'; readonly chart: Chart }

export interface DocSection {
  readonly id: string
  readonly title: string
  readonly blocks: readonly Block[]
}

export interface ReportDocument {
  readonly title: string
  readonly subtitle: string
  readonly alerts: readonly string[]
  readonly sections: readonly DocSection[]
}

export interface DocumentOptions {
  readonly locale: string
}

const text = (t: string, tone?: Tone): Block =>
  tone === undefined ? { type: 'text', text: t } : { type: 'text', text: t, tone }
const cell = (t: string, tone?: Tone): Cell => (tone === undefined ? { text: t } : { text: t, tone })
const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`

export function alertText(alert: ReportAlert, f: ReportFormatter): string {
  switch (alert.id) {
    case 'data_quality_errors':
      return `${plural(alert.value, 'data-quality error')} in the inputs (see Data quality)`
    case 'pipeline_coverage_below':
      return `Pipeline coverage ${f.multiple(alert.value)} for ${alert.subject} is below ${f.multiple(alert.threshold)} (open pipeline closing this period ÷ quota still to close)`
    case 'forecast_below_quota':
      return `Forecast for ${alert.subject} is ${f.percent(alert.value)} of quota, below ${f.percent(alert.threshold)}`
    case 'win_rate_below':
      return `Win rate ${f.percent(alert.value)} in ${alert.subject} is below ${f.percent(alert.threshold)}`
    case 'renewals_overdue':
      return `${plural(alert.value, 'renewal')} overdue (${f.money(alert.amount ?? 0)} ARR): ended, neither renewed nor churned`
    case 'territory_deviation_above':
      return `Territory potential off the mean by up to ${f.percent(alert.value)} (band ±${f.percent(alert.threshold)}): ${alert.subject}`
  }
}

/** A change against a comparison value, with its tone from the metric's better direction. */
function change(m: HeadlineMetric, base: number | null, f: ReportFormatter): Cell {
  if (m.value === null || base === null) return cell('—', 'muted')
  const diff = m.value - base
  let label: string
  if (m.kind === 'ratio') label = f.points(diff)
  else if (base === 0) return cell(diff === 0 ? '±0' : 'new', 'muted')
  else label = f.signedPercent(diff / base)
  const tone: Tone | undefined =
    diff === 0 || m.better === null ? undefined : diff > 0 === (m.better === 'up') ? 'good' : 'bad'
  return cell(label, tone)
}

function metricValue(m: HeadlineMetric, value: number | null, f: ReportFormatter): string {
  if (value === null) return '—'
  switch (m.kind) {
    case 'money':
      return f.money(value)
    case 'int':
      return f.int(value)
    case 'ratio':
      return f.percent(value)
    case 'days':
      return f.number(value)
    case 'multiple':
      return f.multiple(value)
  }
}

function kpiBlocks(s: KpiSection, f: ReportFormatter): Block[] {
  const complete = s.daysElapsed >= s.daysTotal
  return [
    text(
      complete
        ? `${s.period} (${formatIsoDate(s.start)} to ${formatIsoDate(s.through)}), compared with ${s.previousLabel} and ${s.yearAgoLabel}; the sparkline shows the last ${String(s.trend.length)} periods.`
        : `${s.period} to date: day ${String(s.daysElapsed)} of ${String(s.daysTotal)} (${formatIsoDate(s.start)} to ${formatIsoDate(s.through)}), compared with the first ${String(s.daysElapsed)} days of ${s.previousLabel} and of ${s.yearAgoLabel}; the sparkline shows the last ${String(s.trend.length)} periods, this one to date.`,
    ),
    {
      type: 'table',
      headers: [
        'KPI',
        'Value',
        `vs ${s.previousLabel}`,
        `vs ${s.yearAgoLabel}`,
        `Last ${String(s.trend.length)}`,
      ],
      right: [false, true, true, true, false],
      rows: s.metrics.map((m) => [
        cell(m.label),
        cell(metricValue(m, m.value, f), 'strong'),
        change(m, m.previous, f),
        change(m, m.yearAgo, f),
        cell(m.history === undefined ? '' : sparkline(m.history), 'accent'),
      ]),
      shrink: 0,
    },
    ...groupBlocks(s, f),
    {
      type: 'chart',
      chart: {
        kind: 'bars',
        spec: {
          title: `Bookings per ${s.trend.length > 0 ? grainWord(s.period) : 'period'}, with the year before`,
          categories: s.trend.map((p) => (p.partial ? `${p.label}*` : p.label)),
          series: [
            { name: 'Closed won', values: s.trend.map((p) => p.value) },
            { name: 'A year earlier', values: s.trend.map((p) => p.prior) },
          ],
          format: f.compactMoney,
          desc: `Closed-won amount per period for the last ${String(s.trend.length)} periods; * = to date`,
        },
      },
    },
  ]
}

function groupBlocks(s: KpiSection, f: ReportFormatter): Block[] {
  const g = s.groups
  if (g === undefined) return []
  const hasQuota = g.rows.some((r) => r.quota !== null)
  const title = g.field.charAt(0).toUpperCase() + g.field.slice(1).replace(/_/g, ' ')
  return [
    text(`${s.period} to date by ${g.field.replace(/_/g, ' ')}, most bookings first:`),
    {
      type: 'table',
      headers: [
        title,
        'Won',
        'Bookings',
        'Win rate',
        'Open pipeline',
        ...(hasQuota ? ['Quota', 'Attain.', 'Coverage'] : []),
      ],
      right: [false, true, true, true, true, ...(hasQuota ? [true, true, true] : [])],
      rows: g.rows.map((r) => [
        cell(r.group),
        cell(f.int(r.won)),
        cell(f.money(r.wonAmount), 'strong'),
        cell(f.percent(r.winRate)),
        cell(f.money(r.openPipeline)),
        ...(hasQuota
          ? [cell(f.money(r.quota)), cell(f.percent(r.attainment)), cell(f.multiple(r.coverage))]
          : []),
      ]),
      shrink: 0,
    },
  ]
}

function grainWord(label: string): string {
  if (/W\d\d$/.test(label)) return 'week'
  if (/Q\d$/.test(label)) return 'quarter'
  if (/^\d{4}-\d\d$/.test(label)) return 'month'
  return 'year'
}

function forecastBlocks(s: ForecastSection, f: ReportFormatter): Block[] {
  const blocks: Block[] = [
    {
      type: 'table',
      headers: ['Period', 'Closed to date', 'P10', 'Forecast', 'P90', 'Quota', 'Forecast ÷ quota'],
      right: [false, true, true, true, true, true, true],
      rows: s.periods.map((p) => [
        cell(p.period),
        cell(f.money(p.closedWonToDate)),
        cell(f.money(p.p10), 'muted'),
        cell(f.money(p.forecast), 'strong'),
        cell(f.money(p.p90), 'muted'),
        cell(f.money(p.quota)),
        p.forecastVsQuota === null
          ? cell('—', 'muted')
          : cell(
              f.percent(p.forecastVsQuota),
              p.forecastVsQuota < 0.9 ? 'bad' : p.forecastVsQuota >= 1 ? 'good' : undefined,
            ),
      ]),
    },
  ]
  const a = s.accuracy
  blocks.push(
    text(
      a === null
        ? 'Backtest: not enough resolved history to score the forecast.'
        : `Forecast = ${s.periods[0]?.method ?? 'ensemble'}; P10–P90 from the Monte Carlo simulation. Backtested on the last ${plural(a.periods, 'period')} (replayed at each period’s start): WAPE ${f.percent(a.wape)}, bias ${f.signedPercent(a.bias)}, the P10–P90 range held the actual in ${f.percent(s.rangeCoverage)} of periods.`,
      'muted',
    ),
  )
  blocks.push({
    type: 'chart',
    chart: {
      kind: 'fan',
      spec: {
        title: 'Closed won per period and the forecast range (P10–P90)',
        points: [
          ...s.actuals.map((x) => ({ label: x.label, actual: x.value })),
          ...s.periods.map((p) => ({
            label: p.period,
            p10: p.p10,
            p50: p.forecast,
            p90: p.p90,
            target: p.quota,
          })),
        ],
        format: f.compactMoney,
        desc: 'Actual closed won of past periods, then the forecast with its P10–P90 range and the quota',
      },
    },
  })
  for (const n of s.notes) blocks.push(text(`Note: ${n}`, 'muted'))
  return blocks
}

const waterfallLabels: Readonly<Record<string, string>> = {
  start: 'Last export',
  new: 'New',
  pulled_in: 'Pulled in',
  pushed_out: 'Pushed out',
  amount_up: 'Amount up',
  amount_down: 'Amount down',
  won: 'Won',
  lost: 'Lost',
  removed: 'Removed',
  end: 'This export',
}

function pipelineBlocks(s: PipelineSection, f: ReportFormatter): Block[] {
  const start = s.steps.find((x) => x.category === 'start')
  const end = s.steps.find((x) => x.category === 'end')
  const delta = (end?.amount ?? 0) - (start?.amount ?? 0)
  return [
    text(
      `Open pipeline closing in ${s.period}: ${f.money(start?.amount ?? 0)} in the previous export, ${f.money(end?.amount ?? 0)} now (${delta >= 0 ? '+' : '−'}${f.money(Math.abs(delta))}).`,
    ),
    {
      type: 'chart',
      chart: {
        kind: 'waterfall',
        spec: {
          title: `Open pipeline of ${s.period}: previous export → this export`,
          steps: s.steps.map((x) => ({
            label: waterfallLabels[x.category] ?? x.category,
            value: x.amount,
            kind: x.category === 'start' || x.category === 'end' ? 'total' : 'delta',
          })),
          format: f.compactMoney,
        },
      },
    },
    {
      type: 'table',
      headers: ['Movement', 'Deals', 'Amount'],
      right: [false, true, true],
      rows: s.steps.map((x) => {
        const total = x.category === 'start' || x.category === 'end'
        return [
          cell(waterfallLabels[x.category] ?? x.category, total ? 'strong' : undefined),
          cell(total ? f.int(x.deals) : f.signedInt(x.deals)),
          cell(
            total ? f.money(x.amount) : f.signedMoney(x.amount),
            total || x.amount === 0 ? undefined : x.amount > 0 ? 'good' : 'bad',
          ),
        ]
      }),
    },
  ]
}

function funnelBlocks(s: FunnelSection, f: ReportFormatter): Block[] {
  return [
    text(
      `${s.cohort}: ${plural(s.deals, 'deal')}; ${s.fromHistory ? 'stages from the stage history' : 'inferred from each deal’s current stage (no stage history)'}.`,
    ),
    {
      type: 'chart',
      chart: {
        kind: 'funnel',
        spec: {
          title: 'Deals reaching each stage',
          stages: s.stages.map((x, i) => ({
            label: x.stage,
            value: x.entered,
            rate: i === 0 ? null : (s.stages[i - 1]?.conversionToNext ?? null),
          })),
          format: f.int,
        },
      },
    },
    {
      type: 'table',
      headers: ['Stage', 'Entered', 'To next', 'To won', 'Median days'],
      right: [false, true, true, true, true],
      rows: s.stages.map((x) => [
        cell(x.stage),
        cell(f.int(x.entered)),
        cell(f.percent(x.conversionToNext)),
        cell(f.percent(x.conversionToWon)),
        cell(f.number(x.medianDaysInStage)),
      ]),
      shrink: 0,
    },
  ]
}

function repsBlocks(s: RepsSection, f: ReportFormatter): Block[] {
  const hasQuota = s.withQuota > 0
  const blocks: Block[] = [
    text(
      hasQuota
        ? `${String(s.atQuota)} of ${plural(s.withQuota, 'rep')} with a quota at or above it in ${s.period} to date. ▼ = bottom quartile of the team on a coaching KPI.`
        : `No quotas given: reps ranked by closed won in ${s.period} to date. ▼ = bottom quartile of the team on a coaching KPI.`,
    ),
    {
      type: 'chart',
      chart: {
        kind: 'hbars',
        spec: hasQuota
          ? {
              title: `Quota attainment per rep, ${s.period} to date`,
              items: s.reps.map((r) => ({
                label: r.rep,
                value: r.attainment,
                flag: r.bottomQuartile.length > 0,
              })),
              format: f.percent,
              reference: { value: 1, label: 'quota' },
            }
          : {
              title: `Closed won per rep, ${s.period} to date`,
              items: s.reps.map((r) => ({
                label: r.rep,
                value: r.wonAmount,
                flag: r.bottomQuartile.length > 0,
              })),
              format: f.compactMoney,
            },
      },
    },
    {
      type: 'table',
      headers: ['Rep', 'Team', 'Won', 'Quota', 'Attain.', 'Win rate', 'Coverage', 'Coach on'],
      right: [false, false, true, true, true, true, true, false],
      rows: s.reps.map((r) => [
        cell(r.rep),
        cell(r.team, 'muted'),
        cell(f.money(r.wonAmount)),
        cell(f.money(r.quota)),
        r.attainment === null
          ? cell('—', 'muted')
          : cell(f.percent(r.attainment), r.attainment >= 1 ? 'good' : undefined),
        cell(f.percent(r.winRate)),
        cell(f.multiple(r.pipelineCoverage)),
        r.bottomQuartile.length > 0
          ? cell(`▼ ${r.bottomQuartile.join(', ').replace(/_/g, ' ')}`, 'warn')
          : cell(r.coachOn === null ? '' : r.coachOn.replace(/_/g, ' '), 'muted'),
      ]),
      shrink: 7,
    },
  ]
  if (s.omitted > 0) blocks.push(text(`… and ${plural(s.omitted, 'more rep')} (report.reps_limit).`, 'muted'))
  return blocks
}

function territoriesBlocks(s: TerritoriesSection, f: ReportFormatter): Block[] {
  const dev = (x: number | null): Cell =>
    x === null
      ? cell('—', 'muted')
      : cell(f.signedPercent(x), s.band !== null && Math.abs(x) > s.band ? 'bad' : undefined)
  return [
    text(
      `${plural(s.territories.length, 'territory', 'territories')}: largest ÷ smallest potential ${f.number(s.maxMinRatio)}, CV ${f.number(s.cv)}, worst deviation ${f.percent(s.worstDev)}, ${f.percent(s.contiguousShare)} of territories in one piece.`,
    ),
    {
      type: 'chart',
      chart: {
        kind: 'diverging',
        spec: {
          title: 'Potential per territory: deviation from the mean',
          items: s.territories.map((t) => ({ label: t.territory, value: t.potentialDev })),
          format: f.percent,
          ...(s.band === null ? {} : { band: s.band }),
        },
      },
    },
    {
      type: 'table',
      headers: ['Territory', 'Accounts', 'Potential', 'Dev.', 'Workload', 'Dev.', 'Pieces'],
      right: [false, true, true, true, true, true, true],
      rows: s.territories.map((t) => [
        cell(t.territory),
        cell(f.int(t.accounts)),
        cell(f.money(t.potential)),
        dev(t.potentialDev),
        cell(f.number(t.workload)),
        dev(t.workloadDev),
        cell(f.int(t.pieces), t.pieces > 1 ? 'warn' : undefined),
      ]),
    },
  ]
}

function renewalsBlocks(s: RenewalsSection, f: ReportFormatter): Block[] {
  const blocks: Block[] = [
    text(
      `${plural(s.dueCount, 'contract')} due in the next ${String(s.withinDays)} days (${f.money(s.dueValue)}); ${plural(s.overdueCount, 'contract')} overdue (${f.money(s.overdueValue)}).`,
      s.overdueCount > 0 ? 'bad' : undefined,
    ),
  ]
  if (s.renewals.length > 0)
    blocks.push({
      type: 'table',
      headers: ['Contract', 'Account', 'Owner', 'Ends', 'Days', 'Value', 'Status'],
      right: [false, false, false, false, true, true, false],
      rows: s.renewals.map((r) => [
        cell(r.contractId),
        cell(r.account),
        cell(r.owner ?? '—', 'muted'),
        cell(formatIsoDate(r.end)),
        cell(f.signedInt(r.daysLeft), r.daysLeft < 0 ? 'bad' : undefined),
        cell(f.money(r.value)),
        cell(r.status, r.status === 'overdue' ? 'bad' : undefined),
      ]),
      shrink: 1,
    })
  if (s.omitted > 0)
    blocks.push(
      text(
        `… and ${formatCount(s.omitted)} more (salesops renewals --within ${String(s.withinDays)} for the full list).`,
        'muted',
      ),
    )
  if (s.retention.length > 0)
    blocks.push({
      type: 'table',
      headers: ['Period', 'Starting ARR', 'Ending ARR', 'NRR', 'GRR', 'Logo churn'],
      right: [false, true, true, true, true, true],
      rows: s.retention.map((r) => [
        cell(r.period),
        cell(f.money(r.startingArr)),
        cell(f.money(r.endingArr)),
        cell(f.percent(r.nrr), r.nrr !== null && r.nrr < 1 ? 'bad' : undefined),
        cell(f.percent(r.grr)),
        cell(f.percent(r.logoChurnRate)),
      ]),
    })
  return blocks
}

function qualityBlocks(s: QualitySection): Block[] {
  const checked = Object.entries(s.records)
    .map(([entity, n]) => `${formatCount(n)} ${entityPlural(entity)}`)
    .join(', ')
  const blocks: Block[] = [
    text(
      `Checked ${checked}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}.`,
      s.errors > 0 ? 'bad' : s.warnings > 0 ? 'warn' : 'good',
    ),
  ]
  if (s.byRule.length > 0)
    blocks.push({
      type: 'table',
      headers: ['Severity', 'Rule', 'Findings'],
      right: [false, false, true],
      rows: s.byRule.map((r) => [
        cell(r.severity, r.severity === 'error' ? 'bad' : r.severity === 'warning' ? 'warn' : 'muted'),
        cell(r.rule),
        cell(formatCount(r.count)),
      ]),
    })
  if (s.findings.length > 0)
    blocks.push({
      type: 'table',
      headers: ['Severity', 'Where', 'Record', 'Finding'],
      right: [false, false, false, false],
      rows: s.findings.map((x) => [
        cell(x.severity, x.severity === 'error' ? 'bad' : x.severity === 'warning' ? 'warn' : 'muted'),
        cell(`${baseName(x.file)}:${String(x.line)}`),
        cell(x.recordId),
        cell(`${x.rule}: ${x.message}`),
      ]),
      shrink: 3,
    })
  return blocks
}

function entityPlural(entity: string): string {
  return entity in entitySpecs ? entitySpecs[entity as EntityName].plural : entity
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

function sectionBlocks(s: ReportSectionView, f: ReportFormatter): Block[] {
  if (isSkipped(s)) return [text(`Skipped: ${s.skipped}.`, 'muted')]
  switch (s.kind) {
    case 'kpis':
      return kpiBlocks(s, f)
    case 'forecast':
      return forecastBlocks(s, f)
    case 'pipeline':
      return pipelineBlocks(s, f)
    case 'funnel':
      return funnelBlocks(s, f)
    case 'reps':
      return repsBlocks(s, f)
    case 'territories':
      return territoriesBlocks(s, f)
    case 'renewals':
      return renewalsBlocks(s, f)
    case 'quality':
      return qualityBlocks(s)
  }
}

export function reportDocument(model: ReportModel, options: DocumentOptions): ReportDocument {
  const f = reportFormatter(options.locale, model.currency)
  return {
    title: model.title,
    subtitle: `As of ${formatIsoDate(model.asOf)} · ${model.grain === 'month' ? 'monthly' : model.grain === 'quarter' ? 'quarterly' : 'yearly'} view${model.currency === undefined ? '' : ` · amounts in ${model.currency}`}`,
    alerts: model.alerts.map((a) => alertText(a, f)),
    sections: model.sections.map((s) => ({
      id: s.kind,
      title: sectionTitles[s.kind],
      blocks: sectionBlocks(s, f),
    })),
  }
}
