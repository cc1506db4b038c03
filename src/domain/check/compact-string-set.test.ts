import { describe, expect, it } from 'vitest'
import { CompactStringSet, fnv1a32 } from './compact-string-set.js'
import { FirstSeen, describePlace } from './first-seen.js'

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published FNV-1a value', (key, hash) => {
    expect(fnv1a32(key)).toBe(hash)
  })
})

describe('CompactStringSet', () => {
  it('returns undefined for a new key and the first value for a repeated one', () => {
    const set = new CompactStringSet()
    expect(set.add('D-1', 2)).toBeUndefined()
    expect(set.add('D-2', 3)).toBeUndefined()
    expect(set.add('D-1', 9)).toBe(2)
    expect(set.get('D-1')).toBe(2)
    expect(set.get('D-3')).toBeUndefined()
    expect(set.has('D-2')).toBe(true)
    expect(set.size).toBe(2)
  })

  it('tells keys apart exactly when every hash collides', () => {
    const set = new CompactStringSet({ hash: () => 42 })
    expect(set.add('abc', 1)).toBeUndefined()
    expect(set.add('abd', 2)).toBeUndefined()
    expect(set.add('ab', 3)).toBeUndefined()
    expect(set.add('', 4)).toBeUndefined()
    expect(set.add('abd', 5)).toBe(2)
    expect(set.add('', 6)).toBe(4)
    expect(set.get('abc')).toBe(1)
    expect(set.get('abcd')).toBeUndefined()
    expect(set.size).toBe(4)
  })

  it('keeps every key and value when it grows past its initial capacity, also with colliding hashes', () => {
    const set = new CompactStringSet({ initialCapacity: 8, hash: (key) => key.length })
    for (let i = 0; i < 1000; i++) expect(set.add(`id-${i}`, i)).toBeUndefined()
    expect(set.size).toBe(1000)
    expect(set.add('id-0', 7)).toBe(0)
    expect(set.add('id-537', 7)).toBe(537)
    expect(set.add('id-999', 7)).toBe(999)
    expect(set.get('id-1000')).toBeUndefined()
  })

  it('grows its arena for long keys', () => {
    const set = new CompactStringSet({ initialCapacity: 8 })
    const long = 'x'.repeat(10_000)
    expect(set.add(long, 1)).toBeUndefined()
    expect(set.add(`${long}y`, 2)).toBeUndefined()
    expect(set.add(long, 3)).toBe(1)
    expect(set.byteLength).toBeGreaterThanOrEqual(20_001)
  })

  it.each([
    ['Latin-1 against wide', 'Müller', 'Müller\u0100'],
    ['CJK', '東京', '東亰'],
    ['emoji (surrogate pairs)', '😀', '😁'],
    ['a lone surrogate', '\ud800', '\udc00'],
    ['NFC against NFD (different code units)', 'é', 'e\u0301'],
  ])('stores %s keys exactly', (_what, a, b) => {
    const set = new CompactStringSet({ hash: () => 1 })
    expect(set.add(a, 10)).toBeUndefined()
    expect(set.add(b, 20)).toBeUndefined()
    expect(set.add(a, 30)).toBe(10)
    expect(set.add(b, 40)).toBe(20)
  })

  it('distinguishes a wide key from a narrow key with the same first byte', () => {
    // 'Ł' (U+0141) is stored as the bytes 41 01, 'A' as the byte 41
    const set = new CompactStringSet({ hash: () => 0 })
    expect(set.add('\u0141', 1)).toBeUndefined()
    expect(set.add('A', 2)).toBeUndefined()
    expect(set.add('\u0141', 3)).toBe(1)
  })

  it('keeps large values such as packed file and line numbers exactly', () => {
    const set = new CompactStringSet()
    set.add('k', 3 * 2 ** 32 + 17)
    expect(set.get('k')).toBe(3 * 2 ** 32 + 17)
  })
})

describe('FirstSeen', () => {
  it('returns the first file and line of a key', () => {
    const seen = new FirstSeen()
    expect(seen.see('D-1', { file: 'a.csv', line: 2 })).toBeUndefined()
    expect(seen.see('D-2', { file: 'b.csv', line: 5 })).toBeUndefined()
    expect(seen.see('D-1', { file: 'b.csv', line: 9 })).toEqual({ file: 'a.csv', line: 2 })
    expect(seen.see('D-2', { file: 'b.csv', line: 11 })).toEqual({ file: 'b.csv', line: 5 })
    expect(seen.size).toBe(2)
  })

  it.each([
    [{ file: 'a.csv', line: 2 }, { file: 'a.csv', line: 9 }, 'line 2'],
    [{ file: 'a.csv', line: 2 }, { file: 'b.csv', line: 9 }, 'a.csv line 2'],
  ])('describes %j as seen from %j as %j', (earlier, current, text) => {
    expect(describePlace(earlier, current)).toBe(text)
  })
})
