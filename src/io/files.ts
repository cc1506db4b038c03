/**
 * The only module of io/ that touches the file system: input byte streams (files, stdin, gzip)
 * and atomic writes (temp file + rename, so a crash never leaves a half-written output and an
 * old file stays intact until the new one is complete).
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { createGunzip, createGzip } from 'node:zlib'
import { once } from 'node:events'
import { Readable } from 'node:stream'
import type { Writable } from 'node:stream'
import { InputFileError } from '../errors.js'

/** Bytes per piece handed to the decoder (a piece's rows die young: docs/design.md). */
export const CHUNK_BYTES = 64 * 1024

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

/** Bytes per read system call for plain files; they are handed on in CHUNK_BYTES pieces. */
const READ_BYTES = 16 * CHUNK_BYTES

/**
 * A plain file's bytes from `start` to `end`, read READ_BYTES at a time into one buffer and handed
 * on in pieces that end at multiples of CHUNK_BYTES from the file's start: the pieces a whole-file
 * read gives, cut where the range is. Fewer, larger reads into one buffer cost a third of a read
 * stream's time and hold no stream of dead buffers (RSS). A piece is valid until the next is asked for.
 * `head`: the buffer already holding the file's first `headBytes` bytes (start = 0).
 */
async function* readPlainRange(
  handle: FileHandle,
  start: number,
  end: number,
  head?: { readonly buffer: Buffer; readonly bytes: number },
): AsyncGenerator<Uint8Array> {
  const buffer = head?.buffer ?? Buffer.allocUnsafe(READ_BYTES)
  let pos = start
  let filled = head === undefined ? -1 : head.bytes
  while (pos < end) {
    // a read ends at a multiple of CHUNK_BYTES when it can, so that pieces are whole chunks
    const want = Math.min(READ_BYTES - (pos % CHUNK_BYTES), end - pos)
    let got: number
    if (filled >= 0) {
      got = Math.min(filled, want)
      filled = -1
    } else {
      got = (await handle.read(buffer, 0, want, pos)).bytesRead
    }
    if (got === 0) return
    let at = 0
    while (at < got) {
      const next = Math.min(got, at + CHUNK_BYTES - ((pos + at) % CHUNK_BYTES))
      yield buffer.subarray(at, next)
      at = next
    }
    pos += got
  }
}

async function openFile(path: string): Promise<FileHandle> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    return await open(path, 'r')
  } catch (error) {
    throw fileError(path, error)
  }
}

/**
 * Streams a file's bytes (gunzipped when it is gzip); `-` is standard input. A piece is valid
 * until the next one is asked for.
 */
export async function* readBytes(path: string): AsyncGenerator<Uint8Array> {
  if (path === '-') {
    yield* gunzipIfNeeded(stdinChunks(), path)
    return
  }
  const handle = await openFile(path)
  let open = true
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES)
    let bytes: number
    try {
      bytes = (await handle.read(buffer, 0, READ_BYTES, 0)).bytesRead
    } catch (error) {
      throw fileError(path, error)
    }
    if (bytes >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) {
      // gzip: through the read stream and its pieces, as the decompressor was measured with
      await handle.close()
      open = false
      try {
        yield* gunzipIfNeeded(createReadStream(path, { highWaterMark: CHUNK_BYTES }), path)
      } catch (error) {
        if (error instanceof InputFileError) throw error
        throw fileError(path, error)
      }
      return
    }
    try {
      yield* readPlainRange(handle, 0, Number.MAX_SAFE_INTEGER, { buffer, bytes })
    } catch (error) {
      throw fileError(path, error)
    }
  } finally {
    if (open) await handle.close()
  }
}

/**
 * The bytes of a plain (not compressed) file from `start` to `end`, in the pieces a whole-file
 * `readBytes` gives (cut at `start` and `end`): for reading one file in parts, in parallel. A
 * piece is valid until the next one is asked for.
 */
export async function* readByteRange(path: string, start: number, end: number): AsyncGenerator<Uint8Array> {
  const handle = await openFile(path)
  try {
    yield* readPlainRange(handle, start, end)
  } catch (error) {
    throw fileError(path, error)
  } finally {
    await handle.close()
  }
}

/**
 * A plain file's bytes from `start` to `end` in blocks of READ_BYTES (for scanning, not decoding).
 * A block is valid until the next one is asked for.
 */
export async function* readBlocks(path: string, start: number, end: number): AsyncGenerator<Uint8Array> {
  const handle = await openFile(path)
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES)
    let pos = start
    while (pos < end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(READ_BYTES, end - pos), pos)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
      pos += bytesRead
    }
  } catch (error) {
    throw fileError(path, error)
  } finally {
    await handle.close()
  }
}

/** A file's size in bytes, or undefined for stdin or what is not a plain file. */
export async function fileSize(path: string): Promise<number | undefined> {
  if (path === '-') return undefined
  try {
    const info = await stat(path)
    return info.isFile() ? info.size : undefined
  } catch {
    return undefined
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
