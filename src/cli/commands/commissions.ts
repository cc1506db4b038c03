/** `salesops commissions DEALS... --plan PLAN.yaml --reps REPS`: payouts per rep and pay period. */
import { join } from 'node:path'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Columns } from '../../model/columns.js'
import type { Deal } from '../../model/deal.js'
import { churnLookup } from '../../domain/commissions/credit.js'
import type { DealExtras } from '../../domain/commissions/credit.js'
import { commissionDefinitions } from '../../domain/commissions/definitions.js'
import { payPeriods } from '../../domain/commissions/pay-periods.js'
import type { PlanSet } from '../../domain/commissions/plan.js'
import { runCommissions } from '../../domain/commissions/run-commissions.js'
import type { CommissionInput, CommissionRow } from '../../domain/commissions/run-commissions.js'
import type { StatementLine } from '../../domain/commissions/statement-line.js'
import { whatIfRows } from '../../domain/commissions/what-if.js'
import type { WhatIfRow } from '../../domain/commissions/what-if.js'
import { toCsv } from '../../io/to-csv.js'
import { ensureDir, writeFileAtomic } from '../../io/files.js'
import { DEMO_PLAN, demoFile, demoInputs } from '../demo-data.js'
import { emit } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { parseDateOption } from '../options.js'
import { dealExtras, loadPlanFile, loadSplitsFile } from '../plan-file.js'
import { createSession } from '../session.js'

/** The example plan `--demo` uses without `--plan`. */

interface CommissionsFlags {
  plan?: string
  reps?: string[]
  quotas?: string[]
  splits?: string
  contracts?: string[]
  period?: string
  from?: CalendarDate
  to?: CalendarDate
  statements?: string
  whatIf?: string
  demo?: boolean
}

const ROW_COLUMNS: Columns<CommissionRow> = [
  { key: 'rep', header: 'Rep', kind: 'text', total: 'label' },
  { key: 'plan', header: 'Plan', kind: 'text' },
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'credited_amount', header: 'Credited', kind: 'money', total: 'sum' },
  { key: 'quota', header: 'Quota', kind: 'money', total: 'sum' },
  { key: 'attainment', header: 'Attainment', kind: 'ratio' },
  { key: 'earned', header: 'Earned', kind: 'money', total: 'sum' },
  { key: 'spif', header: 'SPIF', kind: 'money', total: 'sum' },
  { key: 'draw', header: 'Draw', kind: 'money', total: 'sum' },
  { key: 'clawback', header: 'Clawback', kind: 'money', total: 'sum' },
  { key: 'adjustments', header: 'Adjustments', kind: 'money', total: 'sum' },
  { key: 'payout', header: 'Payout', kind: 'money', total: 'sum' },
]

const WHAT_IF_COLUMNS: Columns<WhatIfRow> = [
  { key: 'rep', header: 'Rep', kind: 'text', total: 'label' },
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'plan', header: 'Plan', kind: 'text' },
  { key: 'payout', header: 'Payout', kind: 'money', total: 'sum' },
  { key: 'what_if_plan', header: 'What-if plan', kind: 'text' },
  { key: 'what_if_payout', header: 'What-if payout', kind: 'money', total: 'sum' },
  { key: 'difference', header: 'Difference', kind: 'money', total: 'sum' },
]

type StatementRow = StatementLine & { rep: string }
const STATEMENT_COLUMNS: Columns<StatementRow> = [
  { key: 'rep', header: 'Rep', kind: 'text' },
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'kind', header: 'Kind', kind: 'text' },
  { key: 'deal', header: 'Deal', kind: 'text' },
  { key: 'date', header: 'Date', kind: 'date' },
  { key: 'amount', header: 'Amount', kind: 'money' },
  { key: 'credit_share', header: 'Credit share', kind: 'ratio' },
  { key: 'credited', header: 'Credited', kind: 'money' },
  { key: 'tier', header: 'Tier', kind: 'text' },
  { key: 'rate', header: 'Rate', kind: 'ratio' },
  { key: 'commission', header: 'Commission', kind: 'money' },
  { key: 'rule', header: 'Rule', kind: 'text' },
]

function sumRow<Row>(rows: readonly Row[], columns: Columns<Row>): Record<string, unknown> {
  const totals: Record<string, unknown> = {}
  for (const c of columns) {
    if (c.total === 'label') totals[c.key] = 'Total'
    if (c.total === 'sum')
      totals[c.key] = rows.reduce((s, r) => s + ((r[c.key] as number | null | undefined) ?? 0), 0)
  }
  return totals
}

/** A rep id as a file name: anything but letters, digits, `.`, `_`, `-` becomes `_`. */
function statementFile(repId: string): string {
  return `${repId.replace(/[^\p{L}\p{N}._-]/gu, '_')}.csv`
}

export function registerCommissionsCommand(program: Command): void {
  program
    .command('commissions')
    .summary('commission payouts per rep and pay period from a plan file, with statements and what-if')
    .description(
      'Pays the won deals under the plans of a plan file (YAML or JSON: rates, tiers, gate, cap, splits, roll-up, SPIFs, draws, clawbacks). One row per rep and pay period; --statements writes each rep’s calculation trace. A run over several periods (--from/--to) carries draw balances and clawbacks from period to period. Definitions: docs/metrics.md, or --explain.',
    )
    .argument('[deals...]', 'deals exports (CSV, TSV, .gz, .xlsx; - for stdin)')
    .option('--plan <file>', 'the plan file (.yaml/.yml or .json); --demo defaults to docs/plans/tiered.yaml')
    .option('--reps <files...>', 'reps (id, name, team, manager, role): who is paid under which plan')
    .option('--quotas <files...>', 'quotas (attainment for tiers and the gate)')
    .option('--splits <file>', 'credit splits: deal_id,owner,share rows; each deal’s shares sum to 100%')
    .option('--contracts <files...>', 'contracts: a churn_date charges back deals paid within clawback.days')
    .option('--period <label>', 'one pay period, e.g. 2026-Q3 (the grain of the plan file)')
    .option('--from <date>', 'a run over every pay period from this date, YYYY-MM-DD', parseDateOption)
    .option('--to <date>', 'last day of the run (default: --as-of)', parseDateOption)
    .option('--statements <dir>', 'write one CSV per rep with every line of the calculation')
    .option('--what-if <file>', 'a second plan file: both payouts side by side with the difference')
    .option('--demo', 'use the embedded demo company (and docs/plans/tiered.yaml without --plan)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops commissions deals.csv --plan plans.yaml --reps reps.csv --quotas quotas.csv --period 2026-Q3
  $ salesops commissions deals.csv --plan plans.yaml --reps reps.csv --quotas quotas.csv --from 2026-01-01 --to 2026-09-30 --contracts contracts.csv
  $ salesops commissions deals.csv --plan plans.yaml --reps reps.csv --splits splits.csv --statements out/statements
  $ salesops commissions deals.csv --plan plans.yaml --reps reps.csv --what-if plans-2027.yaml --period 2026-Q3
  $ salesops commissions --demo --period 2026-Q3 --what-if docs/plans/flat.yaml --explain`,
    )
    .action(async (files: string[], flags: CommissionsFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const input = (own: string[] | undefined, name: keyof typeof demoInputs): string[] | undefined =>
        own ?? (demo ? [demoFile(demoInputs[name])] : undefined)
      const dealFiles = files.length > 0 ? files : demo ? [demoFile(demoInputs.deals)] : []
      if (dealFiles.length === 0)
        throw new UsageError('NO_INPUT', 'commissions needs a deals file (or --demo)')
      const planPath = flags.plan ?? (demo ? DEMO_PLAN : undefined)
      if (planPath === undefined) throw new UsageError('PLAN_NEEDED', 'commissions needs --plan FILE')
      const repFiles = input(flags.reps, 'reps')
      if (repFiles === undefined) throw new UsageError('REPS_NEEDED', 'commissions needs --reps FILE')
      const plans = await loadPlanFile(planPath)
      const whatIf = flags.whatIf === undefined ? undefined : await loadPlanFile(flags.whatIf)
      if (whatIf !== undefined && whatIf.grain !== plans.grain)
        throw new UsageError(
          'PLAN_MISMATCH',
          `--what-if ${flags.whatIf ?? ''} pays by ${whatIf.grain}, --plan by ${plans.grain}`,
        )
      const periods = payPeriods({
        grain: plans.grain,
        ...(flags.period === undefined ? {} : { label: flags.period }),
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.to === undefined ? {} : { to: flags.to }),
        asOf: asOfFor(session, demo),
        calendar: {
          fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
        },
      })
      if (typeof periods === 'string') throw new UsageError('BAD_PERIOD', periods)
      const { records: deals } = await session.load('deal', dealFiles)
      const { records: reps } = await session.load('rep', repFiles)
      const quotaFiles = input(flags.quotas, 'quotas')
      const quotas = quotaFiles === undefined ? [] : (await session.load('quota', quotaFiles)).records
      const contractFiles = input(flags.contracts, 'contracts')
      const contracts =
        contractFiles === undefined ? undefined : (await session.load('contract', contractFiles)).records
      await session.finishLoads()
      const splits = flags.splits === undefined ? undefined : await loadSplitsFile(flags.splits)
      const extrasByDeal = new Map(deals.map((d) => [d, dealExtras(d)]))
      const extras = (deal: Deal): DealExtras | undefined => {
        const own = extrasByDeal.get(deal)
        const split = splits?.get(deal.id)
        return split === undefined ? own : { ...own, split }
      }
      const run = (set: PlanSet) => {
        const commissionInput: CommissionInput = {
          deals,
          reps,
          quotas,
          periods,
          extras,
          ...(contracts === undefined ? {} : { churnDate: churnLookup(contracts) }),
        }
        return runCommissions(set, commissionInput)
      }
      session.explain(commissionDefinitions(plans))
      const result = run(plans)
      for (const note of result.notes) session.note(`note: ${note}`)
      if (flags.statements !== undefined) {
        await ensureDir(flags.statements)
        for (const s of result.statements) {
          const rows = s.lines.map((l): StatementRow => ({ ...l, rep: s.rep }))
          const text = toCsv(rows, STATEMENT_COLUMNS, { guard: session.options.csvGuard })
          await writeFileAtomic(join(flags.statements, statementFile(s.rep_id)), text)
        }
      }
      if (whatIf === undefined) {
        await emit(result.rows, ROW_COLUMNS, session, { totals: sumRow(result.rows, ROW_COLUMNS) })
        return
      }
      const rows = whatIfRows(
        result.rows,
        run(whatIf).rows,
        periods.map((p) => p.label),
      )
      await emit(rows, WHAT_IF_COLUMNS, session, { totals: sumRow(rows, WHAT_IF_COLUMNS) })
    })
}
