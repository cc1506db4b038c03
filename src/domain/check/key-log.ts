/**
 * The exact, compact memory of the duplicate rules: an append-only log of records (a few text and
 * integer fields each, with the record's file and line) under one or two keys, resolved at the end
 * into "first seen at" per entry.
 *
 * Why a log and not a hash set consulted row by row: a million lookups into a table of tens of MB
 * are a million cache misses, interleaved with parsing; building a key string per row and hashing
 * it again in the table allocates for nothing. Here the rule hashes the key's code units straight
 * from the record's fields (no string is built), and the log appends the hash, the line and the
 * fields' code units to typed arrays (one byte per code unit when all are below U+0100, else two):
 * sequential writes only. `resolve` then sorts the entries by hash (stable radix sort: sequential
 * passes) and compares the *exact* keys, rebuilt from the stored fields, only where hashes are
 * equal, so that colliding keys are still told apart. About 12 bytes per entry and key plus the
 * fields' bytes; no caller string is retained, so no chunk of input stays alive.
 *
 * A log is also the state that parallel checking merges: a part of the input checked on another
 * thread hands over its log (`part`, transferable buffers), already sorted by hash there (in
 * parallel), and the run that covers the whole input appends it (`absorb`) in input order, which
 * is all that "first seen" depends on; `resolve` then only merges the sorted runs.
 */

import { normalizeName } from './rule-helpers.js'

/** Where a record was: its file and physical line. */
export interface Place {
  readonly file: string
  readonly line: number
}

/** "line 4" in the same file, else "orders-2023.csv line 4". */
export function describePlace(earlier: Place, current: Place): string {
  return earlier.file === current.file ? `line ${earlier.line}` : `${earlier.file} line ${earlier.line}`
}

/** FNV-1a: the 32-bit offset basis and one step over a 16-bit code unit. */
export const FNV_OFFSET = 0x811c9dc5 | 0
export function fnvStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193)
}

/** FNV-1a over the code units of `text`, continuing from `h` (start with FNV_OFFSET). */
export function fnvText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h
}

/** A log's entries of one part of the input: plain typed arrays and strings (structured-cloneable). */
export interface KeyLogPart {
  readonly count: number
  /** per key: its hash per entry (entries without that key hold 0 and are absent in `present`) */
  readonly hashes: readonly Uint32Array[]
  /** per entry: bit k set when the entry has key k */
  readonly present: Uint8Array
  readonly lines: Uint32Array
  /** per entry: where its fields start in `pages` (page × PAGE + offset) */
  readonly offsets: Uint32Array
  /** where the last entry's fields end, the same way */
  readonly end: number
  /** the pages of the entries' fields (a part may share its first page with the part before) */
  readonly pages: readonly Uint8Array[]
  /** the file of entries from `from` on, until the next run */
  readonly files: readonly { readonly name: string; readonly from: number }[]
}

/** The entries of one key ordered by hash (stable): hashes, and entry indexes within the state. */
export interface SortedKey {
  readonly hash: Uint32Array
  readonly index: Uint32Array
}

/** A log handed over: its entries (in input order) and, per key, the entries sorted by hash. */
export interface KeyLogState {
  readonly parts: readonly KeyLogPart[]
  readonly sorted: readonly SortedKey[]
}

/** The buffers of a handed-over log, to transfer rather than copy it to another thread. */
export function stateBuffers(state: KeyLogState): ArrayBuffer[] {
  const views = [
    ...state.parts.flatMap((part) => [...part.hashes, part.present, part.lines, part.offsets, ...part.pages]),
    ...state.sorted.flatMap((key) => [key.hash, key.index]),
  ]
  return [...new Set(views.map((view) => view.buffer as ArrayBuffer))]
}

/** FNV-1a over `normalizeName(text)` continued from `h`; undefined when that is empty. */
function foldedHash(h: number, text: string): number | undefined {
  const normalized = normalizeName(text)
  return normalized === '' ? undefined : fnvText(h, normalized)
}

/** A handed-over log with `shift` added to its entries' lines (new line arrays; the rest shared). */
export function shiftLogLines(state: KeyLogState, shift: number): KeyLogState {
  return {
    ...state,
    parts: state.parts.map((part) => {
      const lines = new Uint32Array(part.lines.length)
      for (let i = 0; i < part.count; i++) lines[i] = (part.lines[i] ?? 0) + shift
      return { ...part, lines }
    }),
  }
}

/** A stored field: a text, an integer (int32), or absent. */
export type Field = string | number | undefined

const PAGE = 1 << 20
// field tags; 0 is the unused rest of a page
const TEXT_NARROW = 1
const TEXT_WIDE = 2
const INT = 3
const NONE = 4

/** Entries per part at most: a full part is sealed and a new one opened, so growth copies little. */
const PART_ENTRIES = 1 << 16
/** Pages per part at most, so that page × PAGE + offset stays within 32 bits. */
const PART_PAGES = 4000

/** Sealed parts in input order; absorbed ones come with their entries sorted by hash. */
interface Segment {
  readonly parts: KeyLogPart[]
  sorted: readonly SortedKey[] | undefined
}

export class KeyLog {
  readonly #keys: number
  /** sealed parts, in input order (absorbed ones and this log's own earlier entries) */
  readonly #parts: KeyLogPart[] = []
  readonly #segments: Segment[] = []
  /** entries in the sealed parts */
  #sealed = 0
  // the open part
  #count = 0
  #hashes: Uint32Array[] = []
  #present = new Uint8Array(0)
  #lines = new Uint32Array(0)
  #offsets = new Uint32Array(0)
  #pages: Uint8Array[] = []
  #page: Uint8Array = new Uint8Array(0)
  /** where the current entry starts in `#page`, and where its next byte goes */
  #start = 0
  #at = 0
  #files: { name: string; from: number }[] = []
  #file: string | undefined

  /** `keys`: how many keys an entry may have (1 or 2). */
  constructor(keys: 1 | 2) {
    this.#keys = keys
  }

  /** Entries so far, absorbed parts included. */
  get size(): number {
    return this.#sealed + this.#count
  }

  /**
   * Starts an entry at `file` and `line`; its fields follow (`text`, `textHash`, `textFoldHash`,
   * `int`), then `end` with the hashes of its keys, or `cancel` when it turns out to have no key.
   */
  begin(file: string, line: number): void {
    if (this.#count === this.#lines.length || this.#pages.length >= PART_PAGES) this.#grow()
    // an entry starts within the first PAGE bytes of a page (a page for a longer entry takes only it)
    if (this.#at >= PAGE) this.#page = new Uint8Array(0)
    this.#entryFile = file
    this.#entryLine = line
    this.#start = this.#at
  }

  #entryFile = ''
  #entryLine = 0

  /** A text field of the current entry (undefined is kept as absent). */
  text(value: string | undefined): void {
    if (value === undefined) {
      this.#room(1)[this.#at++] = NONE
      return
    }
    this.#store(value)
  }

  /**
   * A text field of the current entry, and FNV-1a over its code units continued from `h` (what
   * `fnvText(h, value)` gives): one pass over the text for both.
   */
  textHash(value: string, h: number): number {
    const length = value.length
    const page = this.#room(6 + length)
    let at = header(page, this.#at, TEXT_NARROW, length)
    let hash = h
    for (let i = 0; i < length; i++) {
      const unit = value.charCodeAt(i)
      if (unit > 0xff) {
        this.#wide(value)
        return fnvText(h, value)
      }
      page[at++] = unit
      hash = Math.imul(hash ^ unit, 0x01000193)
    }
    this.#at = at
    return hash
  }

  /**
   * A text field of the current entry, and FNV-1a over the code units of `normalizeName(value)`
   * continued from `h`, or undefined when that is empty. ASCII text is normalised as it is stored
   * (blanks trimmed, runs of them one space, A–Z lower case); other text through normalizeName.
   */
  textFoldHash(value: string, h: number): number | undefined {
    const length = value.length
    const page = this.#room(6 + length)
    let at = header(page, this.#at, TEXT_NARROW, length)
    let hash = h
    let started = false
    let space = false
    for (let i = 0; i < length; i++) {
      const unit = value.charCodeAt(i)
      if (unit >= 0x80) {
        if (unit > 0xff) this.#wide(value)
        else {
          for (let j = i; j < length; j++) {
            const u = value.charCodeAt(j)
            if (u > 0xff) {
              this.#wide(value)
              return foldedHash(h, value)
            }
            page[at++] = u
          }
          this.#at = at
        }
        return foldedHash(h, value)
      }
      page[at++] = unit
      if (unit === 32 || (unit >= 9 && unit <= 13)) {
        space = started
        continue
      }
      if (space) {
        hash = Math.imul(hash ^ 32, 0x01000193)
        space = false
      }
      hash = Math.imul(hash ^ (unit >= 65 && unit <= 90 ? unit + 32 : unit), 0x01000193)
      started = true
    }
    this.#at = at
    return started ? hash : undefined
  }

  /** Stores a text field: one byte per code unit, or two each when a unit is above U+00FF. */
  #store(value: string): void {
    const length = value.length
    const page = this.#room(6 + length)
    let at = header(page, this.#at, TEXT_NARROW, length)
    for (let i = 0; i < length; i++) {
      const unit = value.charCodeAt(i)
      if (unit > 0xff) {
        this.#wide(value)
        return
      }
      page[at++] = unit
    }
    this.#at = at
  }

  /** Stores a text field two bytes per code unit (from the field's start, over what was written of it). */
  #wide(value: string): void {
    const length = value.length
    const page = this.#room(6 + 2 * length)
    let at = header(page, this.#at, TEXT_WIDE, length)
    for (let j = 0; j < length; j++) {
      const u = value.charCodeAt(j)
      page[at++] = u & 0xff
      page[at++] = u >>> 8
    }
    this.#at = at
  }

  /** An int32 field of the current entry (undefined is kept as absent). */
  int(value: number | undefined): void {
    const page = this.#room(5)
    if (value === undefined) {
      page[this.#at++] = NONE
      return
    }
    let at = this.#at
    page[at++] = INT
    page[at++] = value & 0xff
    page[at++] = (value >>> 8) & 0xff
    page[at++] = (value >>> 16) & 0xff
    page[at++] = (value >>> 24) & 0xff
    this.#at = at
  }

  /**
   * Ends the current entry with the hashes of its keys (`hash1` only with two keys, `undefined`
   * when the entry has no second key).
   */
  end(hash0: number, hash1?: number): void {
    const e = this.#count
    const file = this.#entryFile
    if (file !== this.#file) {
      this.#file = file
      this.#files.push({ name: file, from: e })
    }
    this.#lines[e] = this.#entryLine
    const h0 = this.#hashes[0]
    if (h0 !== undefined) h0[e] = hash0
    let present = 1
    const h1 = this.#hashes[1]
    if (hash1 !== undefined && h1 !== undefined) {
      h1[e] = hash1
      present |= 2
    }
    this.#present[e] = present
    this.#offsets[e] = (this.#pages.length - 1) * PAGE + this.#start
    this.#count++
  }

  /** Drops the current entry (its fields are forgotten). */
  cancel(): void {
    this.#at = this.#start
  }

  /**
   * Hands over this log's entries, sorted by hash here (so that the run that absorbs them only
   * merges); the log is empty afterwards.
   */
  part(): KeyLogState[] {
    this.#seal()
    const states = this.#segments.map((segment) => {
      const sorted = segment.sorted ?? sortSegment(segment.parts, this.#keys)
      // the sorted keys replace the hashes (less to hold and move)
      const parts = segment.parts.map((part) => ({ ...part, hashes: [], present: new Uint8Array(0) }))
      return { parts, sorted }
    })
    this.clear()
    return states
  }

  /** Forgets every entry (when they are no longer needed: after `resolve` and reading their fields). */
  clear(): void {
    this.#seal()
    this.#parts.length = 0
    this.#segments.length = 0
    this.#sealed = 0
    this.#basesCache = []
    // the last page belongs to the parts handed over (or forgotten): start a new one
    this.#pages = []
    this.#page = new Uint8Array(0)
    this.#start = 0
    this.#at = 0
  }

  /** Appends entries logged elsewhere, as if they had been added here now. */
  absorb(states: readonly KeyLogState[]): void {
    this.#seal()
    for (const state of states) {
      const parts = state.parts.filter((part) => part.count > 0)
      if (parts.length === 0) continue
      this.#segments.push({ parts, sorted: state.sorted })
      for (const part of parts) {
        this.#parts.push(part)
        this.#sealed += part.count
      }
    }
  }

  /**
   * The entries with key `k` that an earlier entry has too (by `keyOf`, compared exactly), each with
   * the index of the first such entry: entry → first entry. `keyOf(fields)` rebuilds the key from
   * an entry's stored fields; it is called only for entries whose hash another entry shares, and
   * not even then when `keyFields` says which stored fields the key is made of (a range of their
   * indexes, `[from, to)`) and two entries hold the same bytes there: they have the same key.
   */
  resolve(
    k: number,
    keyOf: (fields: readonly Field[]) => string,
    keyFields?: readonly [from: number, to: number],
  ): Map<number, number> {
    this.#seal()
    const earlier = new Map<number, number>()
    // each segment's entries sorted by hash (own ones are sorted now); segments are in input order
    const hashes: Uint32Array[] = []
    const indexes: Uint32Array[] = []
    const bases: number[] = []
    let base = 0
    for (const segment of this.#segments) {
      segment.sorted ??= sortSegment(segment.parts, this.#keys)
      const run = segment.sorted[k]
      if (run !== undefined && run.hash.length > 0) {
        hashes.push(run.hash)
        indexes.push(run.index)
        bases.push(base)
      }
      for (const part of segment.parts) base += part.count
    }
    // per group: the first entry of each distinct key so far; an entry is matched against them by
    // its key fields' bytes first, and only when no bytes match by the key itself (built lazily)
    const firsts: number[] = []
    const keys: (string | undefined)[] = []
    const onGroup = (group: readonly number[]): void => {
      firsts.length = 0
      keys.length = 0
      for (const entry of group) {
        let first = -1
        if (keyFields !== undefined) {
          for (const f of firsts) {
            if (this.#sameBytes(entry, f, keyFields[0], keyFields[1])) {
              first = f
              break
            }
          }
        }
        if (first === -1 && firsts.length === 0) {
          firsts.push(entry)
          keys.push(undefined)
          continue
        }
        if (first === -1) {
          const key = keyOf(this.fields(entry))
          for (let r = 0; r < firsts.length; r++) {
            keys[r] ??= keyOf(this.fields(firsts[r] as number))
            if (keys[r] === key) {
              first = firsts[r] as number
              break
            }
          }
          if (first === -1) {
            firsts.push(entry)
            keys.push(key)
            continue
          }
        }
        earlier.set(entry, first)
      }
    }
    walkGroups(hashes, indexes, bases, onGroup)
    return earlier
  }

  /** Whether entries `a` and `b` hold the same bytes in their stored fields `from` to `to` (exclusive). */
  #sameBytes(a: number, b: number, from: number, to: number): boolean {
    // (no objects made: this runs for every entry of every group)
    if (!this.#fieldBytes(a, from, to)) return false
    const p = this.#rangePage
    const x = this.#rangeStart
    const length = this.#rangeEnd - x
    if (!this.#fieldBytes(b, from, to)) return false
    const q = this.#rangePage
    const y = this.#rangeStart
    if (this.#rangeEnd - y !== length) return false
    for (let i = 0; i < length; i++) if (p[x + i] !== q[y + i]) return false
    return true
  }

  // the byte range #fieldBytes found last
  #rangePage: Uint8Array = new Uint8Array(0)
  #rangeStart = 0
  #rangeEnd = 0

  /** Finds where the stored fields `from` to `to` (exclusive) of entry `e` are (#range…); false when it has fewer. */
  #fieldBytes(e: number, from: number, to: number): boolean {
    const part = this.#partOf(e)
    const offset = part.offsets[this.#index] ?? 0
    const page = part.pages[Math.floor(offset / PAGE)]
    if (page === undefined) return false
    let at = offset % PAGE
    let start = at
    for (let field = 0; field < to; field++) {
      if (field === from) start = at
      const tag = page[at++] ?? 0
      if (tag === INT) at += 4
      else if (tag === TEXT_NARROW || tag === TEXT_WIDE) {
        const length = readLength(page, at)
        at += lengthBytes(length) + (tag === TEXT_WIDE ? 2 * length : length)
      } else if (tag !== NONE) return false // fewer fields than asked for
    }
    this.#rangePage = page
    this.#rangeStart = start
    this.#rangeEnd = at
    return true
  }

  /** Where entry `e` was. */
  place(e: number): Place {
    const part = this.#partOf(e)
    const i = this.#index
    let file = ''
    for (const run of part.files) {
      if (run.from > i) break
      file = run.name
    }
    return { file, line: part.lines[i] ?? 0 }
  }

  /** The stored fields of entry `e`, in the order they were written. */
  fields(e: number): Field[] {
    const part = this.#partOf(e)
    const i = this.#index
    const offset = part.offsets[i] ?? 0
    const page = part.pages[Math.floor(offset / PAGE)] ?? new Uint8Array(0)
    let at = offset % PAGE
    const next = i + 1 < part.count ? (part.offsets[i + 1] ?? 0) : part.end
    // an entry's bytes end where the next one's start, or at the unused (zero) rest of its page
    const stop = Math.floor(next / PAGE) === Math.floor(offset / PAGE) ? next % PAGE : page.length
    const out: Field[] = []
    while (at < stop) {
      const tag = page[at++] ?? 0
      if (tag === NONE) {
        out.push(undefined)
      } else if (tag === INT) {
        out.push(
          (page[at] ?? 0) |
            ((page[at + 1] ?? 0) << 8) |
            ((page[at + 2] ?? 0) << 16) |
            ((page[at + 3] ?? 0) << 24),
        )
        at += 4
      } else if (tag === TEXT_NARROW || tag === TEXT_WIDE) {
        const length = readLength(page, at)
        at += lengthBytes(length)
        out.push(decodeUnits(page, at, length, tag === TEXT_WIDE))
        at += tag === TEXT_WIDE ? 2 * length : length
      } else {
        break // 0: the unused rest of the page, after its last entry
      }
    }
    return out
  }

  /** the index within its part of the entry #partOf found last */
  #index = 0
  /** the part #partOf found last, and its first entry */
  #lastPart = -1

  /** The sealed part that holds entry `e` (its index within the part in #index). */
  #partOf(e: number): KeyLogPart {
    this.#seal()
    const bases = this.#bases()
    const parts = this.#parts
    // the part found last first (entries of a group or a finding are often near each other)
    let lo = this.#lastPart
    if (!(
      lo >= 0 &&
      lo < parts.length &&
      (bases[lo] ?? 0) <= e &&
      e < (bases[lo] ?? 0) + (parts[lo]?.count ?? 0)
    )) {
      // binary search over the parts' first entries
      lo = 0
      let hi = parts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1
        if ((bases[mid] ?? 0) <= e) lo = mid
        else hi = mid - 1
      }
    }
    const base = bases[lo] ?? 0
    const part = parts[lo]
    if (part === undefined || e < base || e - base >= part.count) throw new RangeError(`no entry ${e}`)
    this.#lastPart = lo
    this.#index = e - base
    return part
  }

  #basesCache: number[] = []
  #bases(): number[] {
    if (this.#basesCache.length !== this.#parts.length) {
      const bases: number[] = []
      let base = 0
      for (const part of this.#parts) {
        bases.push(base)
        base += part.count
      }
      this.#basesCache = bases
    }
    return this.#basesCache
  }

  /** The current page, with room for `bytes` more bytes of the current entry (moved to a new page if need be). */
  #room(bytes: number): Uint8Array {
    if (this.#at + bytes <= this.#page.length) return this.#page
    const entry = this.#page.subarray(this.#start, this.#at)
    const page = new Uint8Array(Math.max(PAGE, entry.length + bytes))
    page.set(entry)
    this.#page.fill(0, this.#start)
    this.#pages.push(page)
    this.#page = page
    this.#at -= this.#start
    this.#start = 0
    return page
  }

  /** Doubles the open part's arrays up to PART_ENTRIES; beyond, seals it and opens a new one. */
  #grow(): void {
    const capacity = this.#lines.length
    if (capacity >= PART_ENTRIES || this.#pages.length >= PART_PAGES) {
      this.#seal()
      this.#hashes = Array.from({ length: this.#keys }, () => new Uint32Array(PART_ENTRIES))
      this.#present = new Uint8Array(PART_ENTRIES)
      this.#lines = new Uint32Array(PART_ENTRIES)
      this.#offsets = new Uint32Array(PART_ENTRIES)
      return
    }
    const next = Math.min(PART_ENTRIES, Math.max(1024, 2 * capacity))
    this.#hashes = Array.from({ length: this.#keys }, (_, k) => {
      const grown = new Uint32Array(next)
      grown.set(this.#hashes[k] ?? [])
      return grown
    })
    const present = new Uint8Array(next)
    present.set(this.#present)
    this.#present = present
    const lines = new Uint32Array(next)
    lines.set(this.#lines)
    this.#lines = lines
    const offsets = new Uint32Array(next)
    offsets.set(this.#offsets)
    this.#offsets = offsets
  }

  /** Closes the open part (its arrays become the part's, unused capacity and all). */
  #seal(): void {
    if (this.#count === 0) return
    const part: KeyLogPart = {
      count: this.#count,
      hashes: this.#hashes,
      present: this.#present,
      lines: this.#lines,
      offsets: this.#offsets,
      end: (this.#pages.length - 1) * PAGE + this.#at,
      pages: this.#pages,
      files: this.#files,
    }
    this.#parts.push(part)
    const last = this.#segments[this.#segments.length - 1]
    if (last?.sorted === undefined && last !== undefined) last.parts.push(part)
    else this.#segments.push({ parts: [part], sorted: undefined })
    this.#sealed += this.#count
    this.#count = 0
    this.#hashes = []
    this.#present = new Uint8Array(0)
    this.#lines = new Uint32Array(0)
    this.#offsets = new Uint32Array(0)
    // the next part goes on writing into the same page: no half-empty page per part
    this.#pages = this.#page.length > 0 ? [this.#page] : []
    this.#start = this.#at
    this.#files = []
    this.#file = undefined
  }
}

/** Per key, the entries of `parts` (indexes from 0 over them all) ordered by hash, stable. */
function sortSegment(parts: readonly KeyLogPart[], keys: number): SortedKey[] {
  const sorted: SortedKey[] = []
  let total = 0
  for (const part of parts) total += part.count
  // one pair of spare arrays for every key's sort
  const spare = { hash: new Uint32Array(total), index: new Uint32Array(total) }
  for (let k = 0; k < keys; k++) {
    let n = 0
    for (const part of parts) {
      if (k === 0) n += part.count
      else for (let i = 0; i < part.count; i++) n += ((part.present[i] ?? 0) >> k) & 1
    }
    const hash = new Uint32Array(n)
    const index = new Uint32Array(n)
    n = 0
    let base = 0
    for (const part of parts) {
      const hashes = part.hashes[k] ?? new Uint32Array(0)
      if (k === 0) {
        hash.set(hashes.subarray(0, part.count), n)
        for (let i = 0; i < part.count; i++) index[n + i] = base + i
        n += part.count
      } else {
        for (let i = 0; i < part.count; i++) {
          if ((((part.present[i] ?? 0) >> k) & 1) === 0) continue
          index[n] = base + i
          hash[n] = hashes[i] ?? 0
          n++
        }
      }
      base += part.count
    }
    sortByHash(hash, index, spare.hash.subarray(0, n), spare.index.subarray(0, n))
    sorted.push({ hash, index })
  }
  return sorted
}

/** The sign bit of an int32: flipped, signed order is unsigned order. */
const TOP = 0x80000000 | 0

/**
 * Calls `onGroup` with the entries of every hash that more than one entry has, in input order:
 * runs sorted by hash (entry indexes from `bases[r]` on), in input order, walked together in hash
 * order without a merged copy (a hash's entries come run by run). One and two runs, the common
 * cases, have loops of their own.
 */
function walkGroups(
  hashes: readonly Uint32Array[],
  indexes: readonly Uint32Array[],
  bases: readonly number[],
  onGroup: (group: readonly number[]) => void,
): void {
  const group: number[] = []
  if (hashes.length === 1) {
    const hash = hashes[0] as Uint32Array
    const index = indexes[0] as Uint32Array
    const base = bases[0] as number
    const n = hash.length
    let i = 0
    while (i < n) {
      const h = hash[i] as number
      let j = i + 1
      while (j < n && hash[j] === h) j++
      if (j - i > 1) {
        group.length = 0
        for (let r = i; r < j; r++) group.push((index[r] as number) + base)
        onGroup(group)
      }
      i = j
    }
    return
  }
  if (hashes.length === 2) {
    // hashes compared as int32 with the top bit flipped (the same order as uint32): small
    // integers in the optimised loop instead of doubles
    const [ua, ub] = hashes as [Uint32Array, Uint32Array]
    const ha = new Int32Array(ua.buffer, ua.byteOffset, ua.length)
    const hb = new Int32Array(ub.buffer, ub.byteOffset, ub.length)
    const [ia, ib] = indexes as [Uint32Array, Uint32Array]
    const [ba, bb] = bases as [number, number]
    const na = ha.length
    const nb = hb.length
    // (no closure over a and b here: it would keep them out of registers in this hot loop)
    let a = 0
    let b = 0
    while (a < na || b < nb) {
      let a2 = a
      let b2 = b
      if (b < nb && (a >= na || ((hb[b] as number) ^ TOP) < ((ha[a] as number) ^ TOP))) {
        // the head of b is lower: alone unless the next entry of b has it too
        const h = hb[b] as number
        b2 = b + 1
        while (b2 < nb && hb[b2] === h) b2++
      } else {
        // the head of a is lower or equal to b's
        const h = ha[a] as number
        a2 = a + 1
        while (a2 < na && ha[a2] === h) a2++
        while (b2 < nb && hb[b2] === h) b2++
      }
      if (a2 - a + (b2 - b) > 1) {
        group.length = 0
        for (let r = a; r < a2; r++) group.push((ia[r] as number) + ba)
        for (let r = b; r < b2; r++) group.push((ib[r] as number) + bb)
        onGroup(group)
      }
      a = a2
      b = b2
    }
    return
  }
  // more runs: one cursor each, the lowest head taken every time
  const at = new Int32Array(hashes.length)
  for (;;) {
    let h = -1
    for (let r = 0; r < hashes.length; r++) {
      const run = hashes[r] as Uint32Array
      const i = at[r] as number
      if (i < run.length && (h === -1 || (run[i] as number) < h)) h = run[i] as number
    }
    if (h === -1) return
    group.length = 0
    for (let r = 0; r < hashes.length; r++) {
      const run = hashes[r] as Uint32Array
      const index = indexes[r] as Uint32Array
      let i = at[r] as number
      while (i < run.length && run[i] === h) group.push((index[i++] as number) + (bases[r] as number))
      at[r] = i
    }
    if (group.length > 1) onGroup(group)
  }
}

/** Writes a text field's tag and length (7 bits per byte, high bit: more); returns where its units go. */
function header(page: Uint8Array, at: number, tag: number, length: number): number {
  let i = at
  page[i++] = tag
  let n = length
  while (n >= 0x80) {
    page[i++] = (n & 0x7f) | 0x80
    n = Math.floor(n / 128)
  }
  page[i++] = n
  return i
}

/** The length `header` wrote at `at` (7 bits per byte, high bit: more). */
function readLength(page: Uint8Array, at: number): number {
  // (a multiplier, not 2 ** shift: a power with a variable exponent is a call)
  let length = 0
  let scale = 1
  for (let i = at; ; i++) {
    const byte = page[i] ?? 0
    length += (byte & 0x7f) * scale
    if (byte < 0x80) return length
    scale *= 128
  }
}

/** The bytes `header` takes for `length` after its tag. */
function lengthBytes(length: number): number {
  let bytes = 1
  for (let n = length; n >= 0x80; n = Math.floor(n / 128)) bytes++
  return bytes
}

/** Code units stored one byte (Latin-1) or two bytes (little-endian) each, back to a string. */
function decodeUnits(page: Uint8Array, at: number, length: number, wide: boolean): string {
  let out = ''
  for (let from = 0; from < length; from += 4096) {
    const n = Math.min(4096, length - from)
    if (wide) {
      const units = new Uint16Array(n)
      for (let i = 0; i < n; i++) {
        const p = at + 2 * (from + i)
        units[i] = (page[p] ?? 0) | ((page[p + 1] ?? 0) << 8)
      }
      out += String.fromCharCode.apply(null, units as unknown as number[])
    } else {
      out += String.fromCharCode.apply(null, page.subarray(at + from, at + from + n) as unknown as number[])
    }
  }
  return out
}

/**
 * Sorts the pairs (`hash`, `index`) by hash in place, stable: an LSD radix sort over the four
 * bytes, moving the pairs together so that every pass reads sequentially (one counting pass for
 * all four; `spareHash` and `spareIndex`, as long, are used back and forth).
 */
function sortByHash(
  hash: Uint32Array,
  index: Uint32Array,
  spareHash: Uint32Array,
  spareIndex: Uint32Array,
): void {
  const n = hash.length
  const counts = new Int32Array(4 * 256)
  for (let i = 0; i < n; i++) {
    const key = hash[i] ?? 0
    const b0 = key & 255
    const b1 = 256 + ((key >>> 8) & 255)
    const b2 = 512 + ((key >>> 16) & 255)
    const b3 = 768 + (key >>> 24)
    counts[b0] = (counts[b0] ?? 0) + 1
    counts[b1] = (counts[b1] ?? 0) + 1
    counts[b2] = (counts[b2] ?? 0) + 1
    counts[b3] = (counts[b3] ?? 0) + 1
  }
  scatter(hash, index, spareHash, spareIndex, counts, 0)
  scatter(spareHash, spareIndex, hash, index, counts, 8)
  scatter(hash, index, spareHash, spareIndex, counts, 16)
  scatter(spareHash, spareIndex, hash, index, counts, 24)
}

/** One radix pass from (keys, values) into (toKeys, toValues) by the byte at `shift`. */
function scatter(
  keys: Uint32Array,
  values: Uint32Array,
  toKeys: Uint32Array,
  toValues: Uint32Array,
  counts: Int32Array,
  shift: number,
): void {
  const n = keys.length
  const at0 = shift * 32 // the pass's 256 counts: shift / 8 × 256
  let sum = 0
  for (let b = at0; b < at0 + 256; b++) {
    const c = counts[b] ?? 0
    counts[b] = sum
    sum += c
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i] ?? 0
    const b = at0 + ((key >>> shift) & 255)
    const at = counts[b] ?? 0
    toKeys[at] = key
    toValues[at] = values[i] ?? 0
    counts[b] = at + 1
  }
}
