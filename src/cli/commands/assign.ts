/** `salesops assign accounts|leads`: who owns which account, and who gets the next lead. */
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import type { Highs } from 'highs'
import { SalesOpsError, ExitCode, UsageError } from '../../errors.js'
import type { Columns } from '../../model/columns.js'
import { defaultWeights, fitFields } from '../../domain/assign/assign-cost.js'
import type { FitField } from '../../domain/assign/assign-cost.js'
import { assignAccounts } from '../../domain/assign/assign-accounts.js'
import type { AccountAssignmentRow, RepAssignmentRow } from '../../domain/assign/assign-accounts.js'
import { LpStatusError } from '../../domain/assign/lp-assign.js'
import type { LpSolver } from '../../domain/assign/lp-assign.js'
import {
  emptyRoutingState,
  parseRoutingState,
  routeLeads,
  routingMethods,
} from '../../domain/assign/route-leads.js'
import type { LeadRouteRow, RoutingMethod } from '../../domain/assign/route-leads.js'
import { fileExists, readTextFile, writeFileAtomic } from '../../io/files.js'
import { toCsv } from '../../io/to-csv.js'
import { emit, formatRows } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { groupByParser, parseIdList, parsePositiveInt, parseWeightOption, shareValue } from '../options.js'
import { createSession } from '../session.js'

const ACCOUNT_COLUMNS: Columns<AccountAssignmentRow> = [
  { key: 'account_id', header: 'Account', kind: 'text' },
  { key: 'owner', header: 'Owner', kind: 'text' },
  { key: 'previous_owner', header: 'Previous owner', kind: 'text' },
  { key: 'changed', header: 'Changed', kind: 'bool' },
  { key: 'fit', header: 'Fit', kind: 'ratio' },
  { key: 'cost', header: 'Cost', kind: 'number' },
]
const REP_COLUMNS: Columns<RepAssignmentRow> = [
  { key: 'rep', header: 'Rep', kind: 'text' },
  { key: 'accounts', header: 'Accounts', kind: 'int' },
  { key: 'potential', header: 'Potential', kind: 'money' },
  { key: 'workload', header: 'Workload', kind: 'number' },
  { key: 'capacity', header: 'Capacity', kind: 'number' },
  { key: 'load_ratio', header: 'Load', kind: 'ratio' },
  { key: 'target', header: 'Target', kind: 'money' },
  { key: 'potential_index', header: 'Potential ÷ target', kind: 'ratio' },
  { key: 'gained', header: 'Gained', kind: 'int' },
  { key: 'lost', header: 'Lost', kind: 'int' },
]
const LEAD_COLUMNS: Columns<LeadRouteRow> = [
  { key: 'lead_id', header: 'Lead', kind: 'text' },
  { key: 'owner', header: 'Owner', kind: 'text' },
  { key: 'rule', header: 'Rule', kind: 'text' },
]

/** HiGHS (wasm), loaded only for the LP route. */
async function loadHighs(): Promise<LpSolver> {
  const module = (await import('highs')) as unknown as { default: () => Promise<Highs> }
  return module.default()
}

function parseBand(value: string): number {
  const n = shareValue(value)
  if (n === undefined || n <= 0 || n >= 1)
    throw new InvalidArgumentError('expected a band such as 10% or 0.1')
  return n
}

interface AccountFlags {
  reps?: string[]
  capacityBy: 'accounts' | 'workload'
  fit: FitField[]
  continuity: number
  mismatch: number
  travel: number
  balanceQuota?: number
  lock?: string[]
  summary?: string
  demo?: boolean
}

interface LeadFlags {
  reps?: string[]
  method: RoutingMethod
  state?: string
  reroute?: boolean
  maxPerRep?: number
  demo?: boolean
}

export function registerAssignCommand(program: Command): void {
  const assign = program
    .command('assign')
    .summary('assign accounts to reps (min-cost, capacities, fit, continuity) and route leads')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops assign accounts accounts.csv --reps reps.csv -o owners.csv
  $ salesops assign leads new-leads.csv --reps reps.csv --state routing.json`,
    )
  assign
    .command('accounts')
    .summary('each account to the best-fitting rep under capacities (exact min-cost flow, or LP with bands)')
    .description(
      'Gives every account one eligible rep at minimum total cost: fit misses, losing the current owner (weighted by potential) and distance to the rep home base. Count capacities → exact min-cost flow; --capacity-by workload or --balance-quota → HiGHS LP, rounding and repair. Per-rep summary on stderr, or to --summary FILE. Definitions: --explain, docs/metrics.md.',
    )
    .argument(
      '[accounts...]',
      'accounts export (id, owner, potential, workload, industry, segment, region, lat/lon)',
    )
    .option('--reps <files...>', 'reps (id, name, capacity, skills, region, home_lat/home_lon, end_date)')
    .addOption(
      new Option(
        '--capacity-by <unit>',
        'capacity in accounts, or in workload (capacity × mean account workload)',
      )
        .choices(['accounts', 'workload'])
        .default('accounts'),
    )
    .option('--fit <fields>', `fit criteria among ${fitFields.join(', ')}`, groupByParser(fitFields), [
      ...fitFields,
    ])
    .option(
      '--continuity <points>',
      'points for moving an average-potential account off its owner',
      parseWeightOption,
      defaultWeights.continuity,
    )
    .option(
      '--mismatch <points>',
      'points per fit criterion missed',
      parseWeightOption,
      defaultWeights.mismatch,
    )
    .option(
      '--travel <points>',
      'points per 100 km to the rep home base',
      parseWeightOption,
      defaultWeights.travel,
    )
    .option(
      '--balance-quota <band>',
      "each rep's potential within ± band of its capacity share (e.g. 10%)",
      parseBand,
    )
    .option(
      '--lock <ids>',
      'account ids that keep their current owner (comma-separated; repeatable); a locked column does the same',
      parseIdList,
    )
    .option('--summary <file>', 'write the per-rep summary (csv) to FILE instead of stderr')
    .option('--demo', 'use the embedded demo company')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops assign accounts accounts.csv --reps reps.csv
  $ salesops assign accounts accounts.csv --reps reps.csv --lock A-1,A-7
  $ salesops assign accounts accounts.csv --reps reps.csv --fit industry,region --continuity 300
  $ salesops assign accounts accounts.csv --reps reps.csv --balance-quota 10% --summary reps-load.csv
  $ salesops assign accounts --demo --explain --format csv -o assignment.csv`,
    )
    .action(async (files: string[], flags: AccountFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const accountFiles = files.length > 0 ? files : demo ? [demoFile(demoInputs.accounts)] : []
      const repFiles = flags.reps ?? (demo ? [demoFile(demoInputs.reps)] : undefined)
      if (accountFiles.length === 0 || repFiles === undefined)
        throw new UsageError('NO_INPUT', 'assign accounts needs an accounts file and --reps FILE (or --demo)')
      const accounts = (await session.load('account', accountFiles)).records
      const reps = (await session.load('rep', repFiles)).records
      await session.finishLoads()
      if (flags.balanceQuota !== undefined && accounts.every((a) => a.potential === undefined))
        throw new UsageError('NO_POTENTIAL', '--balance-quota needs a potential column in the accounts')
      const lpRoute = flags.balanceQuota !== undefined || flags.capacityBy === 'workload'
      const solver: LpSolver | undefined = lpRoute ? await loadHighs() : undefined
      const weights = { mismatch: flags.mismatch, continuity: flags.continuity, travel: flags.travel }
      let result
      try {
        result = assignAccounts(accounts, reps, {
          asOf: asOfFor(session, demo),
          capacityBy: flags.capacityBy,
          fit: flags.fit,
          weights,
          ...(flags.balanceQuota === undefined ? {} : { balanceQuota: flags.balanceQuota }),
          ...(solver === undefined ? {} : { solver }),
          ...(flags.lock === undefined ? {} : { locked: new Set(flags.lock) }),
        })
      } catch (error) {
        if (error instanceof LpStatusError)
          throw new SalesOpsError(
            'BAND_INFEASIBLE',
            `no assignment fits the bands and capacities (${error.status}); widen --balance-quota`,
            ExitCode.Findings,
          )
        throw error
      }
      session.explain([
        `cost(account, rep) = ${weights.mismatch} × fit criteria missed (${flags.fit.join(', ') || 'none'})`,
        `  + ${weights.continuity} × (0.5 + potential ÷ mean potential) when the rep is not the current owner`,
        `  + ${weights.travel} × km to the rep home base ÷ 100 (when both have coordinates)`,
        'eligible reps: end_date after --as-of and capacity not 0 (no capacity column value: no accounts, unless no rep has one)',
        'locked accounts (locked column or --lock) keep their current owner when that owner is eligible; it counts against the owner’s capacity and band',
        `method: ${result.method}${lpRoute ? ' (candidates: 25 cheapest reps + current owner)' : ' (exact: equals the LP optimum)'}`,
        ...(flags.balanceQuota === undefined
          ? []
          : [
              `target potential = total potential × capacity ÷ Σ capacity, band ±${flags.balanceQuota * 100}%`,
            ]),
      ])
      await emit(result.rows, ACCOUNT_COLUMNS, session)
      const summaryText = formatRows(result.reps, REP_COLUMNS, session)
      if (flags.summary !== undefined) {
        await writeFileAtomic(
          flags.summary,
          toCsv(result.reps, REP_COLUMNS, { guard: session.options.csvGuard }),
        )
      } else if (session.options.quiet !== true) process.stderr.write(summaryText)
      session.note(
        `${result.method}: total cost ${result.totalCost}${result.lpBound === null ? '' : `, LP bound ${Math.round(result.lpBound * 100) / 100}, splits ${result.splits ?? 0}`}; ` +
          `kept owner ${result.keptShare === null ? '—' : `${(result.keptShare * 100).toFixed(1)}%`}; ` +
          `${result.eligibleReps} eligible reps, ${result.ineligible.length} without accounts` +
          (result.lockedKept > 0 ? `; ${result.lockedKept} locked accounts kept their owner` : ''),
      )
      if (result.unassigned > 0)
        session.warn(`warning: ${result.unassigned} accounts unassigned: the capacities cannot hold them`)
      if (result.violations > 0)
        session.warn(`warning: ${result.violations} reps still outside their band or capacity after repair`)
    })

  assign
    .command('leads')
    .summary('route leads: round robin, weighted by capacity, or by territory, with a rotation state')
    .description(
      'Routes leads without an owner (all leads with --reroute) in arrival order. Skips reps with an end date on or before --as-of, capacity 0, or at --max-per-rep. A lead with the email or company of an earlier lead goes to that owner. --state FILE keeps per-rep counts between runs.',
    )
    .argument('[leads...]', 'leads export (id, created, owner, company, email, region)')
    .option('--reps <files...>', 'reps (id, name, capacity, region, end_date)')
    .addOption(
      new Option('--method <method>', 'routing method').choices(routingMethods).default('round-robin'),
    )
    .option('--state <file>', 'rotation state (JSON), read if present and written back atomically')
    .option('--reroute', 'route every lead, also those that have an owner')
    .option('--max-per-rep <n>', 'at most N leads per rep in this run', parsePositiveInt)
    .option('--demo', 'use the embedded demo company')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops assign leads new-leads.csv --reps reps.csv --state routing.json
  $ salesops assign leads new-leads.csv --reps reps.csv --method weighted --max-per-rep 20
  $ salesops assign leads new-leads.csv --reps reps.csv --method territory
  $ salesops assign leads --demo --reroute --method territory --format csv`,
    )
    .action(async (files: string[], flags: LeadFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const leadFiles = files.length > 0 ? files : demo ? [demoFile(demoInputs.leads)] : []
      const repFiles = flags.reps ?? (demo ? [demoFile(demoInputs.reps)] : undefined)
      if (leadFiles.length === 0 || repFiles === undefined)
        throw new UsageError('NO_INPUT', 'assign leads needs a leads file and --reps FILE (or --demo)')
      const leads = (await session.load('lead', leadFiles)).records
      const reps = (await session.load('rep', repFiles)).records
      await session.finishLoads()
      let state = emptyRoutingState
      if (flags.state !== undefined && (await fileExists(flags.state))) {
        const parsed = parseRoutingState(await readTextFile(flags.state))
        if (parsed === undefined)
          throw new SalesOpsError(
            'STATE_MALFORMED',
            `${flags.state} is not a routing state file`,
            ExitCode.InputData,
          )
        state = parsed
      }
      session.explain([
        `method ${flags.method}: the eligible rep with the fewest routed leads${flags.method === 'weighted' ? ' per unit of capacity' : ''} gets the next lead; ties go to the next rep after the last one served (id order)`,
        'eligible: end_date after --as-of, capacity not 0, below --max-per-rep this run; territory: same region as the lead, else fallback over all',
        'duplicate: same email or company (case-insensitive) as an earlier lead → that lead’s owner',
      ])
      const result = routeLeads(leads, reps, state, {
        method: flags.method,
        asOf: asOfFor(session, demo),
        reroute: flags.reroute === true,
        ...(flags.maxPerRep === undefined ? {} : { maxPerRep: flags.maxPerRep }),
      })
      await emit(result.rows, LEAD_COLUMNS, session)
      if (flags.state !== undefined)
        await writeFileAtomic(flags.state, `${JSON.stringify(result.state, null, 2)}\n`)
      const unassigned = result.rows.filter((r) => r.rule === 'unassigned').length
      if (unassigned > 0) session.warn(`warning: ${unassigned} leads unassigned: no eligible rep`)
    })
}
