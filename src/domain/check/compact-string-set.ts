/**
 * An exact set of strings, each with one numeric value (for check: where a key was first seen),
 * small enough for millions of keys.
 *
 * Why not `Map<string, number>`: a million 20-character ids cost well over 100 MB in a Map, and the
 * ids a streaming CSV reader hands out are often slices of a large chunk, so keeping them keeps whole
 * chunks alive. Here every key is copied into a byte arena of 1 MiB pages (one byte per UTF-16 code
 * unit when all units are below U+0100, else two), so no caller string is retained. Entries are
 * found by open addressing (linear probing) over a 32-bit FNV-1a hash; a hash hit is confirmed by
 * comparing the stored code units, so colliding keys are still told apart. About 28 bytes per key
 * plus the key's bytes (one byte per code unit for Latin-1 text). Pages are never copied or
 * over-allocated, so memory grows with the keys and has no growth spikes.
 */

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a32(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export interface CompactStringSetOptions {
  /** Keys to hold before the first growth (rounded up to a power of two, at least 8). */
  readonly initialCapacity?: number
  /** Injectable for tests (e.g. a constant to force collisions); default `fnv1a32`. */
  readonly hash?: (key: string) => number
}

const PAGE = 1 << 20
const EMPTY = new Uint8Array(0)
const WIDE = 1 // low bit of `lengths`: the key is stored as two bytes per code unit

export class CompactStringSet {
  private readonly hash: (key: string) => number
  /**
   * Open-addressing table of [entry index + 1 (0: empty), hash] pairs, twice the entry capacity in
   * slots: a probe reads one cache line, not a slot and then a separate hash array.
   */
  private table: Int32Array
  private capacity: number
  private starts: Uint32Array
  /** code units × 2, plus WIDE */
  private lengths: Uint32Array
  private values: Float64Array
  /** key bytes in pages of PAGE bytes; a key never spans two pages */
  private pages: Uint8Array[] = []
  /** bytes used in the last page */
  private pageUsed = PAGE
  private count = 0

  constructor(options: CompactStringSetOptions = {}) {
    this.hash = options.hash ?? fnv1a32
    // 1024 keys (32 KiB) before the first growth: small files never grow, big ones skip 7 doublings
    let capacity = 8
    while (capacity < (options.initialCapacity ?? 1024)) capacity *= 2
    this.capacity = capacity
    this.table = new Int32Array(capacity * 4)
    this.starts = new Uint32Array(capacity)
    this.lengths = new Uint32Array(capacity)
    this.values = new Float64Array(capacity)
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.count
  }

  /** Bytes held by the typed arrays (for tests and benchmarks). */
  get byteLength(): number {
    return (
      this.table.byteLength +
      this.starts.byteLength +
      this.lengths.byteLength +
      this.values.byteLength +
      this.pages.reduce((sum, page) => sum + page.byteLength, 0)
    )
  }

  has(key: string): boolean {
    return this.find(key, this.hash(key) >>> 0) >= 0
  }

  /** The value stored with `key`, or undefined when the key is absent. */
  get(key: string): number | undefined {
    const entry = this.find(key, this.hash(key) >>> 0)
    return entry < 0 ? undefined : this.values[entry]
  }

  /**
   * Adds `key` with `value` (any number, kept exactly) unless an equal key is present.
   * Returns the value already stored for an equal key (e.g. the key's first line), or undefined when the key is new.
   *
   * @example
   * const seen = new CompactStringSet()
   * seen.add('D-1', 2) //=> undefined
   * seen.add('D-1', 9) //=> 2
   */
  add(key: string, value: number): number | undefined {
    const h = this.hash(key) | 0
    const table = this.table
    const mask = (table.length >>> 1) - 1
    let slot = mix(h) & mask
    for (;;) {
      const occupant = table[2 * slot] ?? 0
      if (occupant === 0) break
      const entry = occupant - 1
      if (table[2 * slot + 1] === h && this.equals(entry, key)) return this.values[entry]
      slot = (slot + 1) & mask
    }
    if (this.count === this.capacity) {
      this.grow()
      return this.add(key, value) // the table changed under `slot`; the key is still absent
    }
    const entry = this.count++
    this.values[entry] = value
    this.store(entry, key)
    table[2 * slot] = entry + 1
    table[2 * slot + 1] = h
    return undefined
  }

  private find(key: string, h: number): number {
    const table = this.table
    const mask = (table.length >>> 1) - 1
    let slot = mix(h | 0) & mask
    for (;;) {
      const occupant = table[2 * slot] ?? 0
      if (occupant === 0) return -1
      const entry = occupant - 1
      if (table[2 * slot + 1] === (h | 0) && this.equals(entry, key)) return entry
      slot = (slot + 1) & mask
    }
  }

  private equals(entry: number, key: string): boolean {
    const packed = this.lengths[entry] ?? 0
    const length = packed >>> 1
    if (length !== key.length) return false
    const at = this.starts[entry] ?? 0
    const arena = this.pages[Math.floor(at / PAGE)] ?? EMPTY
    const start = at % PAGE
    if ((packed & WIDE) === 0) {
      for (let i = 0; i < length; i++) if (arena[start + i] !== key.charCodeAt(i)) return false
    } else {
      for (let i = 0; i < length; i++) {
        const unit = (arena[start + 2 * i] ?? 0) | ((arena[start + 2 * i + 1] ?? 0) << 8)
        if (unit !== key.charCodeAt(i)) return false
      }
    }
    return true
  }

  private store(entry: number, key: string): void {
    let wide = false
    for (let i = 0; i < key.length; i++) {
      if (key.charCodeAt(i) > 0xff) {
        wide = true
        break
      }
    }
    const bytes = wide ? key.length * 2 : key.length
    const arena = this.room(bytes)
    const start = this.pageUsed
    if (wide) {
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i)
        arena[start + 2 * i] = unit & 0xff
        arena[start + 2 * i + 1] = unit >>> 8
      }
    } else {
      for (let i = 0; i < key.length; i++) arena[start + i] = key.charCodeAt(i)
    }
    this.pageUsed += bytes
    this.starts[entry] = (this.pages.length - 1) * PAGE + start
    this.lengths[entry] = key.length * 2 + (wide ? WIDE : 0)
  }

  /** The page to write `bytes` into at `pageUsed`, opening a new one when the last is full. */
  private room(bytes: number): Uint8Array {
    const last = this.pages[this.pages.length - 1]
    if (last !== undefined && this.pageUsed + bytes <= last.length) return last
    // a key longer than a page gets a page of its own size
    const page = new Uint8Array(Math.max(PAGE, bytes))
    this.pages.push(page)
    this.pageUsed = 0
    return page
  }

  /** Doubles the entry arrays and the table, re-slotting entries by their stored hashes (no key is re-read). */
  private grow(): void {
    const capacity = this.capacity * 2
    this.capacity = capacity
    this.starts = resized(this.starts, capacity)
    this.lengths = resized(this.lengths, capacity)
    const values = new Float64Array(capacity)
    values.set(this.values)
    this.values = values
    const old = this.table
    const table = new Int32Array(capacity * 4)
    const mask = capacity * 2 - 1
    for (let i = 0; i < old.length; i += 2) {
      const occupant = old[i] ?? 0
      if (occupant === 0) continue
      const h = old[i + 1] ?? 0
      let slot = mix(h) & mask
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask
      table[2 * slot] = occupant
      table[2 * slot + 1] = h
    }
    this.table = table
  }
}

function resized(array: Uint32Array, capacity: number): Uint32Array {
  const next = new Uint32Array(capacity)
  next.set(array)
  return next
}

/** Spreads the hash's high bits into the low bits that pick a slot (murmur3 finaliser). */
function mix(h: number): number {
  let z = h >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}
