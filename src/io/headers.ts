/**
 * Header row → which column holds which canonical field, for a given CRM profile and entity; and
 * detection of the most likely profile and entity with a confidence score.
 */
import type { EntityName, FieldSpec } from '../model/cells.js'
import { entitySpecs } from '../model/entities.js'
import { builtinProfiles } from './profiles/index.js'
import type { CrmProfile } from './profiles/index.js'

/** Case-folded, BOM/quotes/trailing `*` stripped, every run of non-alphanumerics one space. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export interface ColumnBinding {
  readonly field: string
  /** column indexes, first non-empty wins (Pipedrive: won time, lost time, expected close) */
  readonly columns: readonly number[]
  readonly headers: readonly string[]
  /** bound through the profile's own alias (or an explicit --map), not a generic canonical name */
  readonly specific: boolean
}

/** A HubSpot `Date entered "<Stage> (<Pipeline>)"` column. */
export interface DateEnteredColumn {
  readonly column: number
  readonly stage: string
  readonly pipeline: string
}

export interface HeaderMatch {
  readonly profile: CrmProfile
  readonly entity: EntityName
  readonly bindings: readonly ColumnBinding[]
  /** headers bound to no field (kept out of the records) */
  readonly unmatched: readonly string[]
  /** required column groups that no header satisfies, by canonical field names */
  readonly missing: readonly (readonly string[])[]
  readonly dateEntered: readonly DateEnteredColumn[]
  /** 0..1: share of the file's headers this profile recognises (own aliases count fully, generic names half) */
  readonly confidence: number
  readonly score: number
}

const DATE_ENTERED = /^Date entered ["'](.+) \((.+)\)["']$/

/** `--map field=Header` pairs and config mappings: canonical field → header. */
export type ColumnOverrides = Readonly<Record<string, string>>

function canonicalAliases(field: FieldSpec): string[] {
  return [field.name, ...(field.aliases ?? [])]
}

/** Binds headers to fields for one profile and entity. */
export function matchHeaders(
  header: readonly string[],
  profile: CrmProfile,
  entity: EntityName,
  overrides: ColumnOverrides = {},
): HeaderMatch {
  const spec = entitySpecs[entity]
  const normalized = header.map(normalizeHeader)
  const taken = new Set<number>()
  const bound = new Map<string, { columns: number[]; specific: boolean }>()
  const own = profile.headers[entity] ?? {}
  const bind = (field: string, aliases: readonly string[], specific: boolean, all: boolean): void => {
    for (const alias of aliases) {
      const target = normalizeHeader(alias)
      for (let i = 0; i < normalized.length; i++) {
        if (taken.has(i) || normalized[i] !== target) continue
        taken.add(i)
        const entry = bound.get(field)
        if (entry === undefined) bound.set(field, { columns: [i], specific })
        else entry.columns.push(i)
        if (!all) return
      }
    }
  }
  for (const [field, headerName] of Object.entries(overrides)) {
    if (spec.fields.some((f) => f.name === field)) bind(field, [headerName], true, false)
  }
  for (const field of spec.fields) {
    if (bound.has(field.name)) continue
    const aliases = own[field.name]
    if (aliases !== undefined) bind(field.name, aliases, true, true)
  }
  for (const field of spec.fields) {
    if (bound.has(field.name)) continue
    // salesops' own names: exact ones are as good as a profile alias for the canonical profile
    for (const alias of canonicalAliases(field)) {
      const before = bound.has(field.name)
      bind(field.name, [alias], false, false)
      if (!before && bound.has(field.name)) {
        const entry = bound.get(field.name)
        const column = entry?.columns[0]
        if (entry !== undefined && column !== undefined && profile.name === 'canonical') {
          entry.specific =
            header[column]
              ?.replace(/^\uFEFF/, '')
              .trim()
              .toLowerCase() === field.name
        }
        break
      }
    }
  }
  const dateEntered: DateEnteredColumn[] = []
  if (profile.dateEnteredColumns === true && entity === 'deal') {
    header.forEach((h, column) => {
      const m = DATE_ENTERED.exec(h.replace(/^\uFEFF/, '').trim())
      if (m?.[1] !== undefined && m[2] !== undefined && !taken.has(column)) {
        taken.add(column)
        dateEntered.push({ column, stage: m[1], pipeline: m[2] })
      }
    })
  }
  const bindings: ColumnBinding[] = []
  let score = 0
  for (const field of spec.fields) {
    const entry = bound.get(field.name)
    if (entry === undefined) continue
    bindings.push({
      field: field.name,
      columns: entry.columns,
      headers: entry.columns.map((c) => header[c] ?? ''),
      specific: entry.specific,
    })
    score += entry.columns.length * (entry.specific ? 1 : 0.5)
  }
  score += dateEntered.length
  // date-exited and time-in-stage columns belong to the same history: recognised, not used
  const historyExtras =
    profile.dateEnteredColumns === true
      ? header.filter((h) => /^(Date exited|Cumulative time in) /.test(h)).length
      : 0
  score += historyExtras
  const unmatched = header.filter((_, i) => !taken.has(i) && normalized[i] !== '')
  const missing = spec.requiredColumns.filter((group) => !group.some((field) => bound.has(field)))
  const columns = normalized.filter((n) => n !== '').length
  return {
    profile,
    entity,
    bindings,
    unmatched,
    missing,
    dateEntered,
    confidence: columns === 0 ? 0 : Math.min(1, score / columns),
    score,
  }
}

const fileHints: readonly [RegExp, EntityName][] = [
  [/histor|stage.?change|opportunityhistory/i, 'stage_change'],
  [/deal|opportunit|oppty|pipeline/i, 'deal'],
  [/account|compan|organi[sz]ation/i, 'account'],
  [/rep|user|team|seller|staff/i, 'rep'],
  [/quota|target/i, 'quota'],
  [/lead|contact/i, 'lead'],
  [/contract|subscription|renewal/i, 'contract'],
  [/spend|budget|cost/i, 'spend'],
  [/nps|survey/i, 'nps'],
]

export interface DetectOptions {
  readonly entity?: EntityName
  readonly profile?: CrmProfile
  readonly overrides?: ColumnOverrides
  /** the file name, a hint for the entity */
  readonly file?: string
}

/**
 * The best (profile, entity) for a header row, best first. A forced entity or profile narrows the
 * search. Ranking: no missing required columns first, then score (+2 for an entity whose
 * signature columns are present, +1 for a file-name hint, −1 for each header it cannot use).
 */
export function detectHeaders(header: readonly string[], options: DetectOptions = {}): HeaderMatch[] {
  const profiles = options.profile === undefined ? builtinProfiles : [options.profile]
  const entities =
    options.entity === undefined ? (Object.keys(entitySpecs) as EntityName[]) : [options.entity]
  const hint = fileHints.find(([pattern]) => pattern.test(options.file ?? ''))?.[1]
  const ranked: { match: HeaderMatch; rank: number }[] = []
  const normalized = new Set(header.map(normalizeHeader))
  for (const entity of entities) {
    const signature = entitySpecs[entity].signature.filter((s) => normalized.has(normalizeHeader(s))).length
    for (const profile of profiles) {
      const match = matchHeaders(header, profile, entity, options.overrides)
      const bonus = (signature > 0 ? 2 : 0) + (hint === entity ? 1 : 0) + match.dateEntered.length
      ranked.push({
        match,
        rank: (match.missing.length === 0 ? 1000 : 0) + match.score + bonus - match.unmatched.length,
      })
    }
  }
  ranked.sort((a, b) => b.rank - a.rank)
  return ranked.map((r) => r.match)
}

/** Headers closest to a wanted name, for "missing column" messages (by shared words and prefix). */
export function closestHeaders(wanted: string, header: readonly string[], count = 3): string[] {
  const target = normalizeHeader(wanted)
  const words = new Set(target.split(' '))
  const scored = header
    .map((h) => {
      const n = normalizeHeader(h)
      const shared = n
        .split(' ')
        .filter(
          (w) => words.has(w) || [...words].some((t) => t.length > 3 && w.startsWith(t.slice(0, 4))),
        ).length
      return { h, score: shared }
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
  return scored.slice(0, count).map((x) => x.h)
}
