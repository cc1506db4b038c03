/**
 * The only module of io/ that touches the file system: input byte streams (files, stdin, gzip)
 * and atomic writes (temp file + rename, so a crash never leaves a half-written output and an
 * old file stays intact until the new one is complete).
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { createGunzip, createGzip } from 'node:zlib'
import { once } from 'node:events'
import { Readable } from 'node:stream'
import type { Writable } from 'node:stream'
import { InputFileError } from '../errors.js'

const CHUNK_BYTES = 64 * 1024

/** The name used in messages: the path as the user typed it, `<stdin>` for `-`. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path
}

function fileError(path: string, error: unknown): InputFileError {
  const code = (error as { code?: unknown }).code
  const name = displayName(path)
  if (code === 'ENOENT')
    return new InputFileError('FILE_NOT_FOUND', name, `${name}: no such file`, { cause: error })
  if (code === 'EISDIR')
    return new InputFileError('FILE_UNREADABLE', name, `${name}: is a folder, not a file`, { cause: error })
  if (code === 'EACCES')
    return new InputFileError('FILE_UNREADABLE', name, `${name}: permission denied`, { cause: error })
  const detail = error instanceof Error ? error.message : String(error)
  return new InputFileError('FILE_UNREADABLE', name, `${name}: cannot be read (${detail})`, { cause: error })
}

async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array>, path: string): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done === true) return
  const head: Uint8Array = first.value
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({ next: () => iterator.next() }),
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield head
    yield* rest
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    try {
      yield* Readable.from(all()).pipe(createGunzip({ chunkSize: CHUNK_BYTES }))
    } catch (error) {
      throw new InputFileError(
        'GZIP_CORRUPT',
        displayName(path),
        `${displayName(path)}: not a valid gzip file (${String(error)})`,
        {
          cause: error,
        },
      )
    }
    return
  }
  yield* all()
}

let stdinBytes: Promise<Buffer> | undefined

/**
 * Standard input can be read only once, but a command may look at a file twice (its header to
 * sort it, then its rows): stdin is read into memory the first time and replayed after.
 */
function readStdin(): Promise<Buffer> {
  stdinBytes ??= (async () => {
    const parts: Buffer[] = []
    for await (const part of process.stdin) parts.push(part as Buffer)
    return Buffer.concat(parts)
  })()
  return stdinBytes
}

async function* stdinChunks(): AsyncGenerator<Uint8Array> {
  const all = await readStdin()
  for (let i = 0; i < all.length; i += CHUNK_BYTES) yield all.subarray(i, i + CHUNK_BYTES)
}

/** Streams a file's bytes (gunzipped when it is gzip); `-` is standard input. */
export async function* readBytes(path: string): AsyncGenerator<Uint8Array> {
  let source: AsyncIterable<Uint8Array>
  if (path === '-') {
    source = stdinChunks()
  } else {
    try {
      const info = await stat(path)
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    } catch (error) {
      throw fileError(path, error)
    }
    source = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  }
  try {
    yield* gunzipIfNeeded(source, path)
  } catch (error) {
    if (error instanceof InputFileError) throw error
    throw fileError(path, error)
  }
}

/** A whole (small) file's bytes, for formats that cannot stream (xlsx) and configs. */
export async function readAllBytes(path: string): Promise<Uint8Array> {
  if (path === '-') return readStdin()
  try {
    return await readFile(path)
  } catch (error) {
    throw fileError(path, error)
  }
}

/** The first bytes of a file (format sniffing) without reading all of it. */
export async function peekBytes(path: string, count: number): Promise<Uint8Array> {
  if (path === '-') return (await readStdin()).subarray(0, count)
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(count)
      const { bytesRead } = await handle.read(buffer, 0, count, 0)
      return buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw fileError(path, error)
  }
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

let tempCounter = 0
/** temp files not yet renamed into place: removed if the process ends first (an error, Ctrl-C) */
const pendingTemps = new Set<string>()
let cleanupInstalled = false

function trackTemp(path: string): void {
  pendingTemps.add(path)
  if (cleanupInstalled) return
  cleanupInstalled = true
  const cleanup = (): void => {
    for (const temp of pendingTemps) rmSync(temp, { force: true })
    pendingTemps.clear()
  }
  process.once('exit', cleanup)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanup()
      process.kill(process.pid, signal)
    })
  }
}
function tempPathFor(path: string): string {
  tempCounter++
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`)
}

/** A file written in pieces that appears under its name only on `commit()`. */
export interface AtomicWriter {
  write(text: string): Promise<void>
  commit(): Promise<void>
  abort(): Promise<void>
}

export function createAtomicWriter(path: string, options: { gzip?: boolean } = {}): AtomicWriter {
  const temp = tempPathFor(path)
  trackTemp(temp)
  const file = createWriteStream(temp)
  let stream: Writable = file
  if (options.gzip === true) {
    // mtime 0 and a fixed level: the same text always gives the same bytes
    const gzip = createGzip({ level: 9 })
    gzip.pipe(file)
    stream = gzip
  }
  const finished = new Promise<void>((resolve, reject) => {
    file.on('close', resolve)
    file.on('error', reject)
  })
  let failure: unknown
  stream.on('error', (error) => {
    failure = error
  })
  const fail = (error: unknown): InputFileError =>
    new InputFileError(
      'OUTPUT_UNWRITABLE',
      path,
      `${path}: cannot be written (${error instanceof Error ? error.message : String(error)})`,
      {
        cause: error,
      },
    )
  return {
    async write(text) {
      if (failure !== undefined) throw fail(failure)
      if (!stream.write(text)) {
        // once() removes its listeners again, so a long write adds none
        await once(stream, 'drain').catch((error: unknown) => {
          throw fail(error)
        })
      }
    },
    async commit() {
      await new Promise<void>((resolve) => {
        stream.end(() => {
          resolve()
        })
      })
      await finished.catch(async (error: unknown) => {
        await rm(temp, { force: true })
        throw fail(error)
      })
      if (failure !== undefined) {
        await rm(temp, { force: true })
        throw fail(failure)
      }
      try {
        await rename(temp, path)
        pendingTemps.delete(temp)
      } catch (error) {
        await rm(temp, { force: true })
        throw fail(error)
      }
    },
    async abort() {
      stream.destroy()
      await rm(temp, { force: true })
      pendingTemps.delete(temp)
    },
  }
}

/** Writes the whole text to `path` atomically. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const writer = createAtomicWriter(path)
  try {
    await writer.write(text)
  } catch (error) {
    await writer.abort()
    throw error
  }
  await writer.commit()
}

export async function readTextFile(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readAllBytes(path)).replace(/^\uFEFF/, '')
}

export async function ensureDir(path: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises')
  try {
    await mkdir(path, { recursive: true })
  } catch (error) {
    throw new InputFileError(
      'OUTPUT_UNWRITABLE',
      path,
      `${path}: cannot create the folder (${String(error)})`,
      { cause: error },
    )
  }
}
