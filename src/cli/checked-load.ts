/**
 * Loading with the data-quality checks: every file of every kind streamed once through the check
 * rules, invalid rows becoming findings instead of a stop. `check` keeps only the findings; `report`
 * also keeps the valid records for its analyses.
 */
import { InputFileError } from '../errors.js'
import type { RowIssue } from '../errors.js'
import type { EntityName } from '../model/cells.js'
import type { EntityRecords } from '../model/entities.js'
import { entitySpecs } from '../model/entities.js'
import type { Rep } from '../model/rep.js'
import { streamRecords } from '../io/load.js'
import type { LoadSummary } from '../io/load.js'
import { builtinRules } from '../domain/check/builtin-rules.js'
import { createCheckRun } from '../domain/check/run-checks.js'
import type { CheckSummary } from '../domain/check/run-checks.js'
import type { CalendarDate } from '../model/calendar-date.js'
import type { InputFiles } from './inputs.js'
import type { Session } from './session.js'

/** Streaming order: reps and accounts first, so that owner and account references can be checked. */
export const CHECK_ORDER: readonly EntityName[] = [
  'rep',
  'account',
  'deal',
  'stage_change',
  'contract',
  'lead',
  'quota',
  'spend',
  'nps',
]

export type KeptRecords = { -readonly [E in EntityName]?: EntityRecords[E][] }

export interface CheckedLoad {
  readonly summary: CheckSummary
  /** the valid records of each kind loaded (only with `keep`) */
  readonly records: KeptRecords
  readonly loads: Partial<Record<EntityName, LoadSummary>>
}

export interface CheckedLoadOptions {
  readonly asOf: CalendarDate
  readonly staleDays: number
  /** keep the valid records (report); check streams them through and forgets them */
  readonly keep: boolean
}

/** Several currencies in one kind cannot be added without --fx: the same stop as the strict loader. */
function assertOneCurrency(entity: EntityName, summary: LoadSummary): void {
  const counts = new Map<string, number>()
  for (const f of summary.files) for (const [c, n] of f.currencies) counts.set(c, (counts.get(c) ?? 0) + n)
  if (counts.size <= 1) return
  const list = [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} (${String(n)} rows)`)
  throw new InputFileError(
    'MIXED_CURRENCIES',
    summary.files[0]?.file ?? '',
    `the ${entitySpecs[entity].plural} mix currencies: ${list.join(', ')}; amounts in different currencies cannot be added without exchange rates`,
    {
      details: [
        'pass --fx FILE (columns currency,rate: units of --currency per one unit) and --currency CODE',
      ],
    },
  )
}

export async function loadChecked(
  session: Session,
  inputs: InputFiles,
  options: CheckedLoadOptions,
): Promise<CheckedLoad> {
  const repNames = new Set<string>()
  const repIds = new Set<string>()
  const accountIds = new Set<string>()
  const records: KeptRecords = {}
  const loads: Partial<Record<EntityName, LoadSummary>> = {}
  // reps first: the owner checks need their names before the run starts
  const reps: Rep[] = []
  const repIssues: RowIssue[] = []
  if (inputs.rep !== undefined) {
    const loadOptions = await session.loadOptions('rep')
    loads.rep = await streamRecords(
      inputs.rep,
      { ...loadOptions, collectOnly: true, onIssue: (i) => repIssues.push(i) },
      (r) => reps.push(r),
    )
  }
  for (const rep of reps) {
    repNames.add(rep.name)
    repIds.add(rep.id)
    if (rep.email !== undefined) repNames.add(rep.email)
  }
  const run = createCheckRun(builtinRules, {
    asOf: options.asOf,
    staleDays: options.staleDays,
    ...(inputs.rep === undefined ? {} : { repNames, repIds }),
    ...(inputs.account === undefined ? {} : { accountIds }),
  })
  for (const entity of CHECK_ORDER) {
    const paths = inputs[entity]
    if (paths === undefined) continue
    if (entity === 'rep') {
      for (const issue of repIssues) run.addIssue('rep', issue)
      for (const rep of reps) run.add('rep', rep)
      if (options.keep) records.rep = reps
      continue
    }
    const kept: EntityRecords[typeof entity][] = []
    const loadOptions = await session.loadOptions(entity)
    const summary = await streamRecords(
      paths,
      {
        ...loadOptions,
        collectOnly: true,
        onIssue: (issue) => {
          run.addIssue(entity, issue)
        },
      },
      (record) => {
        if (entity === 'account') accountIds.add((record as { id: string }).id)
        run.add(entity, record)
        if (options.keep) kept.push(record)
      },
    )
    loads[entity] = summary
    if (options.keep) {
      if (loadOptions.fx === undefined) assertOneCurrency(entity, summary)
      ;(records as Record<string, unknown>)[entity] = kept
    }
  }
  return { summary: run.finish(), records, loads }
}
