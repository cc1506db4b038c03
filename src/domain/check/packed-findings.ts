/**
 * Findings in a compact form for handing over between threads: the few distinct rule, severity,
 * file and entity names once, numbers in typed arrays (transferable) and the ids and messages as
 * one text. Cloning a hundred thousand small objects cost the receiving thread more than the
 * checking of thousands of rows; this is one string and a few buffers.
 */
import type { EntityName } from '../../model/cells.js'
import type { Finding, Severity } from './types.js'

export interface PackedFindings {
  readonly count: number
  /** the distinct rule, severity, file and entity names */
  readonly names: readonly string[]
  /** per finding: the indexes of its rule, severity, file and entity in `names` */
  readonly codes: Uint32Array
  readonly lines: Uint32Array
  /** per finding: the lengths of its record id and of its message in `text` */
  readonly lengths: Uint32Array
  /** the record ids and messages, one after the other */
  readonly text: string
}

export function packFindings(findings: readonly Finding[]): PackedFindings {
  const index = new Map<string, number>()
  const names: string[] = []
  const code = (name: string): number => {
    let i = index.get(name)
    if (i === undefined) {
      i = names.length
      names.push(name)
      index.set(name, i)
    }
    return i
  }
  const n = findings.length
  const codes = new Uint32Array(4 * n)
  const lines = new Uint32Array(n)
  const lengths = new Uint32Array(2 * n)
  const texts: string[] = []
  findings.forEach((f, i) => {
    codes[4 * i] = code(f.rule)
    codes[4 * i + 1] = code(f.severity)
    codes[4 * i + 2] = code(f.file)
    codes[4 * i + 3] = code(f.entity)
    lines[i] = f.line
    lengths[2 * i] = f.record_id.length
    lengths[2 * i + 1] = f.message.length
    texts.push(f.record_id, f.message)
  })
  return { count: n, names, codes, lines, lengths, text: texts.join('') }
}

export function unpackFindings(packed: PackedFindings): Finding[] {
  const { names, codes, lines, lengths, text } = packed
  const out: Finding[] = []
  let at = 0
  for (let i = 0; i < packed.count; i++) {
    const idLength = lengths[2 * i] ?? 0
    const messageLength = lengths[2 * i + 1] ?? 0
    out.push({
      rule: names[codes[4 * i] ?? 0] ?? '',
      severity: names[codes[4 * i + 1] ?? 0] as Severity,
      file: names[codes[4 * i + 2] ?? 0] ?? '',
      line: lines[i] ?? 0,
      entity: names[codes[4 * i + 3] ?? 0] as EntityName,
      record_id: text.slice(at, at + idLength),
      message: text.slice(at + idLength, at + idLength + messageLength),
    })
    at += idLength + messageLength
  }
  return out
}

/** The buffers of packed findings, to transfer rather than copy them. */
export function packedBuffers(packed: PackedFindings): ArrayBuffer[] {
  return [packed.codes.buffer, packed.lines.buffer, packed.lengths.buffer] as ArrayBuffer[]
}
