import { FNV_OFFSET, KeyLog, describePlace, fnvStep, fnvText } from '../key-log.js'
import { normalizeName, quote } from '../rule-helpers.js'
import type { Deal } from '../../../model/deal.js'
import type { CheckRule, Finding } from '../types.js'

/**
 * The key two deals share when they look like the same deal: the account (its id when given, else
 * its normalised name) and the normalised deal name; undefined when either is missing.
 */
export function likelyDuplicateKey(deal: Pick<Deal, 'account_id' | 'account' | 'name'>): string | undefined {
  if (deal.name === undefined) return undefined
  const name = normalizeName(deal.name)
  if (name === '') return undefined
  if (deal.account_id !== undefined) return `i\u0000${deal.account_id}\u0000${name}`
  if (deal.account !== undefined) return `n\u0000${normalizeName(deal.account)}\u0000${name}`
  return undefined
}

/** The created day as two UTF-16 units (exact for any day), the last part of the same-day key. */
function createdUnits(created: number | undefined): string {
  return created === undefined ? '' : String.fromCharCode(created >>> 16, created & 0xffff)
}

/**
 * FNV-1a of `normalizeName(text)`'s code units, continuing from `h`, without building the string
 * for ASCII text (trim, runs of whitespace to one space, A–Z to a–z: what normalizeName does to
 * ASCII); undefined when the normalised text is empty.
 */
function foldNormalized(h: number, text: string): number | undefined {
  let out = h
  let started = false
  let space = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) {
      const normalized = normalizeName(text)
      return normalized === '' ? undefined : fnvText(h, normalized)
    }
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started
      continue
    }
    if (space) {
      out = fnvStep(out, 32)
      space = false
    }
    out = fnvStep(out, c >= 65 && c <= 90 ? c + 32 : c)
    started = true
  }
  return started ? out : undefined
}

/** The hash of `likelyDuplicateKey(deal)`'s code units (FNV-1a), or undefined when there is no key. */
export function likelyDuplicateHash(deal: Pick<Deal, 'account_id' | 'account' | 'name'>): number | undefined {
  if (deal.name === undefined) return undefined
  let h: number | undefined
  if (deal.account_id !== undefined) {
    h = fnvText(fnvStep(fnvStep(FNV_OFFSET, 0x69), 0), deal.account_id)
  } else if (deal.account !== undefined) {
    const start = fnvStep(fnvStep(FNV_OFFSET, 0x6e), 0)
    h = foldNormalized(start, deal.account) ?? start // an empty account name is still a key part
  } else {
    return undefined
  }
  return foldNormalized(fnvStep(h, 0), deal.name)
}

/** Stored fields of a logged deal: id, account id, account name (only without an id), name, created. */
const F = { Id: 0, AccountId: 1, Account: 2, Name: 3, Created: 4 } as const

/** The start of the hash of a key by account id, and of one by account name (`likelyDuplicateHash`). */
const BY_ACCOUNT_ID = fnvStep(fnvStep(FNV_OFFSET, 0x69), 0)
const BY_ACCOUNT_NAME = fnvStep(fnvStep(FNV_OFFSET, 0x6e), 0)

export const likelyDuplicateDeal: CheckRule<'deal'> = {
  id: 'likely-duplicate-deal',
  entity: 'deal',
  severity: 'warning',
  description:
    "Two deals have the same account (id, else name) and the same name ignoring case and spacing, and either both are open (double-counted pipeline) or both were created on the same day (double entry or import); each later one is reported with the first one's line. Same-named deals of different days, such as yearly renewals, are not duplicates.",
  reads: ['id', 'name', 'account_id', 'account', 'created', 'status'],
  create: () => {
    // key 0: account + name + created day (every keyed deal); key 1: account + name (open deals)
    const log = new KeyLog(2)
    return {
      add: (deal) => {
        // likelyDuplicateHash(deal), computed while the fields are stored (one pass over each text)
        const { name, account_id: accountId, account } = deal
        if (name === undefined || (accountId === undefined && account === undefined)) return undefined
        log.begin(deal.source_file, deal.source_line)
        log.text(deal.id)
        let h: number
        if (accountId !== undefined) {
          h = log.textHash(accountId, BY_ACCOUNT_ID)
          log.text(undefined)
        } else {
          log.text(undefined)
          // an empty account name is still a key part
          h = log.textFoldHash(account ?? '', BY_ACCOUNT_NAME) ?? BY_ACCOUNT_NAME
        }
        const key = log.textFoldHash(name, fnvStep(h, 0))
        if (key === undefined) {
          log.cancel()
          return undefined
        }
        log.int(deal.created)
        let sameDay = fnvStep(key, 0)
        if (deal.created !== undefined) {
          sameDay = fnvStep(fnvStep(sameDay, (deal.created >>> 16) & 0xffff), deal.created & 0xffff)
        }
        log.end(sameDay, deal.status === 'open' ? key : undefined)
        return undefined
      },
      end: () => {
        const keyOf = (fields: readonly (string | number | undefined)[]): string =>
          likelyDuplicateKey({
            name: fields[F.Name] as string,
            account_id: fields[F.AccountId] as string | undefined,
            account: fields[F.Account] as string | undefined,
          }) ?? ''
        // the same name, account id, account name (and day) in the same bytes: the same key
        const byDay = log.resolve(
          0,
          (fields) => `${keyOf(fields)}\u0000${createdUnits(fields[F.Created] as number | undefined)}`,
          [F.AccountId, F.Created + 1],
        )
        const byOpen = log.resolve(1, keyOf, [F.AccountId, F.Name + 1])
        const findings: Finding[] = []
        // the entries of either kind in input order (a typed array sorts numbers natively)
        const entries = Uint32Array.from([...byDay.keys(), ...byOpen.keys()]).sort()
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i] ?? 0
          if (i > 0 && entries[i - 1] === e) continue
          const day = byDay.get(e)
          const earlier = day ?? byOpen.get(e)
          if (earlier === undefined) continue
          const fields = log.fields(e)
          const place = log.place(e)
          const account = (fields[F.AccountId] ?? fields[F.Account] ?? '') as string
          findings.push({
            rule: likelyDuplicateDeal.id,
            severity: likelyDuplicateDeal.severity,
            file: place.file,
            line: place.line,
            entity: 'deal',
            record_id: fields[F.Id] as string,
            message: `deal ${quote((fields[F.Name] as string | undefined) ?? '')} for account ${quote(account)} looks like a duplicate of ${describePlace(log.place(earlier), place)} (same account and name, ${day === undefined ? 'both open' : 'created the same day'})`,
          })
        }
        log.clear()
        return findings
      },
      part: () => log.part(),
      absorb: (parts) => {
        log.absorb(parts)
      },
    }
  },
}
