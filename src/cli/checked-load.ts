/**
 * Loading with the data-quality checks: every file of every kind streamed once through the check
 * rules, invalid rows becoming findings instead of a stop. `check` keeps only the findings; `report`
 * also keeps the valid records for its analyses.
 */
import { availableParallelism } from 'node:os'
import { debuglog } from 'node:util'
import type { RowIssue } from '../errors.js'
import type { EntityName } from '../model/cells.js'
import type { EntityRecords } from '../model/entities.js'
import type { Rep } from '../model/rep.js'
import { fileSize } from '../io/files.js'
import {
  assertOneCurrency,
  finishCsvParts,
  partLineShifts,
  planCsvSplit,
  shiftPartResult,
  streamRecords,
} from '../io/load.js'
import type { LoadOptions, LoadSummary } from '../io/load.js'
import { builtinRules } from '../domain/check/builtin-rules.js'
import { fieldsRead } from '../domain/check/fields-read.js'
import { createCheckRun, shiftCheckPart } from '../domain/check/run-checks.js'
import { unpackFindings } from '../domain/check/packed-findings.js'
import type { CheckRun, CheckSummary } from '../domain/check/run-checks.js'
import { checkPart } from './check-worker.js'
import type { PartLoadOptions, PartTask } from './check-worker.js'
import type { CheckWorkers } from './check-workers.js'
import { MAX_PARTS, takeCheckWorkers } from './check-workers.js'
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

/**
 * Parallel checking (check, not report: only findings are kept). A large CSV file is cut into
 * parts that each start at a row (`planCsvSplit`); the first part is read here, the others on
 * worker threads, each through its own check run, and the runs are merged in file order
 * (`CheckRun.absorb`): the findings are those of one run over the whole file, the duplicate rules
 * included (their logs are merged, then matched exactly). When a file cannot be cut safely, or a
 * part fails for any reason, the file is read whole, which gives the exact result or error.
 */
const MIN_PART_BYTES = 16 * 1024 * 1024
/**
 * A worker starts its part later than this thread starts the first (it loads its modules first):
 * the first part is larger by about this fraction of a part, so that the parts end together.
 */
const WORKER_START = 0.3
/** NODE_DEBUG=salesops-check: how each file was read (in parts or whole, and why) */
const debug = debuglog('salesops-check')

/** Parts for a file of `size` bytes: one per core, each at least MIN_PART_BYTES. */
function partCount(size: number): number {
  return Math.min(availableParallelism(), MAX_PARTS, Math.floor(size / MIN_PART_BYTES))
}

/** The options a worker can take (no callbacks, sinks or rates). */
function partOptions<E extends EntityName>(
  options: LoadOptions & { entity: E },
): PartLoadOptions & { entity: E } {
  return {
    entity: options.entity,
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
    ...(options.decimal === undefined ? {} : { decimal: options.decimal }),
    ...(options.stages === undefined ? {} : { stages: options.stages }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.maxIssues === undefined ? {} : { maxIssues: options.maxIssues }),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
    ...(options.fields === undefined ? {} : { fields: options.fields }),
  }
}

/**
 * Checks one file in parts, or gives undefined when it is not split (too small, cannot be cut, a
 * part failed): then nothing has been added to `run` and the file must be read whole.
 */
async function checkInParts(
  path: string,
  options: LoadOptions & { entity: EntityName },
  run: CheckRun,
  context: PartTask['context'],
  workers: CheckWorkers,
): Promise<LoadSummary | undefined> {
  const size = await fileSize(path)
  const count = size === undefined ? 0 : partCount(size)
  if (count < 2) return undefined
  const planning = performance.now()
  const split = await planCsvSplit(path, options, count, (1 + WORKER_START) / (count + WORKER_START))
  debug('%s: planned in %d ms', path, Math.round(performance.now() - planning))
  if (split === undefined) {
    debug('%s: read whole (cannot be cut into rows safely)', path)
    return undefined
  }
  const taskOptions = partOptions(options)
  const tasks: PartTask[] = split.parts.map((_, index) => ({ split, index, options: taskOptions, context }))
  const replies = tasks.slice(1).map((task) => workers.run(task))
  const here = await checkPart(tasks[0] as PartTask).then(
    (value) => value,
    (error: unknown) => {
      debug('%s: part 1 failed: %s', path, error instanceof Error ? error.message : String(error))
      return undefined
    },
  )
  debug('%s: part 1 done at %d ms', path, Math.round(performance.now()))
  if (here === undefined) {
    // the file is read whole: the other parts are not needed
    await workers.close()
    return undefined
  }
  const others = await Promise.all(replies)
  debug('%s: the other parts done at %d ms', path, Math.round(performance.now()))
  const parts = [here.part]
  const results = [here.result]
  const warnings = [...here.warnings]
  for (const [i, reply] of others.entries()) {
    if (!reply.ok) {
      debug('%s: part %d failed: %s', path, i + 2, reply.message)
      return undefined
    }
    parts.push({ ...reply.part, findings: unpackFindings(reply.findings) })
    results.push(reply.result)
    warnings.push(...reply.warnings)
  }
  debug('%s: read in %d parts at %j', path, split.parts.length, split.parts)
  // parts that counted their lines from their own start get the file's lines now
  const shifts = partLineShifts(split, results)
  for (const [i, part] of parts.entries()) run.absorb(shiftCheckPart(part, shifts[i] ?? 0))
  for (const warning of warnings) options.onWarning?.(warning)
  const entity = options.entity
  const shifted = results.map((result, i) => shiftPartResult(result, shifts[i] ?? 0))
  return finishCsvParts(here.report, shifted, {
    ...options,
    collectOnly: true,
    onIssue: (issue) => {
      run.addIssue(entity, issue)
    },
  })
}

/** One summary for the files of one kind loaded one by one. */
function joinSummaries(summaries: readonly LoadSummary[], maxIssues: number): LoadSummary {
  const issues = summaries.flatMap((s) => s.issues).slice(0, maxIssues)
  const sum = (key: 'rows' | 'accepted' | 'rejected' | 'issueCount'): number =>
    summaries.reduce((n, s) => n + s[key], 0)
  return {
    files: summaries.flatMap((s) => s.files),
    rows: sum('rows'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    issues,
    issueCount: sum('issueCount'),
  }
}

export async function loadChecked(
  session: Session,
  inputs: InputFiles,
  options: CheckedLoadOptions,
): Promise<CheckedLoad> {
  const workers = takeCheckWorkers()
  try {
    return await loadCheckedWith(session, inputs, options, workers)
  } finally {
    await workers.close()
  }
}

async function loadCheckedWith(
  session: Session,
  inputs: InputFiles,
  options: CheckedLoadOptions,
  workers: CheckWorkers,
): Promise<CheckedLoad> {
  // start the workers a large file will need now: they load their modules while the reps and
  // accounts are read and the file is planned
  if (!options.keep) {
    let most = 1
    for (const entity of CHECK_ORDER) {
      if (entity === 'rep' || entity === 'account') continue
      for (const path of inputs[entity] ?? []) most = Math.max(most, partCount((await fileSize(path)) ?? 0))
    }
    workers.prepare(most - 1)
  }
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
    const sessionOptions = await session.loadOptions(entity)
    // check keeps no record: the rules' fields are all it reads (report keeps whole records)
    const fields = options.keep ? undefined : fieldsRead(builtinRules, entity)
    const loadOptions = fields === undefined ? sessionOptions : { ...sessionOptions, fields }
    if (
      !options.keep &&
      entity !== 'account' &&
      run.splittable &&
      loadOptions.rejects === undefined &&
      loadOptions.fx === undefined
    ) {
      const context: PartTask['context'] = {
        asOf: options.asOf,
        staleDays: options.staleDays,
        ...(inputs.rep === undefined ? {} : { repNames: [...repNames], repIds: [...repIds] }),
        ...(inputs.account === undefined ? {} : { accountIds: [...accountIds] }),
      }
      const summaries: LoadSummary[] = []
      for (const path of paths) {
        const inParts = await checkInParts(path, loadOptions, run, context, workers)
        summaries.push(
          inParts ??
            (await streamRecords(
              [path],
              {
                ...loadOptions,
                collectOnly: true,
                onIssue: (issue) => {
                  run.addIssue(entity, issue)
                },
              },
              (record) => {
                run.add(entity, record)
              },
            )),
        )
      }
      loads[entity] = joinSummaries(summaries, loadOptions.maxIssues ?? 20)
      continue
    }
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
      if (loadOptions.fx === undefined) assertOneCurrency(entity, summary.files)
      ;(records as Record<string, unknown>)[entity] = kept
    }
  }
  const summary = run.finish()
  debug('checked at %d ms', Math.round(performance.now()))
  return { summary, records, loads }
}
