/**
 * Credit: which rep is credited with how much of which won deal, on which day. The credit basis
 * (amount or ARR) and the credit date (close date or payment date) are set once per plan file.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Contract } from '../../model/contract.js'
import type { Deal } from '../../model/deal.js'
import type { Cents } from '../../model/money.js'
import type { Rep } from '../../model/rep.js'
import { normalizeName } from '../check/rule-helpers.js'
import { ownerMatcher } from '../reps/rep-matching.js'
import { mulFraction } from './exact-money.js'
import type { PlanSet } from './plan.js'

/** One owner's part of a deal's credit (0 < share ≤ 1). */
export interface Share {
  readonly owner: string
  readonly share: number
}

/** A deal's commission extras: payment date, ARR and parsed split shares (from the deal record or a splits file). */
export interface DealExtras {
  readonly paymentDate?: CalendarDate
  readonly arr?: Cents
  readonly split?: readonly Share[]
}

export interface CreditLine {
  readonly deal: Deal
  /** the credited rep's index in the reps list */
  readonly repIndex: number
  /** the credit date (close date or payment date) */
  readonly date: CalendarDate
  /** the deal's basis amount (amount or ARR), whole */
  readonly amount: Cents
  readonly share: number
  /** this rep's credit: amount × share (see `creditLines` for rounding) */
  readonly credited: Cents
  /** for a manager's roll-up line: the name of the rep whose credit it is */
  readonly via?: string
}

export interface CreditResult {
  readonly lines: readonly CreditLine[]
  readonly notes: readonly string[]
}

/**
 * What is wrong with a deal's split, or undefined: shares must be above 0, owners distinct, and the
 * shares must sum to 100% (to the millionth).
 *
 * @example
 *   splitProblem([{ owner: 'Ann', share: 0.6 }, { owner: 'Bo', share: 0.3 }]) //=> 'shares sum to 90%, not 100%'
 */
export function splitProblem(shares: readonly Share[]): string | undefined {
  if (shares.length === 0) return 'no owners'
  const owners = new Set<string>()
  let total = 0
  for (const s of shares) {
    if (!(s.share > 0)) return `${s.owner}: a share must be above 0`
    const key = normalizeName(s.owner)
    if (owners.has(key)) return `${s.owner} appears twice`
    owners.add(key)
    total += Math.round(s.share * 1_000_000)
  }
  return total === 1_000_000 ? undefined : `shares sum to ${total / 10_000}%, not 100%`
}

function examples(items: readonly string[]): string {
  const shown = [...new Set(items)].slice(0, 3)
  return `${shown.join(', ')}${new Set(items).size > 3 ? ', …' : ''}`
}

/**
 * The credit lines of the won deals. A deal is credited on its credit date (close date, or the
 * `payment_date` column with `credit_date: payment_date`: a won deal without one is not credited yet)
 * with its basis amount (amount, or the `arr` column with `basis: arr`; a deal without ARR is credited
 * its amount). Each owner of its split (a splits file or a `split` column; else the deal owner with
 * 100%) gets amount × share rounded half away from zero to the cent; the **last** owner of the split
 * gets the remainder, so the credits of a deal always add up to its amount.
 *
 * @example
 *   // a deal of 1,000.01 split Ann 60% / Bo 40%: Ann 600.01 (600.006 rounded), Bo 1,000.01 − 600.01 = 400.00
 */
export function creditLines(
  deals: readonly Deal[],
  reps: readonly Rep[],
  set: Pick<PlanSet, 'basis' | 'creditDate'>,
  extrasOf: (deal: Deal) => DealExtras | undefined = () => undefined,
): CreditResult {
  const match = ownerMatcher(reps)
  const lines: CreditLine[] = []
  const undated: string[] = []
  const noAmount: string[] = []
  const noOwner: string[] = []
  const unknownOwners: string[] = []
  for (const deal of deals) {
    if (deal.status !== 'won') continue
    const extras = extrasOf(deal)
    const date = set.creditDate === 'close_date' ? deal.close_date : extras?.paymentDate
    if (date === undefined) {
      undated.push(deal.id)
      continue
    }
    const amount = set.basis === 'arr' ? (extras?.arr ?? deal.amount) : deal.amount
    if (amount === undefined) {
      noAmount.push(deal.id)
      continue
    }
    const shares = extras?.split ?? (deal.owner === undefined ? [] : [{ owner: deal.owner, share: 1 }])
    if (shares.length === 0) {
      noOwner.push(deal.id)
      continue
    }
    let given = 0
    shares.forEach((s, i) => {
      const credited = i === shares.length - 1 ? amount - given : mulFraction(amount, s.share)
      given += credited
      const repIndex = match(s.owner)
      if (repIndex === undefined) {
        unknownOwners.push(s.owner)
        return
      }
      lines.push({ deal, repIndex, date, amount, share: s.share, credited: credited as Cents })
    })
  }
  const notes: string[] = []
  if (undated.length > 0)
    notes.push(
      `${undated.length} won deal(s) without a ${set.creditDate === 'close_date' ? 'close date' : 'payment date'} are not credited (${examples(undated)})`,
    )
  if (noAmount.length > 0)
    notes.push(`${noAmount.length} won deal(s) without an amount are not credited (${examples(noAmount)})`)
  if (noOwner.length > 0)
    notes.push(`${noOwner.length} won deal(s) without an owner are not credited (${examples(noOwner)})`)
  if (unknownOwners.length > 0)
    notes.push(
      `${unknownOwners.length} credit(s) name an owner that is not in --reps and are not paid (${examples(unknownOwners)})`,
    )
  return { lines, notes }
}

/**
 * When the customer of a deal churned: the earliest `churn_date` on or after `since` among the
 * contracts of the deal's account (`account_id`), of the deal's product when both name one.
 */
export type ChurnLookup = (deal: Deal, since: CalendarDate) => CalendarDate | undefined

export function churnLookup(contracts: readonly Contract[]): ChurnLookup {
  const byAccount = new Map<string, Contract[]>()
  for (const c of contracts) {
    if (c.churn_date === undefined) continue
    const list = byAccount.get(c.account_id)
    if (list === undefined) byAccount.set(c.account_id, [c])
    else list.push(c)
  }
  return (deal, since) => {
    if (deal.account_id === undefined) return undefined
    let first: CalendarDate | undefined
    for (const c of byAccount.get(deal.account_id) ?? []) {
      if (c.churn_date === undefined || c.churn_date < since) continue
      if (
        c.product !== undefined &&
        deal.product !== undefined &&
        normalizeName(c.product) !== normalizeName(deal.product)
      )
        continue
      if (first === undefined || c.churn_date < first) first = c.churn_date
    }
    return first
  }
}
