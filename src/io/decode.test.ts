import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SalesOpsError } from '../errors.js'
import { StreamDecoder, findMojibake } from './decode.js'

const bytes = (...values: number[]) => new Uint8Array(values)
const decodeAll = (chunks: Uint8Array[]) => {
  const d = new StreamDecoder('x.csv')
  const text = chunks.map((c) => d.decode(c)).join('') + d.end()
  return { text, encoding: d.encoding, bom: d.bom }
}

describe('StreamDecoder', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeAll([bytes(0xef, 0xbb, 0xbf, 0x61, 0x62)])).toEqual({
      text: 'ab',
      encoding: 'utf-8',
      bom: true,
    })
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeAll([bytes(0xff, 0xfe, 0x61, 0x00, 0xe4, 0x00)]).text).toBe('aä')
    expect(decodeAll([bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0xe4)]).text).toBe('aä')
  })

  it('recognises UTF-16 LE without a BOM by its NUL bytes', () => {
    const r = decodeAll([bytes(0x61, 0x00, 0x09, 0x00, 0x62, 0x00, 0x0a, 0x00)])
    expect(r).toEqual({ text: 'a\tb\n', encoding: 'utf-16le', bom: false })
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8 (M\\xfcller)', () => {
    const r = decodeAll([bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80)])
    expect(r).toEqual({ text: 'Müller;€', encoding: 'windows-1252', bom: false })
  })

  it('switches to Windows-1252 in a later chunk when everything before was ASCII', () => {
    const r = decodeAll([bytes(0x61, 0x0a), bytes(0x4d, 0xfc)])
    expect(r.text).toBe('a\nMü')
    expect(r.encoding).toBe('windows-1252')
  })

  it('refuses a file that mixes valid UTF-8 with other bytes', () => {
    const d = new StreamDecoder('x.csv')
    d.decode(bytes(0xc3, 0xa4, 0x0a))
    expect(() => d.decode(bytes(0xfc))).toThrow(SalesOpsError)
  })

  it('keeps a multi-byte character split across chunks', () => {
    expect(decodeAll([bytes(0x61, 0xc3), bytes(0xa4, 0x62)]).text).toBe('aäb')
  })

  it('never throws anything but our typed errors on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 5 }), (chunks) => {
        let thrown: unknown
        try {
          decodeAll(chunks)
        } catch (error) {
          thrown = error
        }
        expect(thrown === undefined || thrown instanceof SalesOpsError).toBe(true)
      }),
    )
  })
})

describe('findMojibake', () => {
  it.each(['MÃ¼ller', 'donâ€™t', 'don‚Äôt', 'GrÃ¶ÃŸe'])('spots %s', (text) => {
    expect(findMojibake(text)).toBeDefined()
  })
  it.each(['Müller', 'Société Générale', 'Ålesund', 'São Paulo'])('leaves %s alone', (text) => {
    expect(findMojibake(text)).toBeUndefined()
  })
})
