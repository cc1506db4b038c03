/**
 * Bytes → text for CRM exports, as a stream. Detection, in order: a forced `--encoding`; a BOM
 * (UTF-8, UTF-16 LE/BE, as Excel's "Unicode text" writes); NUL bytes in every other position
 * (UTF-16 without BOM); otherwise UTF-8, falling back to Windows-1252 when the bytes are not
 * valid UTF-8 (older German/French Excel exports). A file that switches after valid non-ASCII
 * UTF-8 is mixed and cannot be decoded safely: that is an error asking for --encoding.
 */
import { InputFileError } from '../errors.js'

export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const
export type EncodingName = (typeof encodings)[number]

const aliases: Readonly<Record<string, EncodingName>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  win1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  ansi: 'windows-1252',
}

/** `--encoding` value → encoding, or undefined when unknown. */
export function encodingFromName(name: string): EncodingName | undefined {
  return aliases[name.trim().toLowerCase()]
}

export class StreamDecoder {
  readonly #file: string
  #decoder: InstanceType<typeof TextDecoder> | undefined
  #encoding: EncodingName | undefined
  #forced: boolean
  #sawNonAscii = false
  #bom = false
  #bytesSeen = 0
  #resumed = false

  /**
   * `resume`: the bytes start in the middle of a file (at a line start) whose encoding was decided
   * from its beginning: no BOM is looked for, and bytes that are not valid in it are an error
   * (`ENCODING_SWITCH`: the file must be read from its start) instead of a switch.
   */
  constructor(file: string, forced?: EncodingName, resume?: EncodingName) {
    this.#file = file
    this.#forced = forced !== undefined
    this.#encoding = forced ?? resume
    if (resume !== undefined) {
      const encoding = this.encoding
      this.#resumed = true
      this.#decoder = new TextDecoder(encoding, {
        fatal: encoding === 'utf-8' && !this.#forced,
        ignoreBOM: true,
      })
    }
  }

  get encoding(): EncodingName {
    return this.#encoding ?? 'utf-8'
  }

  get bom(): boolean {
    return this.#bom
  }

  /** Decodes the next bytes; the first call decides the encoding. */
  decode(bytes: Uint8Array): string {
    let input = bytes
    if (this.#decoder === undefined) {
      input = this.#start(bytes)
    }
    this.#bytesSeen += bytes.length
    return this.#run(input, true)
  }

  end(): string {
    if (this.#decoder === undefined) return ''
    return this.#run(new Uint8Array(0), false)
  }

  #start(bytes: Uint8Array): Uint8Array {
    let skip = 0
    if (!this.#forced) {
      const detected = detectEncoding(bytes)
      this.#encoding = detected.encoding
      skip = detected.bom
      this.#bom = skip > 0
    }
    const encoding = this.encoding
    this.#decoder = new TextDecoder(encoding, {
      fatal: encoding === 'utf-8' && !this.#forced,
      ignoreBOM: false,
    })
    return skip > 0 ? bytes.subarray(skip) : bytes
  }

  #run(bytes: Uint8Array, stream: boolean): string {
    const decoder = this.#decoder
    if (decoder === undefined) return ''
    try {
      const text = decoder.decode(bytes, { stream })
      if (!this.#sawNonAscii && !this.#resumed && this.#encoding === 'utf-8' && /[^\p{ASCII}]/u.test(text))
        this.#sawNonAscii = true
      return text
    } catch (error) {
      if (this.#resumed) {
        throw new InputFileError(
          'ENCODING_SWITCH',
          this.#file,
          `${this.#file}: invalid ${this.encoding} after byte ${this.#bytesSeen} of a part of the file`,
          { cause: error },
        )
      }
      if (this.#sawNonAscii) {
        throw new InputFileError(
          'ENCODING_MIXED',
          this.#file,
          `${this.#file}: the file mixes UTF-8 with another encoding (invalid UTF-8 near byte ${this.#bytesSeen}); re-save it as UTF-8 or pass --encoding windows-1252`,
          { cause: error },
        )
      }
      // Nothing but ASCII so far, so nothing decoded before this chunk can change: switch.
      this.#encoding = 'windows-1252'
      this.#decoder = new TextDecoder('windows-1252')
      return this.#decoder.decode(bytes, { stream })
    }
  }
}

/**
 * The encoding a file's first chunk of bytes says it has (BOM, else NUL pattern, else valid UTF-8
 * or Windows-1252), and the length of its BOM: what StreamDecoder decides without `--encoding`.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: EncodingName; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 }
  return { encoding: sniffWithoutBom(bytes), bom: 0 }
}

function sniffWithoutBom(bytes: Uint8Array): EncodingName {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n >= 4) {
    let evenNul = 0
    let oddNul = 0
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenNul++
      if (bytes[i + 1] === 0) oddNul++
    }
    const pairs = n / 2
    if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le'
    if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be'
  }
  try {
    // A chunk may end inside a multi-byte character: decode in stream mode.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return 'utf-8'
  } catch {
    return 'windows-1252'
  }
}

/**
 * Typical mojibake: UTF-8 read as Windows-1252 (`Ã¤`, `â€™`) or as Mac Roman (`‚Äô`). Returns the
 * first suspicious fragment, or undefined.
 */
/** cp1252's characters for the bytes 0x80–0xBF, as they appear after a wrong decode */
const CONT = '\u0080-\u00bf\u0152-\u0178\u0192\u02c6\u02dc\u2013-\u2122'
const MOJIBAKE = new RegExp(`Ã[${CONT}]|â€[${CONT}]|‚Ä[ôùú]|Â[\u00a0-\u00bf]`)

export function findMojibake(text: string): string | undefined {
  // every pattern starts with one of these four: searching for them first is 10× faster on clean text
  if (
    text.indexOf('Ã') === -1 &&
    text.indexOf('â') === -1 &&
    text.indexOf('Â') === -1 &&
    text.indexOf('‚') === -1
  )
    return undefined
  const match = MOJIBAKE.exec(text)
  return match?.[0]
}
