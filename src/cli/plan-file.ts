/**
 * Commission inputs beyond the standard records: the plan file (YAML or JSON, validated with zod;
 * an error names the key path, e.g. `plans[0].tiers[2].rate: expected a number`), the splits file,
 * and the commission extras of deal records (payment date, ARR, split).
 */
import { shareValue } from './options.js'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { InputFileError, UsageError } from '../errors.js'
import { parseIsoDate } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'
import { dealTypes } from '../model/deal.js'
import type { Deal } from '../model/deal.js'
import { fromUnits } from '../model/money.js'
import { parseCsvText } from '../io/csv-rows.js'
import { readTextFile } from '../io/files.js'
import { sniffDelimiter } from '../io/load.js'
import { splitProblem } from '../domain/commissions/credit.js'
import type { DealExtras, Share } from '../domain/commissions/credit.js'
import { payGrains } from '../domain/commissions/plan.js'
import type { Plan, PlanSet } from '../domain/commissions/plan.js'

const typed = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : `expected ${what}`

const num = () => z.number({ error: typed('a number') })
const fraction = () => num().min(0, 'expected 0 or more')
const rate = () => num().min(0, 'expected a rate from 0 to 1').max(1, 'expected a rate from 0 to 1')
const money = () =>
  num()
    .min(0, 'expected an amount of 0 or more')
    .transform((v) => fromUnits(v))
const text = () => z.string({ error: typed('a text') }).min(1, 'expected a text')
const date = () =>
  z
    .string({ error: typed('a date YYYY-MM-DD') })
    .refine((s) => parseIsoDate(s) !== undefined, 'expected a date YYYY-MM-DD')
    .transform((s) => parseIsoDate(s) as CalendarDate)
const names = () => z.array(text(), { error: typed('a list') }).optional()
const dealType = () => z.enum(dealTypes, { error: `expected one of ${dealTypes.join(', ')}` })

const planSchema = z
  .object({
    id: text(),
    applies_to: z.object({ reps: names(), teams: names(), roles: names() }).strict().optional(),
    effective: z.object({ from: date().optional(), to: date().optional() }).strict().optional(),
    base_rate: rate().optional(),
    tiers: z
      .array(z.object({ from: fraction(), rate: rate() }).strict(), { error: typed('a list') })
      .min(1, 'expected at least one tier')
      .optional(),
    tier_mode: z
      .enum(['marginal', 'retroactive'], { error: 'expected marginal or retroactive' })
      .default('marginal'),
    rates: z
      .array(
        z
          .object({
            type: dealType().optional(),
            product: text().optional(),
            rate: rate().optional(),
            multiplier: fraction().optional(),
          })
          .strict()
          .superRefine((r, ctx) => {
            if ((r.rate === undefined) === (r.multiplier === undefined))
              ctx.addIssue({ code: 'custom', message: 'give either rate or multiplier' })
            if (r.type === undefined && r.product === undefined)
              ctx.addIssue({ code: 'custom', message: 'give a type or a product to match' })
          }),
        { error: typed('a list') },
      )
      .default([]),
    gate: fraction().optional(),
    cap: money().optional(),
    roll_up: z.boolean({ error: typed('true or false') }).default(false),
    spifs: z
      .array(
        z
          .object({
            name: text(),
            amount: money(),
            product: text().optional(),
            type: dealType().optional(),
            min_amount: money().optional(),
            from: date().optional(),
            to: date().optional(),
          })
          .strict(),
        { error: typed('a list') },
      )
      .default([]),
    draw: z
      .object({
        amount: money(),
        recoverable: z.boolean({ error: typed('true or false') }).default(true),
        until: date().optional(),
      })
      .strict()
      .optional(),
    clawback: z
      .object({ days: num().int('expected a whole number of days').min(0, 'expected 0 or more') })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.base_rate === undefined) === (p.tiers === undefined))
      ctx.addIssue({ code: 'custom', message: 'give either base_rate or tiers' })
    p.tiers?.forEach((t, i) => {
      if (i === 0 && t.from !== 0)
        ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'from'], message: 'the first tier starts at 0' })
      const prev = p.tiers?.[i - 1]
      if (prev !== undefined && t.from <= prev.from)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'from'],
          message: 'tiers must be in ascending order of from',
        })
    })
    const { from, to } = p.effective ?? {}
    if (from !== undefined && to !== undefined && to < from)
      ctx.addIssue({ code: 'custom', path: ['effective', 'to'], message: 'ends before it starts' })
  })

export const planFileSchema = z
  .object({
    period: z.enum(payGrains, { error: `expected one of ${payGrains.join(', ')}` }).default('quarter'),
    basis: z.enum(['amount', 'arr'], { error: 'expected amount or arr' }).default('amount'),
    credit_date: z
      .enum(['close_date', 'payment_date'], { error: 'expected close_date or payment_date' })
      .default('close_date'),
    plans: z.array(planSchema, { error: typed('a list of plans') }).min(1, 'expected at least one plan'),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>()
    f.plans.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['plans', i, 'id'], message: `duplicate plan id "${p.id}"` })
      seen.add(p.id)
    })
  })

type PlanInput = z.infer<typeof planSchema>

function toPlan(p: PlanInput): Plan {
  const opt = <K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } =>
    (value === undefined ? {} : { [key]: value }) as { [k in K]?: V }
  return {
    id: p.id,
    reps: p.applies_to?.reps ?? [],
    teams: p.applies_to?.teams ?? [],
    roles: p.applies_to?.roles ?? [],
    ...opt('effectiveFrom', p.effective?.from),
    ...opt('effectiveTo', p.effective?.to),
    tiers: p.tiers ?? [{ from: 0, rate: p.base_rate ?? 0 }],
    tiered: p.tiers !== undefined,
    tierMode: p.tier_mode,
    rates: p.rates.map((r) => ({
      ...opt('type', r.type),
      ...opt('product', r.product),
      ...opt('rate', r.rate),
      ...opt('multiplier', r.multiplier),
    })),
    ...opt('gate', p.gate),
    ...opt('cap', p.cap),
    rollUp: p.roll_up,
    spifs: p.spifs.map((s) => ({
      name: s.name,
      amount: s.amount,
      ...opt('product', s.product),
      ...opt('type', s.type),
      ...opt('minAmount', s.min_amount),
      ...opt('from', s.from),
      ...opt('to', s.to),
    })),
    ...opt(
      'draw',
      p.draw === undefined
        ? undefined
        : { amount: p.draw.amount, recoverable: p.draw.recoverable, ...opt('until', p.draw.until) },
    ),
    ...opt('clawbackDays', p.clawback?.days),
  }
}

function zodPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${String(p)}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('')
}

/** Validates plan-file data; `file` names the source in messages. */
export function parsePlanFile(data: unknown, file: string): PlanSet {
  const result = planFileSchema.safeParse(data ?? {})
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = zodPath(issue.path)
      return `${path === '' ? '(top level)' : path}: ${issue.message}`
    })
    throw new UsageError('PLAN_INVALID', `${file}: ${lines[0] ?? 'invalid'}`, { details: lines.slice(1) })
  }
  const f = result.data
  return { grain: f.period, basis: f.basis, creditDate: f.credit_date, plans: f.plans.map(toPlan) }
}

/** Reads a plan file: `.yaml`/`.yml` as YAML, anything else as JSON. Problems are usage errors (exit 2). */
export async function loadPlanFile(file: string): Promise<PlanSet> {
  let text: string
  try {
    text = await readTextFile(file)
  } catch (error) {
    throw new UsageError('PLAN_UNREADABLE', `${file}: cannot read the plan file`, { cause: error })
  }
  let data: unknown
  try {
    data = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text)
  } catch (error) {
    throw new UsageError(
      'PLAN_SYNTAX',
      `${file}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
      { cause: error },
    )
  }
  return parsePlanFile(data, file)
}

/** `60%`, `60 %`, `0.6` → 0.6; undefined when not a share. */
export function parseShare(raw: string): number | undefined {
  const n = shareValue(raw)
  return n !== undefined && n > 0 && n <= 1 ? n : undefined
}

/** A `split` cell: `Ann Lee:60%;Bo Chen:40%` (owner:share pairs separated by `;`). */
export function parseSplitCell(raw: string): Share[] | undefined {
  const parts = raw
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const shares: Share[] = []
  for (const part of parts) {
    const at = part.lastIndexOf(':')
    const share = at < 0 ? undefined : parseShare(part.slice(at + 1))
    const owner = at < 0 ? '' : part.slice(0, at).trim()
    if (share === undefined || owner === '') return undefined
    shares.push({ owner, share })
  }
  return shares.length === 0 ? undefined : shares
}

function headerIndex(header: readonly string[], names: readonly string[]): number {
  const norm = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  )
  return norm.findIndex((h) => names.includes(h))
}

/**
 * The splits file: one row per deal and owner (`deal_id,owner,share`; share `60%` or `0.6`). Every
 * deal's shares must sum to 100%; a bad row or sum stops the run (exit 3) naming the line.
 */
export async function loadSplitsFile(file: string): Promise<Map<string, Share[]>> {
  const text = await readTextFile(file)
  const rows = parseCsvText(text, sniffDelimiter(text.split('\n', 1)[0] ?? ''), file)
  const header = rows[0]?.cells ?? []
  const dealCol = headerIndex(header, ['deal_id', 'deal', 'id', 'opportunity_id'])
  const ownerCol = headerIndex(header, ['owner', 'rep', 'rep_name'])
  const shareCol = headerIndex(header, ['share', 'split', 'percent', 'credit_share'])
  if (dealCol < 0 || ownerCol < 0 || shareCol < 0)
    throw new InputFileError('SPLITS_INVALID', file, `${file}: expected the columns deal_id, owner, share`)
  const splits = new Map<string, Share[]>()
  const firstLine = new Map<string, number>()
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === '')) continue
    const deal = row.cells[dealCol]?.trim() ?? ''
    const owner = row.cells[ownerCol]?.trim() ?? ''
    const share = parseShare(row.cells[shareCol] ?? '')
    if (deal === '' || owner === '' || share === undefined)
      throw new InputFileError(
        'SPLITS_INVALID',
        file,
        `${file}:${String(row.line)}: expected a deal id, an owner and a share such as 60% (got "${row.cells.join(',')}")`,
      )
    const list = splits.get(deal)
    if (list === undefined) {
      splits.set(deal, [{ owner, share }])
      firstLine.set(deal, row.line)
    } else list.push({ owner, share })
  }
  for (const [deal, shares] of splits) {
    const problem = splitProblem(shares)
    if (problem !== undefined)
      throw new InputFileError(
        'SPLITS_INVALID',
        file,
        `${file}:${String(firstLine.get(deal) ?? 0)}: deal ${deal}: ${problem}`,
      )
  }
  return splits
}

/**
 * The commission extras of a deal record: its payment date, ARR and split cell (parsed and checked:
 * owner:share pairs summing to 100%).
 */
export function dealExtras(deal: Deal): DealExtras | undefined {
  let split: Share[] | undefined
  if (deal.split !== undefined) {
    split = parseSplitCell(deal.split)
    const problem =
      split === undefined ? 'expected owner:share pairs such as "Ann:60%;Bo:40%"' : splitProblem(split)
    if (problem !== undefined) {
      throw new InputFileError(
        'SPLITS_INVALID',
        deal.source_file,
        `${deal.source_file}:${String(deal.source_line)}: split: ${problem}`,
      )
    }
  }
  if (deal.payment_date === undefined && deal.arr === undefined && split === undefined) return undefined
  return {
    ...(deal.payment_date === undefined ? {} : { paymentDate: deal.payment_date }),
    ...(deal.arr === undefined ? {} : { arr: deal.arr }),
    ...(split === undefined ? {} : { split }),
  }
}
