import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FNV_OFFSET, KeyLog, describePlace, fnvText } from './key-log.js'
import type { Field, KeyLogState } from './key-log.js'
import { normalizeName } from './rule-helpers.js'

/** A log of one text key; `hash` may be forced (a constant makes every key collide). */
function logOf(
  keys: readonly string[],
  hash: (key: string) => number = (k) => fnvText(FNV_OFFSET, k),
): KeyLog {
  const log = new KeyLog(1)
  keys.forEach((key, i) => {
    log.begin('a.csv', i + 2)
    log.text(key)
    log.end(hash(key))
  })
  return log
}

/** "first seen" by a plain Map: entry → earlier entry, for entries whose key came before. */
function expected(keys: readonly string[]): Map<number, number> {
  const first = new Map<string, number>()
  const out = new Map<number, number>()
  keys.forEach((key, i) => {
    const seen = first.get(key)
    if (seen === undefined) first.set(key, i)
    else out.set(i, seen)
  })
  return out
}

const keyOf = (fields: readonly Field[]): string => fields[0] as string

describe('KeyLog', () => {
  it('finds the first entry of every repeated key, and only repeated keys', () => {
    const keys = ['D-1', 'D-2', 'D-1', 'd-1', 'D-1', 'D-3', 'D-2']
    expect(logOf(keys).resolve(0, keyOf)).toEqual(
      new Map([
        [2, 0],
        [4, 0],
        [6, 1],
      ]),
    )
  })

  it('tells colliding keys apart by comparing the keys themselves', () => {
    const keys = ['a', 'b', 'a', 'c', 'b', 'b']
    expect(logOf(keys, () => 42).resolve(0, keyOf)).toEqual(expected(keys))
  })

  it('keeps text of any code units, integers and absent fields exactly', () => {
    const log = new KeyLog(2)
    const long = 'x'.repeat(3_000_000) // longer than a page of the arena
    const values: Field[][] = [
      ['Grün', 'ä\u0101€\ud800', -5, undefined],
      [long, '', 2 ** 31 - 1, 0],
      ['', undefined, -(2 ** 31), 7],
    ]
    for (const [i, fields] of values.entries()) {
      log.begin(i === 2 ? 'b.csv' : 'a.csv', 10 + i)
      log.text(fields[0] as string)
      log.text(fields[1] as string | undefined)
      log.int(fields[2] as number)
      log.int(fields[3] as number | undefined)
      log.end(i, i === 1 ? 9 : undefined)
    }
    values.forEach((fields, i) => {
      expect(log.fields(i)).toEqual(fields)
    })
    expect([0, 1, 2].map((i) => log.place(i))).toEqual([
      { file: 'a.csv', line: 10 },
      { file: 'a.csv', line: 11 },
      { file: 'b.csv', line: 12 },
    ])
  })

  it('resolves the same across parts handed over and absorbed, in input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'é', '\u4e00'), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
        fc.boolean(),
        (keys, cuts, collide) => {
          const hash = collide ? (k: string) => k.length : (k: string) => fnvText(FNV_OFFSET, k)
          // the keys cut into pieces, each logged on its own (as a worker would) but the first
          const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, keys.length)), keys.length])].sort(
            (a, b) => a - b,
          )
          const whole = new KeyLog(1)
          for (let p = 0; p + 1 < bounds.length; p++) {
            const from = bounds[p] ?? 0
            const piece = keys.slice(from, bounds[p + 1])
            const log = new KeyLog(1)
            piece.forEach((key, i) => {
              log.begin('a.csv', from + i + 2)
              log.text(key)
              log.end(hash(key))
            })
            if (p === 0) {
              // the first piece stays in the log that absorbs the others
              piece.forEach((key, i) => {
                whole.begin('a.csv', from + i + 2)
                whole.text(key)
                whole.end(hash(key))
              })
            } else {
              const states: KeyLogState[] = structuredClone(log.part())
              whole.absorb(states)
            }
          }
          expect(whole.resolve(0, keyOf)).toEqual(expected(keys))
          keys.forEach((_, i) => {
            expect(whole.place(i).line).toBe(i + 2)
          })
        },
      ),
    )
  })

  it('takes entries whose key fields hold the same bytes for the same key, without rebuilding it', () => {
    // fields: an id (not part of the key), then the key text; every hash collides
    const rows: [string, string][] = [
      ['D-1', 'acme'],
      ['D-2', 'ACME'],
      ['D-3', 'acme'],
      ['D-4', 'globex'],
      ['D-5', 'Acme'],
    ]
    const log = new KeyLog(1)
    rows.forEach(([id, key], i) => {
      log.begin('a.csv', i + 2)
      log.text(id)
      log.text(key)
      log.end(7)
    })
    let calls = 0
    const caseless = (fields: readonly Field[]): string => {
      calls++
      return (fields[1] as string).toLowerCase()
    }
    // a group of five (acme = ACME = Acme here): the third acme is matched by its bytes; the
    // others' keys are rebuilt once each (the first one's when the second differs from it)
    expect(log.resolve(0, caseless, [1, 2])).toEqual(
      new Map([
        [1, 0],
        [2, 0],
        [4, 0],
      ]),
    )
    expect(calls).toBe(4)
    // pairs: byte-equal key fields need no keyOf; different bytes still go through keyOf
    const pairs = new KeyLog(1)
    rows.slice(0, 3).forEach(([id, key], i) => {
      pairs.begin('a.csv', i + 2)
      pairs.text(id)
      pairs.text(key)
      pairs.end(i === 1 ? 8 : 7)
    })
    calls = 0
    expect(pairs.resolve(0, caseless, [1, 2])).toEqual(new Map([[2, 0]]))
    expect(calls).toBe(0)
    const differ = new KeyLog(1)
    rows.slice(0, 2).forEach(([id, key], i) => {
      differ.begin('a.csv', i + 2)
      differ.text(id)
      differ.text(key)
      differ.end(7)
    })
    expect(differ.resolve(0, caseless, [1, 2])).toEqual(new Map([[1, 0]]))
    expect(calls).toBe(2)
  })

  it('resolves a second key only over the entries that have it', () => {
    const log = new KeyLog(2)
    const rows: [string, boolean][] = [
      ['a', true],
      ['a', false],
      ['a', true],
      ['b', false],
      ['a', true],
    ]
    rows.forEach(([key, open], i) => {
      log.begin('a.csv', i + 2)
      log.text(key)
      log.end(1, open ? fnvText(FNV_OFFSET, key) : undefined)
    })
    expect(log.resolve(1, keyOf)).toEqual(
      new Map([
        [2, 0],
        [4, 0],
      ]),
    )
    expect(log.resolve(0, keyOf)).toEqual(
      new Map([
        [1, 0],
        [2, 0],
        [4, 0],
      ]),
    )
  })

  it.each([
    [{ file: 'a.csv', line: 2 }, { file: 'a.csv', line: 9 }, 'line 2'],
    [{ file: 'a.csv', line: 2 }, { file: 'b.csv', line: 9 }, 'a.csv line 2'],
  ])('describes %j as seen from %j as %j', (earlier, current, text) => {
    expect(describePlace(earlier, current)).toBe(text)
  })
})

describe('KeyLog fields stored and hashed in one pass', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string(),
    fc.constantFrom(
      '  Big   Deal ',
      'ACME\tCorp',
      'Müller  GmbH',
      '\u00c9cole',
      'e\u0301cole',
      '\u4e00 x',
      '   ',
      '',
    ),
  )

  it('textHash gives fnvText and textFoldHash the hash of normalizeName, and both keep the text', () => {
    fc.assert(
      fc.property(text, text, fc.integer(), (a, b, seed) => {
        const h = seed | 0
        const log = new KeyLog(1)
        log.begin('a.csv', 2)
        const ha = log.textHash(a, h)
        const hb = log.textFoldHash(b, h)
        log.end(ha)
        expect(ha).toBe(fnvText(h, a))
        const normalized = normalizeName(b)
        expect(hb).toBe(normalized === '' ? undefined : fnvText(h, normalized))
        expect(log.fields(0)).toEqual([a, b])
      }),
    )
  })

  it('forgets a cancelled entry', () => {
    const log = new KeyLog(1)
    log.begin('a.csv', 2)
    log.text('kept')
    log.end(1)
    log.begin('a.csv', 3)
    log.text('x'.repeat(2_000_000)) // moves the entry to a page of its own
    log.cancel()
    log.begin('b.csv', 4)
    log.text('next')
    log.end(2)
    expect(log.size).toBe(2)
    expect([log.fields(0), log.fields(1)]).toEqual([['kept'], ['next']])
    expect([log.place(0), log.place(1)]).toEqual([
      { file: 'a.csv', line: 2 },
      { file: 'b.csv', line: 4 },
    ])
  })
})
