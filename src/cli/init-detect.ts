/**
 * The shell half of `salesops init`: reads each file the way `inspect` does (header → entity and
 * profile, then every row through the loader) and returns what was found as data for the pure
 * config builder (init-config.ts).
 */
import { dirname, relative, resolve, sep } from 'node:path'
import type { EntityName } from '../model/cells.js'
import { entitySpecs } from '../model/entities.js'
import type { EncodingName } from '../io/decode.js'
import { detectHeaders } from '../io/headers.js'
import type { ColumnOverrides } from '../io/headers.js'
import { readHeader, streamRecords } from '../io/load.js'
import type { LoadOptions } from '../io/load.js'
import { findProfile } from '../io/profiles/index.js'
import type { DateFormat, DecimalStyle } from '../io/values.js'
import { UsageError } from '../errors.js'
import type { InitFile, InitOptions } from './init-config.js'
import type { GlobalOptions } from './options.js'
import { localeConventions } from './session.js'

/** How files are read: only what the init command line says (no config file is read). */
export interface DetectSettings {
  readonly profile?: string
  readonly overrides: ColumnOverrides
  readonly encoding?: EncodingName
  readonly dateFormat?: DateFormat
  readonly dateOrder?: 'mdy' | 'dmy'
  readonly decimal?: DecimalStyle
  readonly sheet?: string
  readonly currency?: string
  readonly onWarning: (message: string) => void
}

/** `--map field=Header` pairs as a field → header record (quotes around the header dropped). */
function mapOptions(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const i = pair.indexOf('=')
      return [pair.slice(0, i), pair.slice(i + 1).replace(/^["']|["']$/g, '')]
    }),
  )
}

/** The reading options of the init command line (global options only; no config file). */
export function detectSettings(options: GlobalOptions, onWarning: (message: string) => void): DetectSettings {
  const conventions = options.locale === undefined ? undefined : localeConventions(options.locale)
  return {
    overrides: mapOptions(options.map),
    onWarning,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    ...(conventions === undefined ? {} : { dateOrder: conventions.dateOrder, decimal: conventions.decimal }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
  }
}

/** The options given on the init command line that become settings of the config. */
export function initOptions(options: GlobalOptions): InitOptions {
  return {
    mappings: mapOptions(options.map),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    ...(options.profile === undefined ? {} : { profile: options.profile.trim().toLowerCase() }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.fiscalYearStart === undefined ? {} : { fiscalYearStart: options.fiscalYearStart }),
  }
}

/** `file` as the config at `configFile` names it: relative to the config's folder, with `/`. */
export function configRelativePath(file: string, configFile: string): string {
  const path = relative(dirname(resolve(configFile)), resolve(file))
  return sep === '/' ? path : path.split(sep).join('/')
}

export async function detectInitFile(
  path: string,
  configFile: string,
  settings: DetectSettings,
): Promise<InitFile> {
  if (path === '-')
    throw new UsageError('STDIN_NOT_SUPPORTED', 'init needs files it can name in the config, not - (stdin)')
  const forced = settings.profile === undefined ? undefined : findProfile(settings.profile)
  if (settings.profile !== undefined && forced === undefined)
    throw new UsageError('UNKNOWN_PROFILE', `unknown profile "${settings.profile}"`)
  const base = {
    overrides: settings.overrides,
    onWarning: settings.onWarning,
    ...(settings.profile === undefined ? {} : { profile: settings.profile }),
    ...(settings.encoding === undefined ? {} : { encoding: settings.encoding }),
    ...(settings.dateFormat === undefined ? {} : { dateFormat: settings.dateFormat }),
    ...(settings.dateOrder === undefined ? {} : { dateOrder: settings.dateOrder }),
    ...(settings.decimal === undefined ? {} : { decimal: settings.decimal }),
    ...(settings.sheet === undefined ? {} : { sheet: settings.sheet }),
    ...(settings.currency === undefined ? {} : { currency: settings.currency }),
  } satisfies Omit<LoadOptions, 'entity'>
  const header = await readHeader(path, base)
  const entity: EntityName =
    detectHeaders(header, {
      file: path,
      overrides: settings.overrides,
      ...(forced === undefined ? {} : { profile: forced }),
    })[0]?.entity ?? 'deal'
  const summary = await streamRecords(
    [path],
    { ...base, entity, collectOnly: true, maxIssues: 0 },
    () => undefined,
  )
  const report = summary.files[0]
  if (report === undefined) throw new UsageError('NO_INPUT', `${path}: nothing to read`)
  const { match, formats } = report
  const bound = new Set(match.bindings.map((b) => b.field))
  const isDeal = entity === 'deal'
  return {
    file: path,
    configPath: configRelativePath(path, configFile),
    entity,
    profile: match.profile.name,
    confidence: match.confidence,
    rows: report.rows,
    invalidRows: report.rejected,
    currencies: [...report.currencies].sort((a, b) => b[1] - a[1]),
    dateFormats: [...formats.dates]
      .filter(([field]) => !field.startsWith('__'))
      .map(([field, format]) => ({ field, format })),
    decimalComma: [...formats.decimals].filter(([, style]) => style === 'comma').map(([field]) => field),
    guessed: match.bindings
      .filter((b) => !b.specific)
      .flatMap((b) => b.headers.map((header) => ({ field: b.field, header }))),
    unmapped: match.unmatched.filter((h) => !/^(Date exited|Cumulative time in) /.test(h)),
    freeFields: entitySpecs[entity].fields
      .filter((f) => f.inputOnly !== true && !bound.has(f.name))
      .map((f) => f.name),
    stageHistoryColumns: match.dateEntered.length,
    stages: isDeal
      ? report.stages.map((s) => ({
          name: s.name,
          status: s.status,
          ...(s.probability === undefined ? {} : { probability: s.probability }),
          ...(s.forecastCategory === undefined ? {} : { forecastCategory: s.forecastCategory }),
          ...(s.order === undefined ? {} : { order: s.order }),
        }))
      : [],
    stageTable: isDeal ? match.profile.stages : [],
  }
}
