import { quote } from '../rule-helpers.js'
import type { CheckRule } from '../types.js'

/**
 * Telltale sequences of UTF-8 text decoded with the wrong code page:
 * - Windows-1252: "Ã¤" (ä), "Ã¼" (ü), "ÃŸ" (ß), "Ã©" (é), "Â " (no-break space), "â€™" (’), "â€œ" (“), "â‚¬" (€);
 * - Mac Roman: "‚Äô" (’), "√§" (ä), "√º" (ü);
 * - U+FFFD: bytes that were not text at all were replaced.
 */
const telltale = /Ã[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Â[\u00A0-\u00BF]|â€.?|â‚¬|‚Ä|√[§∂ºü©]|\uFFFD/

/** Windows-1252 bytes 0x80–0x9F that are not C1 controls, by character. */
const cp1252High = new Map<string, number>(
  Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ', (ch, i) => [ch, 0x80 + i]),
)
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The text as it was before UTF-8 bytes were read as Windows-1252, or undefined when that does not decode. */
export function repairCp1252(text: string): string | undefined {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const byte = unit <= 0xff && (unit < 0x80 || unit > 0x9f) ? unit : cp1252High.get(text.charAt(i))
    if (byte === undefined) return undefined
    bytes[i] = byte
  }
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** A message when `text` shows mojibake, else undefined. */
export function describeMojibake(field: string, text: string): string | undefined {
  // test() first: it makes no match object, and almost every text is clean
  if (!telltale.test(text)) return undefined
  const match = telltale.exec(text)
  if (match === null) return undefined
  const found = match[0]
  if (found === '\uFFFD') {
    return `${field} ${quote(text)} contains U+FFFD: bytes that were not valid text were replaced (pass the file's --encoding)`
  }
  if (found.startsWith('‚') || found.startsWith('√')) {
    return `${field} ${quote(text)} contains ${quote(found)}: UTF-8 text read as Mac Roman (re-export as UTF-8)`
  }
  const repaired = repairCp1252(text)
  const expected = repaired === undefined ? '' : `; expected ${quote(repaired)}`
  return `${field} ${quote(text)} contains ${quote(found)}: UTF-8 text read as Windows-1252${expected}`
}

/** The message for the first of up to three fields showing mojibake (one finding per record). */
function firstMojibake(
  field1: string,
  value1: string | undefined,
  field2: string,
  value2: string | undefined,
  field3: string,
  value3: string | undefined,
): string | undefined {
  // (plain arguments: this runs for every record, and arrays of pairs cost a million allocations)
  return (
    (value1 === undefined ? undefined : describeMojibake(field1, value1)) ??
    (value2 === undefined ? undefined : describeMojibake(field2, value2)) ??
    (value3 === undefined ? undefined : describeMojibake(field3, value3))
  )
}

const description = (entity: string, fields: string): string =>
  `A ${entity}'s ${fields} shows mojibake such as "Ã¼" for "ü" or "â€™" for "’": the file was decoded with the wrong encoding (reported once per record).`

export const dealMojibake: CheckRule<'deal'> = {
  id: 'mojibake',
  entity: 'deal',
  severity: 'warning',
  description: description('deal', 'name, account or owner'),
  reads: ['name', 'account', 'owner'],
  check: (deal) => firstMojibake('name', deal.name, 'account', deal.account, 'owner', deal.owner),
}

export const accountMojibake: CheckRule<'account'> = {
  id: 'mojibake',
  entity: 'account',
  severity: 'warning',
  description: description('account', 'name, owner or city'),
  reads: ['name', 'owner', 'city'],
  check: (account) => firstMojibake('name', account.name, 'owner', account.owner, 'city', account.city),
}
