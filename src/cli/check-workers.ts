/**
 * The worker threads of `check`, started ahead of their tasks so that they load their modules
 * meanwhile: from `main` as soon as the command line names `check` (while this thread still
 * loads the command and reads its options), else when the checked load starts.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { PartReply, PartTask } from './check-worker.js'

/** `workerData` of a check worker: tells it from other threads that may load its module. */
export const CHECK_WORKER = 'salesops-check-worker'

/** Parts a file is cut into at most (one per core up to this). */
export const MAX_PARTS = 8

/** Worker threads started ahead of their task, so that they load their modules meanwhile. */
export class CheckWorkers {
  readonly #idle: Worker[] = []
  readonly #running = new Set<Worker>()

  /** Starts workers until `count` are idle. */
  prepare(count: number): void {
    while (this.#idle.length < count) this.#idle.push(this.#start())
  }

  #start(): Worker {
    // a young generation of 24 MB instead of the default 48: as fast here, and 10–20 MB less RSS
    // (16 MB sometimes promoted so much that the part took a third longer and 60 MB more)
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
      workerData: CHECK_WORKER,
      resourceLimits: { maxYoungGenerationSizeMb: 24 },
    })
    // an idle worker does not keep the process alive; one with a task does (run)
    worker.unref()
    return worker
  }

  /** Runs one part on a worker (which ends with it). */
  run(task: PartTask): Promise<PartReply> {
    const worker = this.#idle.shift() ?? this.#start()
    worker.ref()
    this.#running.add(worker)
    return new Promise<PartReply>((resolve) => {
      const done = (reply: PartReply): void => {
        worker.removeAllListeners()
        this.#running.delete(worker)
        void worker.terminate()
        resolve(reply)
      }
      worker.once('message', (reply: PartReply) => {
        done(reply)
      })
      worker.once('error', (error) => {
        done({ ok: false, split: false, message: error.message })
      })
      worker.once('exit', (code) => {
        done({ ok: false, split: false, message: `check worker exited with code ${code}` })
      })
      worker.postMessage(task)
    })
  }

  /** Ends every worker (a part still running answers that it failed). */
  async close(): Promise<void> {
    const all = [...this.#idle.splice(0), ...this.#running]
    await Promise.all(all.map((w) => w.terminate()))
  }
}

let early: CheckWorkers | undefined

/** Starts the workers a large file would use (one per core but this one's), before they are asked for. */
export function startCheckWorkersEarly(): void {
  early ??= new CheckWorkers()
  early.prepare(Math.min(availableParallelism(), MAX_PARTS) - 1)
}

/** The workers started early (the caller closes them), or a new, empty set. */
export function takeCheckWorkers(): CheckWorkers {
  const workers = early ?? new CheckWorkers()
  early = undefined
  return workers
}
