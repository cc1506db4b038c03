/** Where keys were first seen (file and line), exact and compact; for duplicate rules. */
import { CompactStringSet } from './compact-string-set.js'
import type { CompactStringSetOptions } from './compact-string-set.js'

export interface Place {
  readonly file: string
  readonly line: number
}

const LINES_PER_FILE = 2 ** 32

export class FirstSeen {
  private readonly set: CompactStringSet
  /** Few distinct file names: the n-th is packed into the stored number as n × 2^32 + line. */
  private readonly files: string[] = []
  private readonly fileIndex = new Map<string, number>()

  constructor(options: CompactStringSetOptions = {}) {
    this.set = new CompactStringSet(options)
  }

  get size(): number {
    return this.set.size
  }

  /** Remembers `key` at `place` unless seen before; returns the earlier place, or undefined when new. */
  see(key: string, place: Place): Place | undefined {
    let index = this.fileIndex.get(place.file)
    if (index === undefined) {
      index = this.files.length
      this.files.push(place.file)
      this.fileIndex.set(place.file, index)
    }
    const earlier = this.set.add(key, index * LINES_PER_FILE + place.line)
    if (earlier === undefined) return undefined
    const earlierIndex = Math.floor(earlier / LINES_PER_FILE)
    return { file: this.files[earlierIndex] ?? '', line: earlier - earlierIndex * LINES_PER_FILE }
  }
}

/** "line 4" in the same file, else "orders-2023.csv line 4". */
export function describePlace(earlier: Place, current: Place): string {
  return earlier.file === current.file ? `line ${earlier.line}` : `${earlier.file} line ${earlier.line}`
}
