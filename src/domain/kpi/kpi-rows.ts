/**
 * The `kpi` report: one row per period (and per group with --by), plus a totals row over the whole
 * range computed from the records. PURE.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import { addDays } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { NpsResponse } from '../../model/nps.js'
import { parsePeriodLabel } from '../../model/period-label.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import type { Spend } from '../../model/spend.js'
import { compareKeys, NO_VALUE } from '../shared/group-by.js'
import { dealGroupFields } from '../shared/deal-fields.js'
import type { FiscalCalendar, Grain, Period } from '../shared/period.js'
import { contains, periodOf, periodsBetween, shiftPeriod, yearAgo } from '../shared/period.js'
import { ratio, roundHalfAway } from '../shared/stats.js'
import { dealMetrics } from './deal-metrics.js'
import type { DealMetricOptions, DealMetrics } from './deal-metrics.js'
import { quotaFor } from './quota.js'
import { arrMovements } from '../retention/arr-movements.js'
import type { contractSpans } from '../retention/arr-movements.js'

/** the deal fields, plus the owner's manager from --reps */
export const groupFields = [...dealGroupFields, 'manager'] as const
export type GroupField = (typeof groupFields)[number]

export interface KpiOptions extends DealMetricOptions {
  readonly by: readonly GroupField[]
  readonly grain: Grain
  readonly calendar: FiscalCalendar
  readonly from: CalendarDate | undefined
  readonly to: CalendarDate | undefined
  readonly compare: 'previous' | 'yoy' | undefined
  readonly coverageBasis: 'remaining' | 'quota'
  readonly reps?: readonly Rep[]
  readonly quotas?: readonly Quota[]
  readonly spend?: readonly Spend[]
  readonly nps?: readonly NpsResponse[]
  /** contract spans (retention/arr-movements) for churn and CLV */
  readonly contracts?: ReturnType<typeof contractSpans>
  /** gross margin for CLV, 0..1 (1 = revenue CLV) */
  readonly grossMargin?: number
}

export interface KpiRow extends Omit<DealMetrics, 'negative_cycles'> {
  period: string
  period_start: CalendarDate
  period_end: CalendarDate
  group: Readonly<Record<string, string>>
  quota: number | null
  quota_attainment: number | null
  pipeline_coverage: number | null
  reps_at_quota_share: number | null
  cac: number | null
  nps: number | null
  promoters: number | null
  passives: number | null
  detractors: number | null
  nps_responses: number | null
  logo_churn_rate: number | null
  revenue_churn_rate: number | null
  clv: number | null
  won_amount_prior: number | null
  win_rate_prior: number | null
  growth: number | null
}

export interface KpiReport {
  readonly rows: readonly KpiRow[]
  readonly totals: KpiRow
  readonly notes: readonly string[]
}

/** Deals with team/region/territory/manager filled from the reps file where the deal lacks them. */
export function withRepFields(
  deals: readonly Deal[],
  reps: readonly Rep[],
): (Deal & { manager?: string | undefined })[] {
  const byName = new Map<string, Rep>()
  for (const rep of reps) {
    byName.set(rep.name.toLowerCase(), rep)
    byName.set(rep.id.toLowerCase(), rep)
  }
  return deals.map((deal) => {
    const rep = deal.owner === undefined ? undefined : byName.get(deal.owner.toLowerCase())
    if (rep === undefined) return deal
    return {
      ...deal,
      team: deal.team ?? rep.team,
      region: deal.region ?? rep.region,
      territory: deal.territory ?? rep.territory,
      manager: rep.manager,
    }
  })
}

type GroupedDeal = Deal & { manager?: string | undefined }

function keyOf(deal: GroupedDeal, by: readonly GroupField[]): string[] {
  return by.map((field) => {
    const value = deal[field]
    return typeof value === 'string' && value !== '' ? value : NO_VALUE
  })
}

/** Spend rows' amounts inside the period, prorated by days like quotas. */
function spendIn(spend: readonly Spend[], period: Period): number | null {
  let total = 0
  let any = false
  for (const row of spend) {
    const range = parsePeriodLabel(row.period)
    if (range === undefined) continue
    const end = addDays(range.end, 1)
    const from = Math.max(range.start, period.start)
    const to = Math.min(end, period.end)
    if (to <= from) continue
    any = true
    const days = end - range.start
    total += to - from === days ? row.amount : roundHalfAway((row.amount * (to - from)) / days)
  }
  return any ? total : null
}

/** Accounts whose first won deal (by close date) falls in the period: the new customers. */
function newCustomers(deals: readonly Deal[], period: Period): number {
  const first = new Map<string, CalendarDate>()
  for (const d of deals) {
    if (d.status !== 'won' || d.close_date === undefined) continue
    const account = d.account_id ?? d.account
    if (account === undefined) continue
    const seen = first.get(account)
    if (seen === undefined || d.close_date < seen) first.set(account, d.close_date)
  }
  let count = 0
  for (const date of first.values()) if (contains(period, date)) count++
  return count
}

interface NpsCounts {
  nps: number | null
  promoters: number
  passives: number
  detractors: number
  responses: number
}

/** Promoters score 9–10, passives 7–8, detractors 0–6; NPS = (promoters − detractors) ÷ responses × 100. */
export function npsIn(responses: readonly NpsResponse[], period: Period): NpsCounts {
  let promoters = 0
  let passives = 0
  let detractors = 0
  let count = 0
  for (const r of responses) {
    if (!contains(period, r.date)) continue
    count++
    if (r.score >= 9) promoters++
    else if (r.score >= 7) passives++
    else detractors++
  }
  const share = ratio(promoters - detractors, count)
  return { nps: share === null ? null : share * 100, promoters, passives, detractors, responses: count }
}

/** CLV lifetimes are capped at ten years (when churn is 0 or near it). */
export const CLV_CAP_YEARS = 10

/**
 * CLV = revenue per customer in the period × gross margin × expected lifetime in periods, where the
 * revenue per customer is starting ARR ÷ starting customers × (period days ÷ 365) and the lifetime
 * is 1 ÷ logo churn rate, capped at ten years of periods. Null without starting customers.
 */
export function customerLifetimeValue(
  m: { starting_arr: number; customers_start: number; logo_churn_rate: number | null },
  period: Period,
  grossMargin: number,
): number | null {
  if (m.customers_start === 0) return null
  const days = period.end - period.start
  const perCustomer = (m.starting_arr / m.customers_start) * (days / 365)
  const cap = (CLV_CAP_YEARS * 365) / days
  const lifetime =
    m.logo_churn_rate === null || m.logo_churn_rate === 0 ? cap : Math.min(cap, 1 / m.logo_churn_rate)
  return roundHalfAway(perCustomer * grossMargin * lifetime)
}

export function kpiReport(allDeals: readonly Deal[], options: KpiOptions): KpiReport {
  const deals: GroupedDeal[] =
    options.reps === undefined ? [...allDeals] : withRepFields(allDeals, options.reps)
  const notes: string[] = []
  // the first date in the data (a loop: a spread of a million dates overflows the call stack)
  let earliest: CalendarDate | undefined
  for (const d of deals) {
    for (const date of [d.created, d.close_date])
      if (date !== undefined && (earliest === undefined || date < earliest)) earliest = date
  }
  const from = options.from ?? earliest ?? options.asOf
  const to = options.to ?? options.asOf
  const periods = periodsBetween(from, to, options.grain, options.calendar)
  const groups = new Map<string, { key: string[]; deals: GroupedDeal[] }>()
  for (const deal of deals) {
    const key = keyOf(deal, options.by)
    const id = key.join('\u0000')
    const group = groups.get(id)
    if (group === undefined) groups.set(id, { key, deals: [deal] })
    else group.deals.push(deal)
  }
  const ordered = [...groups.values()].sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = compareKeys(a.key[i] ?? '', b.key[i] ?? '')
      if (c !== 0) return c
    }
    return 0
  })
  if (options.by.length === 0 && ordered.length === 0) ordered.push({ key: [], deals: [] })
  const repsOf = (group: { key: string[] }, all: boolean): Rep[] | undefined => {
    if (options.reps === undefined) return undefined
    if (all) return [...options.reps]
    return options.reps.filter((rep) =>
      options.by.every((field, i) => {
        const want = group.key[i]
        const value =
          field === 'owner'
            ? rep.name
            : field === 'team' || field === 'region' || field === 'territory' || field === 'manager'
              ? rep[field]
              : undefined
        return value !== undefined && value === want
      }),
    )
  }
  const quotaScope = (group: { key: string[] }, all: boolean) => {
    const members = repsOf(group, all)
    const byOwner = options.by.length === 1 && options.by[0] === 'owner'
    const names = new Set((members ?? []).map((r) => r.name.toLowerCase()))
    return (q: Quota): boolean => {
      if (q.owner === undefined) return false
      if (options.by.length === 0 || all) return true
      if (byOwner) return q.owner.toLowerCase() === (group.key[0] ?? '').toLowerCase()
      return names.has(q.owner.toLowerCase())
    }
  }
  let negative = 0
  const build = (
    groupDeals: readonly GroupedDeal[],
    period: Period,
    group: { key: string[] },
    company: boolean,
    /** the totals row: every deal, every quota row, every rep */
    all = false,
  ): KpiRow => {
    const m = dealMetrics(groupDeals, period, options)
    if (all) negative = m.negative_cycles
    const metrics: Partial<DealMetrics> = { ...m }
    delete metrics.negative_cycles
    const quota =
      options.quotas === undefined ? null : quotaFor(options.quotas, period, quotaScope(group, all))
    const remaining = quota === null ? null : quota - m.won_amount
    const coverageBase =
      options.coverageBasis === 'remaining' ? (remaining !== null && remaining > 0 ? remaining : null) : quota
    let atQuota: number | null = null
    const members = repsOf(group, all)
    if (options.quotas !== undefined && members !== undefined) {
      let withQuota = 0
      let reached = 0
      for (const rep of members) {
        const q = quotaFor(options.quotas, period, (x) => x.owner?.toLowerCase() === rep.name.toLowerCase())
        if (q === null || q <= 0) continue
        withQuota++
        const won = dealMetrics(
          groupDeals.filter((d) => d.owner?.toLowerCase() === rep.name.toLowerCase()),
          period,
          options,
        ).won_amount
        if (won >= q) reached++
      }
      atQuota = ratio(reached, withQuota)
    }
    let prior: DealMetrics | undefined
    if (options.compare !== undefined) {
      const priorPeriod =
        options.compare === 'previous'
          ? shiftPeriod(period, -1, options.calendar)
          : yearAgo(period, options.calendar)
      prior = dealMetrics(groupDeals, priorPeriod, options)
    }
    const spend = company && options.spend !== undefined ? spendIn(options.spend, period) : null
    const nps = company && options.nps !== undefined ? npsIn(options.nps, period) : undefined
    // a period still running is measured up to the as-of date: no churn from contracts that end later
    const observed: Period = {
      ...period,
      end: Math.min(period.end, addDays(options.asOf, 1)) as CalendarDate,
    }
    const churn =
      company && options.contracts !== undefined && observed.end > observed.start
        ? arrMovements(options.contracts, observed)
        : undefined
    return {
      period: period.label,
      period_start: period.start,
      period_end: addDays(period.end, -1),
      group: Object.fromEntries(options.by.map((field, i) => [field, group.key[i] ?? NO_VALUE])),
      ...(metrics as Omit<DealMetrics, 'negative_cycles'>),
      quota,
      quota_attainment: quota === null ? null : ratio(m.won_amount, quota),
      pipeline_coverage: coverageBase === null ? null : ratio(m.open_pipeline, coverageBase),
      reps_at_quota_share: atQuota,
      cac:
        spend === null
          ? null
          : (() => {
              const customers = newCustomers(groupDeals, period)
              const cac = ratio(spend, customers)
              return cac === null ? null : roundHalfAway(cac)
            })(),
      nps: nps?.nps ?? null,
      promoters: nps === undefined ? null : nps.promoters,
      passives: nps === undefined ? null : nps.passives,
      detractors: nps === undefined ? null : nps.detractors,
      nps_responses: nps === undefined ? null : nps.responses,
      logo_churn_rate: churn?.logo_churn_rate ?? null,
      revenue_churn_rate: churn?.revenue_churn_rate ?? null,
      clv: churn === undefined ? null : customerLifetimeValue(churn, observed, options.grossMargin ?? 1),
      won_amount_prior: prior?.won_amount ?? null,
      win_rate_prior: prior === undefined ? null : prior.win_rate,
      growth: prior === undefined ? null : ratio(m.won_amount - prior.won_amount, prior.won_amount),
    }
  }
  const rows: KpiRow[] = []
  for (const period of periods) {
    for (const group of ordered) rows.push(build(group.deals, period, group, options.by.length === 0))
  }
  const first = periods[0] ?? periodOf(to, options.grain, options.calendar)
  const last = periods[periods.length - 1] ?? first
  const whole: Period = { grain: options.grain, label: 'total', start: first.start, end: last.end }
  const totals = build(deals, whole, { key: options.by.map(() => 'total') }, true, true)
  totals.group = Object.fromEntries(options.by.map((f) => [f, 'total']))
  totals.won_amount_prior = null
  totals.win_rate_prior = null
  totals.growth = null
  if (negative > 0)
    notes.push(
      `${negative} closed deal rows closed before they were created; left out of cycle length (see check: closed-before-created)`,
    )
  return { rows, totals, notes }
}
