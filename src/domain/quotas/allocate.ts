/**
 * `quotas allocate`: a company target split top-down into rep quotas. PURE.
 *
 * 1. Quota carriers: reps that are not managers (role "Manager" or someone's manager) and carry a
 *    month of the plan period (hired by its last month, not gone before it starts).
 * 2. Basis weight b_i: `even` 1; `history` the rep's won amount in the trailing 12 months (reps hired
 *    after the window started get the mean of the full-window reps: a seat is expected to sell like
 *    an average seat); `potential` Σ potential of the accounts the rep owns; `blend:w`
 *    w × history share + (1 − w) × potential share. basis_share_i = b_i ÷ Σ b.
 * 3. Ramp factor r_i: the mean over the period's months of the month factors (ramp.ts): 1 for a
 *    ramped rep employed all year, 0.25/0.5/0.75 in a new hire's first months with `--ramp 25,50,75`,
 *    0 for months before hire or after leaving.
 * 4. Redistribution: quota_i ∝ basis_share_i × r_i, scaled so Σ quota = target. The quota a ramping
 *    rep does not carry is therefore spread over every carrier in proportion to their ramped weight
 *    (the full, unramped quota of rep i is target × s_i ÷ Σ s_j r_j). Cents by largest remainder,
 *    ties to the rep with the smaller id.
 * 5. Seasonality: each rep's quota is split over the period's quarters (or months) in proportion to
 *    season_q × ramp_q (the historical won share of the quarter's fiscal months × the rep's month
 *    factors in it), again by largest remainder (ties to the earlier quarter), so quarter rows add up
 *    to the rep's quota, and reps to the target.
 */
import type { Account } from '../../model/account.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Rep } from '../../model/rep.js'
import { ownerMatcher } from '../reps/rep-matching.js'
import { managerIndices } from '../reps/roster.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'
import { periodOf } from '../shared/period.js'
import { compareKeys } from '../shared/group-by.js'
import { bookings, fiscalMonth, seasonalProfile, trailingWindow } from './history.js'
import { largestRemainder } from './largest-remainder.js'
import { monthFactors, monthStarts } from './ramp.js'

export type QuotaBasis =
  | { readonly kind: 'even' }
  | { readonly kind: 'history' }
  | { readonly kind: 'potential' }
  | { readonly kind: 'blend'; readonly historyWeight: number }

export interface AllocateOptions {
  /** cents, > 0 */
  readonly target: number
  readonly period: Period
  readonly basis: QuotaBasis
  /** fractions of a full quota per tenure month, e.g. [0.25, 0.5, 0.75]; [] for none */
  readonly ramp: readonly number[]
  /** split each rep's quota by historical seasonality into these periods; undefined: one row per rep */
  readonly split?: Extract<Grain, 'quarter' | 'month'>
  /** with split: weight the split by history (true) or by the rep's months only (false) */
  readonly seasonality: boolean
  readonly calendar: FiscalCalendar
  readonly asOf: CalendarDate
  readonly deals?: readonly Deal[]
  readonly accounts?: readonly Account[]
}

export interface QuotaRow {
  rep: string
  rep_id: string
  team: string | null
  region: string | null
  period: string
  period_start: CalendarDate
  period_end: CalendarDate
  /** cents */
  quota: number
  basis_share: number
  ramp_factor: number
}

export interface QuotaPlan {
  readonly rows: QuotaRow[]
  readonly notes: string[]
  /** why nothing could be allocated (every basis weight 0, no quota carriers) */
  readonly failure?: string
}

interface Carrier {
  readonly rep: Rep
  readonly months: number[]
}

function shares(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (total === 0 ? 0 : w / total))
}

/** The basis weights of the carriers (in carrier order), with notes. */
export function basisWeights(
  carriers: readonly Rep[],
  options: Pick<AllocateOptions, 'basis' | 'deals' | 'accounts' | 'period' | 'asOf'>,
  notes: string[],
): number[] {
  const { basis } = options
  if (basis.kind === 'even') return carriers.map(() => 1)
  const match = ownerMatcher(carriers)
  const history = (): number[] => {
    const window = trailingWindow(options.period, options.asOf)
    const byRep = carriers.map((): Deal[] => [])
    for (const deal of options.deals ?? []) {
      const i = match(deal.owner)
      if (i !== undefined) byRep[i]?.push(deal)
    }
    const full = carriers.map((r) => r.hire_date === undefined || r.hire_date <= window.start)
    const amounts = byRep.map((deals) => bookings(deals, window, options.asOf))
    const fullAmounts = amounts.filter((_, i) => full[i])
    const seat = fullAmounts.length === 0 ? 0 : fullAmounts.reduce((a, b) => a + b, 0) / fullAmounts.length
    const newSeats = full.filter((f) => !f).length
    if (newSeats > 0)
      notes.push(
        `${newSeats === 1 ? '1 rep hired after the history window started gets' : `${newSeats} reps hired after the history window started get`} the mean bookings of the other reps as basis`,
      )
    return amounts.map((a, i) => (full[i] ? a : seat))
  }
  const potential = (): number[] => {
    const totals = carriers.map(() => 0)
    for (const account of options.accounts ?? []) {
      const i = match(account.owner)
      if (i !== undefined) totals[i] = (totals[i] ?? 0) + (account.potential ?? 0)
    }
    const none = totals.filter((t) => t === 0).length
    if (none > 0)
      notes.push(`${none} rep${none === 1 ? ' owns' : 's own'} no account potential: basis 0 from potential`)
    return totals
  }
  if (basis.kind === 'history') return history()
  if (basis.kind === 'potential') return potential()
  const h = shares(history())
  const p = shares(potential())
  return h.map((s, i) => basis.historyWeight * s + (1 - basis.historyWeight) * (p[i] ?? 0))
}

/** The quota carriers of a plan period, in rep id order (the tie-break order). */
export function quotaCarriers(reps: readonly Rep[], period: Period, ramp: readonly number[]): Carrier[] {
  const managers = managerIndices(reps, ownerMatcher(reps))
  return reps
    .filter((_, i) => !managers.has(i))
    .map((rep) => ({ rep, months: monthFactors(rep, period, ramp) }))
    .filter((c) => c.months.some((f) => f > 0))
    .sort((a, b) => compareKeys(a.rep.id, b.rep.id))
}

export function allocateQuotas(reps: readonly Rep[], options: AllocateOptions): QuotaPlan {
  const notes: string[] = []
  const carriers = quotaCarriers(reps, options.period, options.ramp)
  if (carriers.length === 0)
    return { rows: [], notes, failure: `no quota-carrying reps are employed in ${options.period.label}` }
  const weights = basisWeights(
    carriers.map((c) => c.rep),
    options,
    notes,
  )
  const basisShare = shares(weights)
  const rampFactor = carriers.map((c) => c.months.reduce((a, b) => a + b, 0) / c.months.length)
  const quotas = largestRemainder(
    options.target,
    basisShare.map((s, i) => s * (rampFactor[i] ?? 0)),
  )
  if (quotas === null)
    return {
      rows: [],
      notes,
      failure: `every quota carrier has a ${options.basis.kind} basis of 0: nothing to allocate by`,
    }
  const base = (
    i: number,
  ): Omit<QuotaRow, 'period' | 'period_start' | 'period_end' | 'quota' | 'ramp_factor'> => {
    const rep = carriers[i]?.rep as Rep
    return {
      rep: rep.name,
      rep_id: rep.id,
      team: rep.team ?? null,
      region: rep.region ?? null,
      basis_share: basisShare[i] ?? 0,
    }
  }
  if (options.split === undefined) {
    const rows = carriers.map((_, i) => ({
      ...base(i),
      period: options.period.label,
      period_start: options.period.start,
      period_end: options.period.end,
      quota: quotas[i] ?? 0,
      ramp_factor: rampFactor[i] ?? 0,
    }))
    return { rows: sortRows(rows), notes }
  }
  const starts = monthStarts(options.period)
  const parts = periodsOf(options.period, options.split, options.calendar)
  const season = options.seasonality
    ? seasonalProfile(
        options.deals ?? [],
        trailingWindow(options.period, options.asOf),
        options.asOf,
        options.calendar,
      )
    : new Array<number>(12).fill(1)
  if (options.seasonality && season.every((s) => s === 0))
    notes.push('no won deals in the 24 months of seasonality history: split by months only')
  const seasonOf = (m: number): number =>
    season.every((s) => s === 0) ? 1 : (season[fiscalMonth(m as CalendarDate, options.calendar)] ?? 0)
  const rows: QuotaRow[] = []
  carriers.forEach((carrier, i) => {
    const partMonths = parts.map((p) =>
      starts.map((m, k) => ({ m, k })).filter(({ m }) => m >= p.start && m < p.end),
    )
    const seasonal = partMonths.map((ms) =>
      ms.reduce((a, { m, k }) => a + seasonOf(m) * (carrier.months[k] ?? 0), 0),
    )
    const plain = partMonths.map((ms) => ms.reduce((a, { k }) => a + (carrier.months[k] ?? 0), 0))
    const amounts =
      largestRemainder(quotas[i] ?? 0, seasonal) ??
      largestRemainder(quotas[i] ?? 0, plain) ??
      parts.map(() => 0)
    parts.forEach((p, q) => {
      rows.push({
        ...base(i),
        period: p.label,
        period_start: p.start,
        period_end: p.end,
        quota: amounts[q] ?? 0,
        ramp_factor: (plain[q] ?? 0) / (partMonths[q]?.length ?? 1),
      })
    })
  })
  return { rows: sortRows(rows), notes }
}

function periodsOf(period: Period, grain: 'quarter' | 'month', cal: FiscalCalendar): Period[] {
  const out: Period[] = []
  for (let p = periodOf(period.start, grain, cal); p.start < period.end; p = periodOf(p.end, grain, cal))
    out.push(p)
  return out
}

/** Output order: team, then rep name, then rep id, then period. */
function sortRows(rows: QuotaRow[]): QuotaRow[] {
  return rows.sort(
    (a, b) =>
      compareKeys(a.team ?? '', b.team ?? '') ||
      compareKeys(a.rep, b.rep) ||
      compareKeys(a.rep_id, b.rep_id) ||
      a.period_start - b.period_start,
  )
}

export const rollupKeys = ['rep', 'team', 'region'] as const
export type RollupKey = (typeof rollupKeys)[number]

export interface RollupRow {
  group: string
  period: string
  period_start: CalendarDate
  reps: number
  quota: number
  basis_share: number
}

/** Team or region totals per period: sums of the rep rows, so they add up to the target exactly. */
export function rollUp(rows: readonly QuotaRow[], by: 'team' | 'region'): RollupRow[] {
  const groups = new Map<string, RollupRow>()
  for (const row of rows) {
    const group = row[by] ?? '(none)'
    const key = `${group}\u0000${row.period_start}`
    const g = groups.get(key) ?? {
      group,
      period: row.period,
      period_start: row.period_start,
      reps: 0,
      quota: 0,
      basis_share: 0,
    }
    g.reps++
    g.quota += row.quota
    g.basis_share += row.basis_share
    groups.set(key, g)
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.group, b.group) || a.period_start - b.period_start)
}
