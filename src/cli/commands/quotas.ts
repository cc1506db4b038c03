/** `salesops quotas allocate`: a company target split into rep quotas (rolled up to teams/regions). */
import { parseAmountOption, parseYearOption } from '../options.js'
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { Columns } from '../../model/columns.js'
import type { Cents } from '../../model/money.js'
import { allocateQuotas, rollUp } from '../../domain/quotas/allocate.js'
import type { QuotaBasis, QuotaRow, RollupRow } from '../../domain/quotas/allocate.js'
import { quotaDefinitions } from '../../domain/quotas/definitions.js'
import { planYear } from '../../domain/quotas/plan-period.js'
import { emit } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

function parseBasis(value: string): QuotaBasis {
  const v = value.trim().toLowerCase()
  if (v === 'even' || v === 'history' || v === 'potential') return { kind: v }
  const blend = /^blend(?::(.+))?$/.exec(v)
  if (blend !== null) {
    const raw = (blend[1] ?? '0.5').trim()
    const w = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw)
    if (raw !== '' && Number.isFinite(w) && w >= 0 && w <= 1) return { kind: 'blend', historyWeight: w }
  }
  throw new InvalidArgumentError(
    'expected even, history, potential or blend:W (W = history weight 0..1, e.g. blend:0.5)',
  )
}

function parseRamp(value: string): number[] {
  const cells = value.split(',').map((p) => p.trim().replace(/%$/, ''))
  const parts = cells.map((p) => (p === '' ? Number.NaN : Number(p)))
  if (parts.length === 0 || parts.some((p) => !Number.isFinite(p) || p < 0 || p > 100))
    throw new InvalidArgumentError('expected percentages of a full quota per month, e.g. 25,50,75')
  return parts.map((p) => p / 100)
}

interface QuotaFlags {
  target: Cents
  reps?: string[]
  basis: QuotaBasis
  deals?: string[]
  accounts?: string[]
  ramp: number[]
  seasonality?: 'history'
  split?: 'quarter' | 'month'
  period?: number
  by: 'rep' | 'team' | 'region'
  demo?: boolean
}

const REP_COLUMNS: Columns<QuotaRow> = [
  { key: 'rep', header: 'Rep', kind: 'text', total: 'label' },
  { key: 'team', header: 'Team', kind: 'text' },
  { key: 'region', header: 'Region', kind: 'text' },
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'quota', header: 'Quota', kind: 'money', total: 'sum' },
  { key: 'basis_share', header: 'Basis share', kind: 'ratio' },
  { key: 'ramp_factor', header: 'Ramp', kind: 'ratio' },
]

const rollupColumns = (by: 'team' | 'region'): Columns<Record<string, unknown>> => [
  { key: by, header: by === 'team' ? 'Team' : 'Region', kind: 'text', total: 'label' },
  { key: 'period', header: 'Period', kind: 'text' },
  { key: 'reps', header: 'Reps', kind: 'int' },
  { key: 'quota', header: 'Quota', kind: 'money', total: 'sum' },
  { key: 'basis_share', header: 'Basis share', kind: 'ratio' },
]

async function loadInputs(session: Session, flags: QuotaFlags) {
  const demo = flags.demo === true
  const pick = (own: string[] | undefined, name: keyof typeof demoInputs): string[] | undefined =>
    own ?? (demo ? [demoFile(demoInputs[name])] : undefined)
  const repFiles = pick(flags.reps, 'reps')
  if (repFiles === undefined)
    throw new UsageError('NO_INPUT', 'quotas allocate needs --reps FILE (or --demo)')
  const kind = flags.basis.kind
  const needsDeals = kind === 'history' || kind === 'blend' || flags.seasonality === 'history'
  const needsAccounts = kind === 'potential' || kind === 'blend'
  const dealFiles = pick(flags.deals, 'deals')
  const accountFiles = pick(flags.accounts, 'accounts')
  if (needsDeals && dealFiles === undefined)
    throw new UsageError(
      'NO_INPUT',
      '--basis history/blend and --seasonality history need --deals FILE (bookings history)',
    )
  if (needsAccounts && accountFiles === undefined)
    throw new UsageError('NO_INPUT', '--basis potential/blend needs --accounts FILE (account potential)')
  const reps = (await session.load('rep', repFiles)).records
  const deals =
    needsDeals && dealFiles !== undefined ? (await session.load('deal', dealFiles)).records : undefined
  const accounts =
    needsAccounts && accountFiles !== undefined
      ? (await session.load('account', accountFiles)).records
      : undefined
  await session.finishLoads()
  return { reps, deals, accounts }
}

export function registerQuotasCommand(program: Command): void {
  const quotas = program
    .command('quotas')
    .summary('quota setting: allocate a company target to reps')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops quotas allocate --target 12,000,000 --reps reps.csv --deals deals.csv --basis history
  $ salesops quotas allocate --demo --target 40,000,000 --basis blend:0.5 --ramp 25,50,75`,
    )
  quotas
    .command('allocate')
    .summary('split a company target into rep quotas that add up to it exactly')
    .description(
      'Allocates --target top-down to the quota-carrying reps of --reps (managers left out) for one fiscal year (--period, default the year after --as-of), in proportion to a basis (--basis) times a ramp factor for new hires (--ramp), with the ramp gap spread over all carriers. --seasonality history splits each quota over quarters (or --split month) by the bookings of the last 24 months. Amounts are cents that add up exactly to the target per rep, team, region and company (largest remainder). --by team|region prints the roll-up. Definitions: --explain, docs/metrics.md.',
    )
    .requiredOption('--target <amount>', 'company target for the year, e.g. 12,000,000', parseAmountOption)
    .option('--reps <files...>', 'reps export (team, region, role, hire_date, end_date)')
    .option('--basis <basis>', 'even | history | potential | blend:W (W = history weight)', parseBasis, {
      kind: 'even',
    } as QuotaBasis)
    .option('--deals <files...>', 'deals export: trailing bookings (history, blend) and seasonality')
    .option('--accounts <files...>', 'accounts export: owner and potential (potential, blend)')
    .option(
      '--ramp <percents>',
      'share of a full quota in a new hire’s first months, e.g. 25,50,75',
      parseRamp,
      [],
    )
    .addOption(
      new Option('--seasonality <source>', 'split each quota over the year by past bookings').choices([
        'history',
      ]),
    )
    .addOption(
      new Option('--split <grain>', 'rows per quarter or month (default quarter with --seasonality)').choices(
        ['quarter', 'month'],
      ),
    )
    .option('--period <year>', 'fiscal year of the plan (default: the year after --as-of)', parseYearOption)
    .addOption(
      new Option('--by <level>', 'rows per rep, or rolled up per team or region')
        .choices(['rep', 'team', 'region'])
        .default('rep'),
    )
    .option('--demo', 'use the embedded demo company (as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops quotas allocate --target 12,000,000 --reps reps.csv
  $ salesops quotas allocate --target 12,000,000 --reps reps.csv --deals deals.csv --basis history --ramp 25,50,75
  $ salesops quotas allocate --target 12,000,000 --reps reps.csv --deals deals.csv --accounts accounts.csv --basis blend:0.5 --seasonality history
  $ salesops quotas allocate --demo --target 40,000,000 --basis history --ramp 25,50,75 --by team --totals`,
    )
    .action(async (flags: QuotaFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const { reps, deals, accounts } = await loadInputs(session, flags)
      const asOf = asOfFor(session, demo)
      const calendar = {
        fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
      }
      const split = flags.split ?? (flags.seasonality === 'history' ? 'quarter' : undefined)
      const options = {
        target: flags.target,
        period: planYear(flags.period, asOf, calendar),
        basis: flags.basis,
        ramp: flags.ramp,
        seasonality: flags.seasonality === 'history',
        calendar,
        asOf,
        ...(split === undefined ? {} : { split }),
        ...(deals === undefined ? {} : { deals }),
        ...(accounts === undefined ? {} : { accounts }),
      }
      session.explain(quotaDefinitions(options))
      const plan = allocateQuotas(reps, options)
      for (const note of plan.notes) session.note(`note: ${note}`)
      if (plan.failure !== undefined) throw new UsageError('NOTHING_TO_ALLOCATE', plan.failure)
      if (flags.by === 'rep') {
        const total = plan.rows.reduce((a, r) => a + r.quota, 0)
        await emit(plan.rows, REP_COLUMNS, session, { totals: { rep: 'Total', quota: total } })
        return
      }
      const by = flags.by
      const rows = rollUp(plan.rows, by).map((r: RollupRow) => ({ ...r, [by]: r.group }))
      const total = rows.reduce((a, r) => a + r.quota, 0)
      await emit(rows, rollupColumns(by), session, { totals: { [by]: 'Total', quota: total } })
    })
}
