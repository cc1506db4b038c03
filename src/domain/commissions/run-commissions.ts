/**
 * A commission run over one or more consecutive pay periods: credit → plan per rep and period →
 * commission, SPIFs, clawbacks, draws → one row per rep and period and each rep's statement.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Deal } from '../../model/deal.js'
import type { Cents } from '../../model/money.js'
import type { Quota } from '../../model/quota.js'
import type { Rep } from '../../model/rep.js'
import { normalizeName } from '../check/rule-helpers.js'
import { quotaFor } from '../kpi/quota.js'
import type { Period } from '../shared/period.js'
import { creditLines } from './credit.js'
import type { ChurnLookup, CreditLine, DealExtras } from './credit.js'
import { units } from './format-rule.js'
import { periodCommission } from './period-commission.js'
import { planFor } from './plan.js'
import type { PlanSet } from './plan.js'
import type { StatementLine } from './statement-line.js'

export interface CommissionRow {
  readonly rep: string
  readonly rep_id: string
  readonly plan: string
  readonly period: string
  readonly credited_amount: Cents
  readonly quota: Cents | null
  readonly attainment: number | null
  readonly earned: Cents
  readonly spif: Cents
  readonly draw: Cents
  readonly clawback: Cents
  readonly adjustments: Cents
  readonly payout: Cents
}

export interface RepStatement {
  readonly rep: string
  readonly rep_id: string
  readonly lines: readonly StatementLine[]
}

export interface CommissionRun {
  /** by period, then rep name, then rep id */
  readonly rows: readonly CommissionRow[]
  /** reps with at least one row, in rep name order */
  readonly statements: readonly RepStatement[]
  readonly notes: readonly string[]
}

export interface CommissionInput {
  readonly deals: readonly Deal[]
  readonly reps: readonly Rep[]
  readonly quotas: readonly Quota[]
  /** the pay periods of the run, consecutive, in order */
  readonly periods: readonly Period[]
  readonly extras?: (deal: Deal) => DealExtras | undefined
  /** when a deal's customer churned (for clawbacks); without it nothing is clawed back */
  readonly churnDate?: ChurnLookup
}

interface Paid {
  readonly deal: Deal
  readonly date: CalendarDate
  readonly commission: number
  readonly clawbackDays: number
}

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.trim() !== '' && normalizeName(a) === normalizeName(b)
}

function byDateThenDeal(a: CreditLine, b: CreditLine): number {
  if (a.date !== b.date) return a.date - b.date
  if (a.deal.id !== b.deal.id) return a.deal.id < b.deal.id ? -1 : 1
  const va = a.via ?? ''
  const vb = b.via ?? ''
  return va === vb ? 0 : va < vb ? -1 : 1
}

/**
 * Runs the plans over the periods. State starts empty at the first period: draw balances and the
 * deals paid (for clawbacks) are those of this run only.
 *
 * - **Rows:** every rep employed in the period (hire_date before its end, end_date not before its
 *   start) with a plan in force on the period's first day, also without credit (a draw may pay).
 * - **Roll-up:** a rep whose plan has `roll_up` is also credited with the credit lines of the reps
 *   whose `manager` names them (id or name; direct reports only), at the manager's plan.
 * - **Clawback:** a deal line paid in this run (commission ≠ 0) whose account churns within the
 *   plan's `clawback.days` after the credit date is charged back, −(the commission of that deal's
 *   lines for that rep), once, in the period that contains the churn date. The cap is not unwound.
 * - **Draw:** let E = earned + adjustments + spif + clawback. If E is below the draw D, the draw line
 *   pays D − E (a recoverable draw adds it to the rep's balance). Otherwise a balance B is recovered
 *   from what exceeds D: min(B, E − D) is taken back, so the payout is never below D while the draw
 *   runs. Recovery continues after the draw ends (D = 0 then).
 * - **payout** = earned + spif + draw + clawback + adjustments = Σ commission of the period's
 *   statement lines. A negative payout (clawbacks above earnings) is shown as is.
 */
export function runCommissions(set: PlanSet, input: CommissionInput): CommissionRun {
  const { reps, periods } = input
  const credit = creditLines(input.deals, reps, set, input.extras)
  const notes = [...credit.notes]
  const linesOf: CreditLine[][] = reps.map(() => [])
  for (const l of credit.lines) linesOf[l.repIndex]?.push(l)
  const reportsOf: number[][] = reps.map((manager, i) =>
    reps.flatMap((r, j) =>
      j !== i && (sameName(r.manager, manager.id) || sameName(r.manager, manager.name)) ? [j] : [],
    ),
  )
  const order = reps
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = reps[a]
      const rb = reps[b]
      if (ra === undefined || rb === undefined) return 0
      if (ra.name !== rb.name) return ra.name < rb.name ? -1 : 1
      return ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0
    })
  const balance = new Map<number, number>()
  const paid = reps.map(() => new Map<string, Paid>())
  const clawed = reps.map(() => new Set<string>())
  const statementLines = reps.map((): StatementLine[] => [])
  const rows: CommissionRow[] = []
  const unplanned = new Set<string>()
  const noQuota = new Set<string>()
  for (const period of periods) {
    const inPeriod = (l: CreditLine): boolean => l.date >= period.start && l.date < period.end
    for (const i of order) {
      const rep = reps[i]
      if (rep === undefined) continue
      // paid only while employed: hired before the period ends, not gone before it starts
      if (rep.hire_date !== undefined && rep.hire_date >= period.end) continue
      if (rep.end_date !== undefined && rep.end_date < period.start) continue
      const own = (linesOf[i] ?? []).filter(inPeriod)
      const plan = planFor(set, rep, period.start)
      if (plan === undefined) {
        if (own.length > 0) unplanned.add(rep.name)
        continue
      }
      const rolled = plan.rollUp
        ? (reportsOf[i] ?? []).flatMap((j) =>
            (linesOf[j] ?? []).filter(inPeriod).map((l) => ({ ...l, via: reps[j]?.name ?? '' })),
          )
        : []
      const lines = [...own, ...rolled].sort(byDateThenDeal)
      const quota = quotaFor(
        input.quotas,
        period,
        (q) => sameName(q.owner, rep.id) || sameName(q.owner, rep.name),
      ) as Cents | null
      if ((plan.tiered || plan.gate !== undefined) && (quota === null || quota <= 0)) noQuota.add(rep.name)
      const result = periodCommission(plan, period.label, lines, quota)
      const out: StatementLine[] = [...result.lines]
      // deals paid now become subject to clawback
      if (plan.clawbackDays !== undefined) {
        const byDeal = new Map<string, { line: CreditLine; commission: number }>()
        for (const s of result.lines) {
          if (s.kind !== 'deal' && s.kind !== 'roll-up') continue
          const line = lines.find((l) => l.deal.id === s.deal)
          if (line === undefined) continue
          const prev = byDeal.get(s.deal)
          byDeal.set(s.deal, { line, commission: (prev?.commission ?? 0) + s.commission })
        }
        for (const [id, { line, commission }] of byDeal) {
          if (commission !== 0 && !paid[i]?.has(id))
            paid[i]?.set(id, {
              deal: line.deal,
              date: line.date,
              commission,
              clawbackDays: plan.clawbackDays,
            })
        }
      }
      let clawback = 0
      for (const [id, p] of paid[i] ?? []) {
        if (clawed[i]?.has(id) === true || input.churnDate === undefined) continue
        const churn = input.churnDate(p.deal, p.date)
        if (churn === undefined || churn < period.start || churn >= period.end) continue
        if (churn - p.date > p.clawbackDays) continue
        clawed[i]?.add(id)
        clawback -= p.commission
        out.push({
          period: period.label,
          kind: 'clawback',
          deal: id,
          date: churn,
          amount: null,
          credit_share: null,
          credited: null,
          tier: '',
          rate: null,
          commission: -p.commission as Cents,
          rule: `clawback: the account churned ${String(churn - p.date)} days after the credit date (within ${String(p.clawbackDays)}); commission ${units(p.commission)} charged back`,
        })
      }
      const earnings = result.earned + result.adjustments + result.spif + clawback
      const planDraw =
        plan.draw !== undefined && (plan.draw.until === undefined || period.start <= plan.draw.until)
          ? plan.draw
          : undefined
      const drawOn = planDraw !== undefined
      const drawAmount = planDraw?.amount ?? 0
      const owed = balance.get(i) ?? 0
      let draw = 0
      let drawRule = ''
      if (drawOn && earnings < drawAmount) {
        draw = drawAmount - earnings
        const recoverable = planDraw.recoverable
        if (recoverable) balance.set(i, owed + draw)
        drawRule = `draw ${units(drawAmount)}: earnings ${units(earnings)} topped up by ${units(draw)}${recoverable ? ` (recoverable; balance ${units(owed + draw)})` : ' (not recoverable)'}`
      } else if (owed > 0 && earnings > drawAmount) {
        const recovered = Math.min(owed, earnings - drawAmount)
        draw = -recovered
        balance.set(i, owed - recovered)
        drawRule = `draw recovery: ${units(recovered)} of the balance ${units(owed)} (left ${units(owed - recovered)})`
      }
      if (draw !== 0)
        out.push({
          period: period.label,
          kind: 'draw',
          deal: '',
          date: null,
          amount: null,
          credit_share: null,
          credited: null,
          tier: '',
          rate: null,
          commission: draw as Cents,
          rule: drawRule,
        })
      statementLines[i]?.push(...out)
      rows.push({
        rep: rep.name,
        rep_id: rep.id,
        plan: plan.id,
        period: period.label,
        credited_amount: result.credited,
        quota,
        attainment: result.attainment,
        earned: result.earned,
        spif: result.spif,
        draw: draw as Cents,
        clawback: clawback as Cents,
        adjustments: result.adjustments,
        payout: (earnings + draw) as Cents,
      })
    }
  }
  if (unplanned.size > 0)
    notes.push(
      `${unplanned.size} rep(s) with credit but no plan in force are not paid: ${[...unplanned].slice(0, 5).join(', ')}${unplanned.size > 5 ? ', …' : ''}`,
    )
  if (noQuota.size > 0)
    notes.push(
      `${String(noQuota.size)} rep(s) on a plan with tiers or a gate have no quota in a period; attainment counts as 0: ${[...noQuota].slice(0, 5).join(', ')}${noQuota.size > 5 ? ', …' : ''}`,
    )
  const statements = order.flatMap((i) => {
    const rep = reps[i]
    const lines = statementLines[i] ?? []
    return rep === undefined || !rows.some((r) => r.rep_id === rep.id)
      ? []
      : [{ rep: rep.name, rep_id: rep.id, lines }]
  })
  return { rows, statements, notes }
}
