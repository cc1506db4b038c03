/**
 * What every command needs from the shell: resolved options (flags over config over defaults),
 * the as-of date, colours, stderr messages, and load options for the io layer (with the rejects
 * file and exchange rates wired in).
 */
import { Chalk, supportsColor } from 'chalk'
import type { ChalkInstance } from 'chalk'
import type { Command } from 'commander'
import { UsageError } from '../errors.js'
import type { RowIssue } from '../errors.js'
import { formatIssue } from '../errors.js'
import type { CalendarDate } from '../model/calendar-date.js'
import type { EntityName } from '../model/cells.js'
import { createAtomicWriter } from '../io/files.js'
import type { AtomicWriter } from '../io/files.js'
import type { LoadOptions, LoadSummary, RejectSink } from '../io/load.js'
import { loadRecords } from '../io/load.js'
import { stringifyRows } from '../io/to-csv.js'
import { encodingFromName } from '../io/decode.js'
import { entitySpecs } from '../model/entities.js'
import { configStages, loadConfig } from './config.js'
import type { Config } from './config.js'
import { today } from './options.js'
import type { GlobalOptions } from './options.js'
import { loadFxRates } from './fx.js'
import type { DateFormat, DecimalStyle } from '../io/values.js'
import { dateFormats } from '../io/values.js'
import { formatCount } from '../model/counts.js'

export interface Session {
  readonly options: GlobalOptions
  readonly config: Config
  /** the config file read (--config, or the default name found in the current folder) */
  readonly configFile: string | undefined
  readonly asOf: CalendarDate
  readonly locale: string
  /** --currency, else the one currency of the loaded data (for display) */
  readonly currency: string | undefined
  readonly chalk: ChalkInstance
  /** colourless, for tables written to --out */
  readonly plainChalk: ChalkInstance
  readonly stdoutIsTTY: boolean
  readonly out: string | undefined
  /** a warning on stderr (unless --quiet) */
  warn(message: string): void
  /** a note on stderr (unless --quiet) */
  note(message: string): void
  /** definitions for --explain */
  explain(lines: readonly string[]): void
  loadOptions<E extends EntityName>(entity: E): Promise<LoadOptions & { entity: E }>
  /** reports skipped rows and commits the rejects file; call after all loads */
  finishLoads(): Promise<void>
  /** all records of one kind, with the skip/rejects rules applied */
  load<E extends EntityName>(entity: E, files: readonly string[]): ReturnType<typeof loadRecords<E>>
  progress(rows: number): void
}

function colorLevel(options: GlobalOptions, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (!options.color) return 0
  const env = process.env
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0
  const force = env['FORCE_COLOR']
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false')
    return force === '2' ? 2 : force === '3' ? 3 : 1
  if (!isTTY) return 0
  return supportsColor === false ? 0 : supportsColor.level
}

/** D/M or M/D and the decimal separator that a locale implies (Intl, no tables of our own). */
export function localeConventions(locale: string): { dateOrder: 'mdy' | 'dmy'; decimal: DecimalStyle } {
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(2020, 11, 31))
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type)
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value
  return { dateOrder: order[0] === 'month' ? 'mdy' : 'dmy', decimal: decimal === ',' ? 'comma' : 'dot' }
}

function parseMappings(options: GlobalOptions, config: Config, entity: EntityName): Record<string, string> {
  const out: Record<string, string> = {}
  const plural = entitySpecs[entity].plural
  for (const [key, value] of Object.entries(config.mappings ?? {})) {
    if (typeof value === 'string') out[key] = value
    else if (key === plural || key === entity) Object.assign(out, value)
  }
  for (const pair of options.map) {
    const i = pair.indexOf('=')
    out[pair.slice(0, i)] = pair.slice(i + 1).replace(/^["']|["']$/g, '')
  }
  return out
}

class RejectsFile implements RejectSink {
  readonly #writer: AtomicWriter
  #buffer: string[] = []
  #size = 0
  #chain: Promise<void> = Promise.resolve()
  #header: string | undefined
  count = 0
  constructor(path: string) {
    this.#writer = createAtomicWriter(path)
  }
  add(file: string, header: readonly string[], cells: readonly string[], error: string): void {
    const head = [...header, '_error'].join('\u0000')
    if (head !== this.#header) {
      this.#header = head
      this.#push(stringifyRows([[...header, '_error']]))
    }
    this.count++
    this.#push(stringifyRows([[...cells, error]]))
  }
  #push(text: string): void {
    this.#buffer.push(text)
    this.#size += text.length
    if (this.#size > 1 << 20) this.#flush()
  }
  #flush(): void {
    const text = this.#buffer.join('')
    this.#buffer = []
    this.#size = 0
    this.#chain = this.#chain.then(() => this.#writer.write(text))
  }
  async commit(): Promise<void> {
    this.#flush()
    await this.#chain
    await this.#writer.commit()
  }
}

export async function createSession(command: Command): Promise<Session> {
  const options = command.optsWithGlobals<GlobalOptions>()
  const { config, file: configFile } = await loadConfig(options.config)
  const stdoutIsTTY = process.stdout.isTTY
  const stderrIsTTY = process.stderr.isTTY
  const chalk = new Chalk({ level: colorLevel(options, stdoutIsTTY) })
  const errChalk = new Chalk({ level: colorLevel(options, stderrIsTTY) })
  const locale = options.locale ?? config.locale ?? 'en-US'
  const explicitLocale = options.locale ?? config.locale
  const conventions = explicitLocale === undefined ? undefined : localeConventions(explicitLocale)
  const currency = options.currency ?? config.currency?.toUpperCase()
  if (options.rejects !== undefined && options.skipInvalid !== true) {
    throw new UsageError(
      'REJECTS_WITHOUT_SKIP',
      '--rejects goes with --skip-invalid (without it, invalid rows stop the run)',
    )
  }
  const quiet = options.quiet === true
  const rejects = options.rejects === undefined ? undefined : new RejectsFile(options.rejects)
  const skipped: LoadSummary[] = []
  const fx = options.fx === undefined ? undefined : await loadFxRates(options.fx, currency)
  const encoding =
    options.encoding ?? (config.encoding === undefined ? undefined : encodingFromName(config.encoding))
  const configDateFormat = config.date_format as DateFormat | undefined
  if (configDateFormat !== undefined && !(dateFormats as readonly string[]).includes(configDateFormat)) {
    throw new UsageError('CONFIG_INVALID', `date_format: expected one of ${dateFormats.join(', ')}`)
  }
  const dateFormat = options.dateFormat ?? configDateFormat
  const stages = configStages(config)
  const profile = options.profile ?? config.profile
  let progressShown = false
  const started = performance.now()
  let displayCurrency = currency
  const session: Session = {
    options,
    config,
    configFile,
    asOf: options.asOf ?? today(),
    locale,
    get currency() {
      return displayCurrency
    },
    chalk,
    plainChalk: new Chalk({ level: 0 }),
    stdoutIsTTY,
    out: options.out,
    warn(message) {
      if (!quiet) process.stderr.write(`${errChalk.yellow('warning:')} ${message}\n`)
    },
    note(message) {
      if (!quiet) process.stderr.write(`${message}\n`)
    },
    explain(lines) {
      if (options.explain === true) process.stderr.write(`${lines.join('\n')}\n`)
    },
    async loadOptions<E extends EntityName>(entity: E) {
      const base: LoadOptions & { entity: E } = {
        entity,
        overrides: parseMappings(options, config, entity),
        skipInvalid: options.skipInvalid === true,
        maxIssues: 20,
        onWarning: (m) => {
          session.warn(m)
        },
        onProgress: (n) => {
          session.progress(n)
        },
        ...(profile === undefined ? {} : { profile }),
        ...(encoding === undefined ? {} : { encoding }),
        ...(dateFormat === undefined ? {} : { dateFormat }),
        ...(conventions === undefined
          ? {}
          : { dateOrder: conventions.dateOrder, decimal: conventions.decimal }),
        ...(stages === undefined ? {} : { stages }),
        ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
        ...(rejects === undefined ? {} : { rejects }),
        ...(fx === undefined ? {} : { fx }),
        ...(currency === undefined ? {} : { currency }),
      }
      return Promise.resolve(base)
    },
    async load<E extends EntityName>(entity: E, files: readonly string[]) {
      const result = await loadRecords(files, await session.loadOptions(entity))
      if (result.summary.rejected > 0) skipped.push(result.summary)
      const seen = new Set(result.summary.files.flatMap((f) => [...f.currencies.keys()]))
      if (displayCurrency === undefined && seen.size === 1) displayCurrency = [...seen][0]
      return result
    },
    async finishLoads() {
      if (progressShown) process.stderr.write('\r\x1b[K')
      for (const summary of skipped) {
        session.warn(
          `skipped ${summary.rejected} invalid row${summary.rejected === 1 ? '' : 's'} of ${summary.rows} (${summary.files.map((f) => f.file).join(', ')})${rejects === undefined ? '; pass --rejects FILE to keep them' : ''}`,
        )
        for (const issue of summary.issues.slice(0, 5)) session.note(`  ${formatIssue(issue)}`)
      }
      await rejects?.commit()
    },
    progress(rows) {
      if (quiet || !stderrIsTTY || performance.now() - started < 1000) return
      progressShown = true
      process.stderr.write(`\r${errChalk.dim(`reading… ${formatCount(rows)} rows`)}`)
    },
  }
  return session
}

export function issueLines(issues: readonly RowIssue[]): string[] {
  return issues.map(formatIssue)
}
