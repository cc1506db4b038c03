/**
 * The text of the starter `salesops.config.yaml` that `salesops init` writes, built from what the
 * detection found in each file. PURE: detection results in, commented YAML out (it validates with
 * `configSchema`; the unit tests check that).
 *
 * What becomes an active setting: what every file agrees on (one currency, one profile), the stage
 * table as the loader read it, the files by kind, the report defaults, and the options given on the
 * command line (--currency, --locale, --date-format, --profile, --encoding, --fiscal-year-start,
 * --map). Everything else is a comment: formats are detected per column anyway, and a mapping is
 * only a hint to check.
 */
import { parse as parseYaml } from 'yaml'
import type { EntityName } from '../model/cells.js'
import type { DealStatus, ForecastCategory } from '../model/deal.js'
import type { DateFormat } from '../io/values.js'
import type { StageRow } from '../io/profiles/index.js'
import { configFileKinds, reportSections } from './report-config.js'
import type { ReportSection } from './report-config.js'
import { formatCount } from '../model/counts.js'

export type ConfigFileKind = (typeof configFileKinds)[number]

/** A stage as the loader read it from a deals file. */
export interface InitStage {
  readonly name: string
  readonly status: DealStatus
  /** 0..1; undefined when neither the stage table nor the name gives one */
  readonly probability?: number
  readonly forecastCategory?: ForecastCategory
  /** position in the file's stage table; undefined when the table does not know the stage */
  readonly order?: number
}

/** What the detection found in one input file. */
export interface InitFile {
  /** the path as the user gave it (for messages) */
  readonly file: string
  /** the path as the config names it: relative to the config file's folder, with `/` */
  readonly configPath: string
  readonly entity: EntityName
  readonly profile: string
  /** 0..1: share of the headers the profile recognised */
  readonly confidence: number
  readonly rows: number
  readonly invalidRows: number
  /** currency code → rows, most rows first */
  readonly currencies: readonly (readonly [string, number])[]
  /** date columns and the format inferred for each */
  readonly dateFormats: readonly { readonly field: string; readonly format: DateFormat }[]
  /** number columns read with a decimal comma (`1.234,56`) */
  readonly decimalComma: readonly string[]
  /** columns bound by a generic name rather than the profile's own header: a guess to check */
  readonly guessed: readonly { readonly field: string; readonly header: string }[]
  /** headers bound to no field */
  readonly unmapped: readonly string[]
  /** fields of the entity that no column fills */
  readonly freeFields: readonly string[]
  /** HubSpot `Date entered "<Stage> (<Pipeline>)"` columns: the stage history inside a deals export */
  readonly stageHistoryColumns: number
  /** deals: the distinct stages, as the loader read them */
  readonly stages: readonly InitStage[]
  /** deals: the stage table the loader used (the profile's), in pipeline order */
  readonly stageTable: readonly StageRow[]
}

/** Options given on the init command line: they become settings. */
export interface InitOptions {
  readonly currency?: string
  readonly locale?: string
  readonly dateFormat?: DateFormat
  readonly profile?: string
  readonly encoding?: string
  readonly fiscalYearStart?: number
  /** `--map field=Header`, for every file */
  readonly mappings?: Readonly<Record<string, string>>
}

export interface InitInput {
  readonly files: readonly InitFile[]
  readonly options: InitOptions
  /** the config file's name as the user will type it (for the "next step" comment) */
  readonly configFile: string
}

/** A row of the stage table written to the config; `seen: false` rows are written commented out. */
export interface ConfigStage {
  readonly name: string
  readonly status: DealStatus
  /** 0–100 */
  readonly probability?: number
  readonly forecastCategory?: ForecastCategory
  readonly aliases?: readonly string[]
  /** found in a deals file (else a row of the profile's table that the data does not use) */
  readonly seen: boolean
  /** not in the stage table: status and probability come from the stage's name alone */
  readonly fromName: boolean
}

export const fileKindOfEntity: Readonly<Record<EntityName, ConfigFileKind>> = {
  deal: 'deals',
  account: 'accounts',
  rep: 'reps',
  quota: 'quotas',
  lead: 'leads',
  contract: 'contracts',
  stage_change: 'history',
  spend: 'spend',
  nps: 'nps',
}

const fileKindNotes: Readonly<Record<ConfigFileKind, readonly [string, string]>> = {
  deals: ['exports/deals.csv', 'deals/opportunities: KPIs, forecast, pipeline, funnel, reps'],
  previous_deals: ['exports/deals-last-week.csv', "last week's deals export: the pipeline waterfall"],
  accounts: ['exports/accounts.csv', 'accounts: territory balance, retention'],
  reps: ['exports/reps.csv', 'reps and teams: the rep scorecard'],
  quotas: ['exports/quotas.csv', 'quotas per rep and period: attainment, coverage'],
  leads: ['exports/leads.csv', 'leads'],
  contracts: ['exports/contracts.csv', 'contracts/subscriptions: renewals, retention'],
  history: ['exports/stage_history.csv', 'stage changes: funnel, forecast weights'],
  spend: ['exports/spend.csv', 'marketing spend'],
  nps: ['exports/nps.csv', 'NPS survey responses'],
}

const sectionNotes: Readonly<Record<ReportSection, string>> = {
  kpis: 'headline KPIs vs the previous period and last year',
  forecast: 'forecast of this and the next period, P10–P90',
  pipeline: "pipeline changes since last week's export (needs previous_deals)",
  funnel: 'stage-to-stage conversion',
  reps: 'rep scorecard with coaching flags',
  territories: 'territory balance (needs accounts)',
  renewals: 'renewals due and retention (needs contracts)',
  quality: 'data-quality findings',
}

/** date formats as the config's `date_format` names them, with what they look like */
const dateFormatNames: Readonly<Record<DateFormat, string>> = {
  iso: 'iso (YYYY-MM-DD)',
  'ymd-slash': 'ymd-slash (YYYY/MM/DD)',
  mdy: 'mdy (M/D/YYYY, US)',
  dmy: 'dmy (D/M/YYYY)',
  'dmy-dot': 'dmy-dot (D.M.YYYY)',
  'excel-serial': 'excel-serial (Excel day numbers)',
  'epoch-ms': 'epoch-ms (milliseconds since 1970)',
}

const PLAIN = /^[\p{L}\p{N}./~_][\p{L}\p{N} ._/()&+'~-]*$/u

/** A YAML scalar: plain when that reads back as the same string (also inside `{ }`), else double-quoted. */
export function yamlString(text: string): string {
  if (PLAIN.test(text) && text.trimEnd() === text) {
    try {
      if (parseYaml(text) === text) return text
    } catch {
      // not plain-safe: quoted below
    }
  }
  return JSON.stringify(text)
}

/** A word for a shell command line: single-quoted when it holds anything but `\w . / - ~`. */
export function shellWord(text: string): string {
  return /^[\w./~-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`
}

const stageKey = (name: string): string => name.trim().toLowerCase()

function percent(probability: number): number {
  return Math.round(probability * 10000) / 100
}

/** One deals file's stage table: the table's rows in order, then stages the table does not know. */
function fileStages(file: InitFile): ConfigStage[] {
  const seenRows = new Map<number, InitStage>()
  const unknown: InitStage[] = []
  for (const stage of file.stages) {
    if (stage.order === undefined) unknown.push(stage)
    else seenRows.set(stage.order, stage)
  }
  const rows: ConfigStage[] = file.stageTable.map((row, i) => {
    const seen = seenRows.get(i)
    const probability = seen?.probability ?? row.probability
    const forecastCategory = seen?.forecastCategory ?? row.forecastCategory
    return {
      name: row.name,
      status: seen?.status ?? row.status,
      ...(probability === undefined ? {} : { probability: percent(probability) }),
      ...(forecastCategory === undefined ? {} : { forecastCategory }),
      ...(row.aliases === undefined || row.aliases.length === 0 ? {} : { aliases: row.aliases }),
      seen: seen !== undefined,
      fromName: false,
    }
  })
  const byName = (a: InitStage, b: InitStage): number => a.name.localeCompare(b.name, 'en')
  const asRow = (s: InitStage): ConfigStage => ({
    name: s.name,
    status: s.status,
    ...(s.probability === undefined ? {} : { probability: percent(s.probability) }),
    ...(s.forecastCategory === undefined ? {} : { forecastCategory: s.forecastCategory }),
    seen: true,
    fromName: true,
  })
  // open stages the table does not know go after its last open stage; won and lost ones at the end
  const open = unknown
    .filter((s) => s.status === 'open')
    .sort(byName)
    .map(asRow)
  const closed = [
    ...unknown.filter((s) => s.status === 'won').sort(byName),
    ...unknown.filter((s) => s.status === 'lost').sort(byName),
  ].map(asRow)
  let lastOpen = -1
  rows.forEach((row, i) => {
    if (row.status === 'open') lastOpen = i
  })
  rows.splice(lastOpen + 1, 0, ...open)
  return [...rows, ...closed]
}

/**
 * The stage table for the config, in pipeline order: the stage table each deals file was read with
 * (rows the data does not use are kept, to be written commented out), stages the table does not
 * know placed after its open stages (open) or at the end (won, lost). Several deals files: the
 * first file's order, then stages only the later ones have.
 */
export function configStages(files: readonly InitFile[]): ConfigStage[] {
  const merged: ConfigStage[] = []
  const index = new Map<string, number>()
  for (const file of files) {
    if (file.entity !== 'deal') continue
    for (const stage of fileStages(file)) {
      const at = index.get(stageKey(stage.name))
      if (at === undefined) {
        index.set(stageKey(stage.name), merged.length)
        merged.push(stage)
      } else {
        const known = merged[at]
        if (known !== undefined && !known.seen && stage.seen) merged[at] = stage
      }
    }
  }
  return merged
}

// ---------------------------------------------------------------------------------------------

type Line = string | readonly [code: string, comment: string]

/** Lines with trailing comments aligned within the block (at most to column 44). */
function block(lines: readonly Line[]): string[] {
  const width = Math.min(44, Math.max(0, ...lines.map((l) => (typeof l === 'string' ? 0 : l[0].length + 2))))
  return lines.map((l) => {
    if (typeof l === 'string') return l
    const [code, comment] = l
    return `${code.padEnd(Math.max(width, code.length + 2))}# ${comment}`
  })
}

/** `# ` comment lines, wrapped at about 100 columns. */
function comment(text: string, indent = '', width = 100): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > width) {
      out.push(`${indent}# ${line}`)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  out.push(`${indent}# ${line}`)
  return out
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`
}

function stageLine(stage: ConfigStage): string {
  const parts = [`name: ${yamlString(stage.name)}`, `status: ${stage.status}`]
  if (stage.probability !== undefined) parts.push(`probability: ${stage.probability}`)
  if (stage.forecastCategory !== undefined) parts.push(`forecast_category: ${stage.forecastCategory}`)
  if (stage.aliases !== undefined) parts.push(`aliases: [${stage.aliases.map(yamlString).join(', ')}]`)
  return `{ ${parts.join(', ')} }`
}

function headerSection(input: InitInput): string[] {
  const n = input.files.length
  return [
    `# salesops configuration, written by \`salesops init\`${n === 0 ? '' : ` from ${plural(n, 'file')}`}.`,
    '# Options on the command line win over this file. Lines marked "check" are guesses: read them.',
    `# Use it with:  salesops report --config ${shellWord(input.configFile)}   (any command takes --config FILE)`,
  ]
}

function currencySection(input: InitInput): string[] {
  const out = ['', '# The currency of the amounts (3-letter code).']
  if (input.options.currency !== undefined) return [...out, `currency: ${input.options.currency}`]
  const rows = new Map<string, number>()
  const where = new Map<string, string[]>()
  for (const file of input.files)
    for (const [code, n] of file.currencies) {
      rows.set(code, (rows.get(code) ?? 0) + n)
      where.set(code, [...(where.get(code) ?? []), file.file])
    }
  const found = [...rows].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
  const [first] = found
  if (first === undefined) {
    const note =
      input.files.length === 0 ? 'set it' : 'no file names a currency: set the currency of your amounts'
    return [...out, ...block([['# currency: USD', note]])]
  }
  if (found.length === 1)
    return [
      ...out,
      ...block([[`currency: ${first[0]}`, `found in ${(where.get(first[0]) ?? []).join(', ')}`]]),
    ]
  return [
    ...out,
    ...comment(
      `Found several: ${found.map(([c, n]) => `${c} (${plural(n, 'row')})`).join(', ')}. Amounts in different currencies are added only after conversion: pass --fx RATES.csv and --currency CODE, or set the target here.`,
    ),
    `# currency: ${first[0]}`,
  ]
}

function fiscalSection(input: InitInput): string[] {
  const out = ['', '# The first month of the fiscal year, 1–12 (default 1 = January).']
  return input.options.fiscalYearStart === undefined
    ? [...out, '# fiscal_year_start: 1']
    : [...out, `fiscal_year_start: ${input.options.fiscalYearStart}`]
}

function profileSection(input: InitInput): string[] {
  const profiles = [...new Set(input.files.map((f) => f.profile))]
  const forced = input.options.profile
  if (forced !== undefined)
    return ['', '# The CRM profile every file is read with (from --profile).', `profile: ${forced}`]
  const [only] = profiles
  if (profiles.length === 1 && only !== undefined)
    return [
      '',
      `# Every file was detected as the ${only} profile; remove this line to detect the profile per file.`,
      `profile: ${yamlString(only)}`,
    ]
  if (profiles.length > 1)
    return [
      '',
      `# The files use different CRM profiles (${profiles.join(', ')}): each is detected per file.`,
      '# profile: canonical',
    ]
  return [
    '',
    '# The CRM profile (detected per file unless set): see `salesops inspect FILE`.',
    '# profile: canonical',
  ]
}

function formatsSection(input: InitInput): string[] {
  const out = ['', '# Dates and numbers are read per column, from the data.']
  const lines: string[] = []
  for (const file of input.files) {
    const groups = new Map<DateFormat, string[]>()
    for (const d of file.dateFormats) groups.set(d.format, [...(groups.get(d.format) ?? []), d.field])
    const parts = [...groups].map(([format, fields]) => `${fields.join(', ')}: ${dateFormatNames[format]}`)
    if (file.decimalComma.length > 0) parts.push(`decimal comma in ${file.decimalComma.join(', ')}`)
    if (parts.length > 0)
      lines.push(
        ...comment(`${file.file}: ${parts.join('; ')}`, '', 100).map((l) => l.replace(/^# /, '#   ')),
      )
  }
  if (lines.length > 0) out.push('# Found:', ...lines)
  out.push('# Set these only to force one reading for every file:')
  const formats = [...new Set(input.files.flatMap((f) => f.dateFormats.map((d) => d.format)))]
  const [onlyFormat] = formats
  const dateExample = formats.length === 1 && onlyFormat !== undefined ? onlyFormat : 'mdy'
  const dateLine: Line =
    input.options.dateFormat === undefined
      ? [`# date_format: ${dateExample}`, 'iso, ymd-slash, mdy, dmy, dmy-dot, excel-serial, epoch-ms']
      : [`date_format: ${input.options.dateFormat}`, 'from --date-format']
  const comma = input.files.some((f) => f.decimalComma.length > 0)
  const localeLine: Line =
    input.options.locale === undefined
      ? [`# locale: ${comma ? 'de-DE' : 'en-US'}`, 'also decides D/M vs M/D dates and the decimal comma']
      : [`locale: ${yamlString(input.options.locale)}`, 'from --locale']
  const lines2: Line[] = [dateLine, localeLine]
  if (input.options.encoding !== undefined)
    lines2.push([`encoding: ${yamlString(input.options.encoding)}`, 'from --encoding'])
  return [...out, ...block(lines2)]
}

function filesSection(input: InitInput): string[] {
  const out = ['', "# Input files by kind, relative to this file's folder (a kind may list several files)."]
  if (input.files.length === 0) {
    return [
      ...out,
      '# files:',
      ...block(
        configFileKinds.map((kind): Line => {
          const [example, note] = fileKindNotes[kind]
          return [`#   ${kind}: ${example}`, note]
        }),
      ),
    ]
  }
  const byKind = new Map<ConfigFileKind, string[]>()
  for (const file of input.files) {
    const kind = fileKindOfEntity[file.entity]
    byKind.set(kind, [...(byKind.get(kind) ?? []), file.configPath])
  }
  const historyIn = input.files.find((f) => f.entity === 'deal' && f.stageHistoryColumns > 0)
  const lines: Line[] = []
  for (const kind of configFileKinds) {
    const paths = byKind.get(kind)
    if (kind === 'history' && paths === undefined && historyIn !== undefined) {
      lines.push([
        `  history: ${yamlString(historyIn.configPath)}`,
        `its "Date entered" columns hold the stage history`,
      ])
      continue
    }
    const [example, note] = fileKindNotes[kind]
    if (paths === undefined) lines.push([`  # ${kind}: ${example}`, note])
    else if (paths.length === 1) lines.push(`  ${kind}: ${yamlString(paths[0] ?? '')}`)
    else {
      lines.push(
        kind === 'deals'
          ? [`  ${kind}:`, 'check: read as one; move an older snapshot to previous_deals']
          : `  ${kind}:`,
      )
      for (const path of paths) lines.push(`    - ${yamlString(path)}`)
    }
  }
  return [...out, 'files:', ...block(lines)]
}

function stagesSection(input: InitInput): string[] {
  const deals = input.files.filter((f) => f.entity === 'deal')
  const stages = configStages(input.files)
  if (deals.length === 0 || stages.length === 0) {
    return [
      '',
      '# The stage table, in pipeline order (status open, won or lost; probability 0–100), e.g.:',
      '# stages:',
      ...stageExample(),
    ]
  }
  const tables = [...new Set(deals.filter((f) => f.stageTable.length > 0).map((f) => f.profile))]
  const seen = stages.filter((s) => s.seen)
  const counts = (['open', 'won', 'lost'] as const).map(
    (s) => `${seen.filter((x) => x.status === s).length} ${s}`,
  )
  const head = [
    '',
    '# The stage table, in pipeline order: status open, won or lost; probability 0–100.',
    ...comment(
      `Check these: this is how salesops read the ${plural(seen.length, 'stage')} (${counts.join(', ')}) of ${deals.map((f) => f.file).join(', ')}${tables.length === 0 ? '' : `, from the ${tables.join(' and ')} stage ${tables.length === 1 ? 'table' : 'tables'}`}.${stages.some((s) => !s.seen) ? ' This table replaces the built-in one: the rows commented out are stages of it that your data does not use; uncomment the ones your pipeline has.' : ''}`,
    ),
  ]
  const lines: Line[] = stages.map((stage): Line => {
    const text = stageLine(stage)
    if (!stage.seen) return `  # - ${text}`
    if (stage.fromName)
      return [
        `  - ${text}`,
        stage.probability === undefined
          ? 'check: not in the stage table, read by its name; add a probability'
          : 'check: not in the stage table, read by its name',
      ]
    return `  - ${text}`
  })
  return [...head, 'stages:', ...block(lines)]
}

function stageExample(): string[] {
  return [
    '#   - { name: Discovery, status: open, probability: 10, forecast_category: pipeline }',
    '#   - { name: Proposal, status: open, probability: 50, forecast_category: best_case }',
    '#   - { name: Closed Won, status: won, probability: 100, forecast_category: closed }',
    '#   - { name: Closed Lost, status: lost, probability: 0, forecast_category: omitted }',
  ]
}

function mappingKey(entity: EntityName): string {
  const kind = fileKindOfEntity[entity]
  return kind === 'history' || kind === 'spend' || kind === 'nps' ? entity : kind
}

function mappingsSection(input: InitInput): string[] {
  const given = Object.entries(input.options.mappings ?? {})
  const hints = new Map<EntityName, { lines: Line[]; free: Set<string> }>()
  for (const file of input.files) {
    const entry = hints.get(file.entity) ?? { lines: [], free: new Set(file.freeFields) }
    for (const g of file.guessed)
      entry.lines.push([
        `#     ${g.field}: ${yamlString(g.header)}`,
        `check: ${file.file} matched it by a generic name`,
      ])
    for (const header of file.unmapped)
      entry.lines.push([`#     FIELD: ${yamlString(header)}`, `${file.file}: not read`])
    if (hints.has(file.entity))
      for (const f of [...entry.free]) if (!file.freeFields.includes(f)) entry.free.delete(f)
    hints.set(file.entity, entry)
  }
  const withHints = [...hints].filter(([, h]) => h.lines.length > 0)
  const out = ['', '# Column mappings: canonical field → the header in your file (all files, or per kind).']
  if (given.length === 0 && withHints.length === 0) {
    return [
      ...out,
      input.files.length === 0
        ? '# Only needed for a column salesops does not recognise; `salesops inspect FILE` shows the mapping.'
        : '# Every column was recognised; see `salesops inspect FILE` for the full mapping.',
      '# mappings:',
      '#   deals:',
      '#     amount: Total Value',
    ]
  }
  if (withHints.length > 0)
    out.push(
      ...comment(
        'The detection guessed or could not map the columns below. Uncomment a line (and the lines of its kind above it) to pin a guess, or replace FIELD with the field an unread column holds.',
      ),
    )
  if (given.length > 0) {
    out.push(
      'mappings:',
      ...block(given.map(([field, header]): Line => [`  ${field}: ${yamlString(header)}`, 'from --map'])),
    )
  } else {
    out.push('# mappings:')
  }
  for (const [entity, hint] of withHints) {
    out.push(`#   ${mappingKey(entity)}:`)
    if (hint.free.size > 0 && hint.lines.some((l) => typeof l !== 'string' && l[0].includes('FIELD:')))
      out.push(...comment(`fields without a column: ${[...hint.free].join(', ')}`, '#     '))
    out.push(...block(hint.lines))
  }
  return out
}

function reportSection(input: InitInput): string[] {
  return [
    '',
    `# The weekly report: salesops report --config ${shellWord(input.configFile)}`,
    'report:',
    ...block([
      ['  title: Weekly sales report', 'shown at the top'],
      ['  period: quarter', 'month, quarter or year: the period of the KPIs and the forecast'],
      ['  sections:', 'in this order; remove the ones you do not want'],
      ...reportSections.map((s): Line => [`    - ${s}`, sectionNotes[s]]),
      ['  # trend_periods: 8', 'periods in the bookings trend'],
      ['  # renewals_days: 90', 'renewals due within this many days'],
      ['  # reps_limit: 20', 'rows of the rep scorecard (default: all reps)'],
      ['  # quality_limit: 10', 'data-quality findings listed'],
      ['  alerts:', 'at the top of the report; --fail-on-alert exits 1 when one fires'],
      ['    pipeline_coverage_below: 3', 'open pipeline below 3× the remaining quota (false: off)'],
      ['    forecast_below_quota: 0.9', "forecast below 90% of the period's quota (false: off)"],
      ['    data_quality_errors: true', 'any data-quality finding of severity error'],
      ['    renewals_overdue: true', 'any renewal past its end date without a renewal'],
      ['    # win_rate_below: 0.2', 'win rate of the period below 20%'],
      ['    # territory_deviation_above: 0.1', "a territory's potential 10% or more from the mean"],
    ]),
  ]
}

/** The commented starter config. */
export function buildInitConfig(input: InitInput): string {
  const lines = [
    ...headerSection(input),
    ...currencySection(input),
    ...fiscalSection(input),
    ...profileSection(input),
    ...formatsSection(input),
    ...filesSection(input),
    ...stagesSection(input),
    ...mappingsSection(input),
    ...reportSection(input),
  ]
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`
}

/** What init found, for stderr: one line per file, then the stages. */
export function initSummary(input: InitInput): string[] {
  const lines = input.files.map((f) => {
    const parts = [
      `${fileKindOfEntity[f.entity]} (profile ${f.profile}, ${Math.round(f.confidence * 100)}% of headers recognised)`,
      plural(f.rows, 'row'),
    ]
    if (f.invalidRows > 0)
      parts.push(`${plural(f.invalidRows, 'invalid row')}: see salesops inspect ${f.file}`)
    if (f.currencies.length > 0) parts.push(f.currencies.map(([c]) => c).join('/'))
    const formats = [...new Set(f.dateFormats.map((d) => dateFormatNames[d.format]))]
    if (formats.length > 0) parts.push(`dates ${formats.join(', ')}`)
    if (f.decimalComma.length > 0) parts.push('decimal comma')
    if (f.guessed.length > 0) parts.push(`${plural(f.guessed.length, 'column')} guessed`)
    if (f.unmapped.length > 0) parts.push(`${plural(f.unmapped.length, 'column')} not read`)
    return `${f.file}: ${parts.join(', ')}`
  })
  const stages = configStages(input.files).filter((s) => s.seen)
  if (stages.length > 0) {
    const fromName = stages.filter((s) => s.fromName).length
    lines.push(
      `stages: ${stages.map((s) => `${s.name} (${s.status})`).join(', ')}${fromName > 0 ? `; ${fromName} read by name only` : ''}`,
    )
  }
  return lines
}
