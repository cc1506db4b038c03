/**
 * A worker thread of `salesops check`: reads one part of a split CSV file (`streamCsvPart`), runs
 * the check rules over its records and hands back the run's state (`CheckRun.part`) for the main
 * thread to absorb in file order. Started by `checked-load.ts`; the task arrives as a message, so
 * that the worker can load its modules while the main thread plans the split.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { RowIssue } from '../errors.js'
import type { EntityName } from '../model/cells.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { CsvSplitError, streamCsvPart } from '../io/load.js'
import type { CsvPartResult, CsvSplit, FileReport, LoadOptions } from '../io/load.js'
import { builtinRules } from '../domain/check/builtin-rules.js'
import { createCheckRun } from '../domain/check/run-checks.js'
import type { CheckPart } from '../domain/check/run-checks.js'
import { packFindings, packedBuffers } from '../domain/check/packed-findings.js'
import type { PackedFindings } from '../domain/check/packed-findings.js'
import { CHECK_WORKER } from './check-workers.js'

/** Load options without callbacks and sinks: what can be posted to a worker. */
export type PartLoadOptions = Omit<
  LoadOptions,
  'onWarning' | 'onIssue' | 'onProgress' | 'rejects' | 'fx' | 'skipInvalid'
>

export interface PartTask {
  readonly split: CsvSplit
  readonly index: number
  readonly options: PartLoadOptions & { readonly entity: EntityName }
  readonly context: {
    readonly asOf: CalendarDate
    readonly staleDays: number
    readonly repNames?: readonly string[]
    readonly repIds?: readonly string[]
    readonly accountIds?: readonly string[]
  }
}

export type PartReply =
  | {
      readonly ok: true
      readonly result: CsvPartResult
      /** the part without its findings, which come packed (`findings`) */
      readonly part: CheckPart
      readonly findings: PackedFindings
      readonly warnings: readonly string[]
    }
  /** `split`: the part cannot be read on its own (read the file whole); else what went wrong */
  | { readonly ok: false; readonly split: boolean; readonly message: string }

/** Reads one part and checks its records; runs on a worker thread or, for the first part, in-process. */
export async function checkPart(task: PartTask): Promise<{
  result: CsvPartResult
  report: FileReport
  part: CheckPart
  transfer: readonly ArrayBuffer[]
  warnings: string[]
}> {
  const { context, options } = task
  const run = createCheckRun(builtinRules, {
    asOf: context.asOf,
    staleDays: context.staleDays,
    ...(context.repNames === undefined ? {} : { repNames: new Set(context.repNames) }),
    ...(context.repIds === undefined ? {} : { repIds: new Set(context.repIds) }),
    ...(context.accountIds === undefined ? {} : { accountIds: new Set(context.accountIds) }),
  })
  const entity = options.entity
  const warnings: string[] = []
  const { result, report } = await streamCsvPart(
    task.split,
    task.index,
    {
      ...options,
      collectOnly: true,
      onWarning: (message) => warnings.push(message),
      onIssue: (issue: RowIssue) => {
        run.addIssue(entity, issue)
      },
    },
    (record) => {
      run.add(entity, record)
    },
  )
  const { part, transfer } = run.part()
  return { result, report, part, transfer, warnings }
}

const port = parentPort
if (port !== null && workerData === CHECK_WORKER) {
  port.once('message', (task: PartTask) => {
    checkPart(task).then(
      ({ result, part, transfer, warnings }) => {
        const findings = packFindings(part.findings)
        const reply: PartReply = { ok: true, result, part: { ...part, findings: [] }, findings, warnings }
        port.postMessage(reply, [...transfer, ...packedBuffers(findings)])
      },
      (error: unknown) => {
        const reply: PartReply = {
          ok: false,
          split: error instanceof CsvSplitError,
          message: error instanceof Error ? error.message : String(error),
        }
        port.postMessage(reply)
      },
    )
  })
}
