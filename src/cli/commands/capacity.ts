/** `salesops capacity`: reps needed per quarter for a target, hires and their dates, cost; the recruiting pipeline. */
import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
import { InputFileError, UsageError } from '../../errors.js'
import { formatIsoDate, parseIsoDate } from '../../model/calendar-date.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Column, Columns } from '../../model/columns.js'
import { centsToDecimal } from '../../model/money.js'
import type { Cents } from '../../model/money.js'
import { parseCsvText } from '../../io/csv-rows.js'
import { displayName, readTextFile } from '../../io/files.js'
import { normalizeHeader } from '../../io/headers.js'
import {
  candidatePipeline,
  candidateStages,
  closedStages,
  expectedHiresBy,
} from '../../domain/capacity/candidates.js'
import type {
  Candidate,
  CandidatePipeline,
  CandidateStage,
  CurrentStage,
} from '../../domain/capacity/candidates.js'
import { capacityDefinitions } from '../../domain/capacity/definitions.js'
import { capacityPlan } from '../../domain/capacity/plan.js'
import type { CapacityRow } from '../../domain/capacity/plan.js'
import { planYear } from '../../domain/quotas/plan-period.js'
import { emit } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import {
  parseAmountOption,
  parseDaysOption,
  parseNonNegativeInt,
  parseYearOption,
  shareValue,
} from '../options.js'
import { createSession } from '../session.js'

interface CapacityFlags {
  target: Cents
  reps?: string[]
  deals?: string[]
  rampMonths: number
  attrition: number
  period?: number
  timeToHire: number
  costPerRep?: Cents
  candidates?: string
  demo?: boolean
}

function parseRate(value: string): number {
  const n = shareValue(value)
  if (n === undefined || n < 0 || n >= 1)
    throw new InvalidArgumentError('expected an annual rate below 100%, e.g. 15% or 0.15')
  return n
}

type Row = CapacityRow & { pipeline_hires?: number; covered?: boolean }

function columns(withCost: boolean, withCandidates: boolean): Columns<Row> {
  const cols: Column<Row>[] = [
    { key: 'period', header: 'Period', kind: 'text', total: 'label' },
    { key: 'target', header: 'Target', kind: 'money', total: 'sum' },
    { key: 'needed_reps', header: 'Needed', kind: 'int' },
    { key: 'ramped_reps', header: 'Ramped', kind: 'int' },
    { key: 'ramping_reps', header: 'Ramping', kind: 'int' },
    { key: 'expected_attrition', header: 'Attrition', kind: 'number', total: 'sum' },
    { key: 'capacity', header: 'Capacity', kind: 'number' },
    { key: 'hires_needed', header: 'Hires', kind: 'int', total: 'sum' },
    { key: 'start_by', header: 'Start by', kind: 'date' },
    { key: 'hire_by', header: 'Hire by', kind: 'date' },
  ]
  if (withCost)
    cols.push(
      { key: 'headcount', header: 'Headcount', kind: 'number' },
      { key: 'headcount_cost', header: 'Headcount cost', kind: 'money', total: 'sum' },
    )
  if (withCandidates)
    cols.push(
      { key: 'pipeline_hires', header: 'Pipeline hires', kind: 'number' },
      { key: 'covered', header: 'Covered', kind: 'bool' },
    )
  return cols
}

/** The recruiting export: header names matched without case/space/underscore differences; dates YYYY-MM-DD. */
async function readCandidates(path: string): Promise<Candidate[]> {
  const file = displayName(path)
  const rows = parseCsvText(await readTextFile(path), ',', file)
  const header = (rows[0]?.cells ?? []).map(normalizeHeader)
  const col = (name: string): number => header.indexOf(normalizeHeader(name))
  for (const required of ['candidate', 'stage', 'applied'])
    if (col(required) < 0)
      throw new InputFileError(
        'MISSING_COLUMN',
        file,
        `${file}: no "${required}" column (candidates need candidate, stage, applied)`,
      )
  const stages: readonly string[] = [...candidateStages, ...closedStages]
  return rows.slice(1).flatMap((row): Candidate[] => {
    const cell = (name: string): string => (col(name) < 0 ? '' : (row.cells[col(name)] ?? '').trim())
    if (row.cells.every((c) => c.trim() === '')) return []
    const stage = cell('stage').toLowerCase()
    if (!stages.includes(stage))
      throw new InputFileError(
        'BAD_STAGE',
        file,
        `${file}:${row.line}: stage "${cell('stage')}" is not one of ${stages.join(', ')}`,
      )
    const reached: Partial<Record<CandidateStage, CalendarDate>> = {}
    for (const s of candidateStages) {
      const text = cell(s)
      if (text === '') continue
      const date = parseIsoDate(text)
      if (date === undefined)
        throw new InputFileError(
          'BAD_DATE',
          file,
          `${file}:${row.line}: ${s} "${text}" is not a date (YYYY-MM-DD)`,
        )
      reached[s] = date
    }
    if (reached.applied === undefined)
      throw new InputFileError('BAD_DATE', file, `${file}:${row.line}: no applied date`)
    const role = cell('role')
    return [
      {
        candidate: cell('candidate'),
        role: role === '' ? undefined : role,
        stage: stage as CurrentStage,
        reached,
        line: row.line,
      },
    ]
  })
}

function pipelineLines(p: CandidatePipeline): string[] {
  const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)
  return [
    'candidate pipeline (stage, reached, open now, conversion to next stage, hire rate from the stage):',
    ...p.stages.map(
      (s) =>
        `  ${s.stage.padEnd(10)} ${String(s.reached).padStart(5)} ${String(s.open).padStart(5)} ${pct(s.conversion).padStart(7)} ${pct(s.hire_rate).padStart(7)}`,
    ),
    `  time to hire (median applied → hired): ${p.timeToHireDays === null ? '—' : `${p.timeToHireDays} days`}`,
  ]
}

export function registerCapacityCommand(program: Command): void {
  program
    .command('capacity')
    .summary('recruiting and budget plan: reps needed per quarter, hires and when, headcount cost')
    .description(
      'Plans the sales capacity for --target over one fiscal year (--period, default the year after --as-of): productivity per ramped rep from the last 12 months of --deals, a linear ramp over --ramp-months, expected --attrition; per quarter the reps needed, the ramped and ramping reps on file, hires needed and the dates to start them (start_by = quarter start − ramp) and to start recruiting (hire_by = start_by − --time-to-hire). --cost-per-rep adds headcount cost and cost of sales; --candidates (a recruiting export: candidate, role, stage, applied, screen, interview, offer, hired) adds the stage funnel (stderr) and whether the pipeline covers the hires by their start dates. Definitions: --explain.',
    )
    .requiredOption('--target <amount>', 'bookings target for the year, e.g. 12,000,000', parseAmountOption)
    .option('--reps <files...>', 'reps export (role, hire_date, end_date)')
    .option('--deals <files...>', 'deals export (bookings history: productivity per ramped rep)')
    .option('--ramp-months <n>', 'months until a new rep is fully productive', parseNonNegativeInt, 6)
    .option('--attrition <rate>', 'annual rep attrition, e.g. 15%', parseRate, 0.15)
    .option('--period <year>', 'fiscal year of the plan (default: the year after --as-of)', parseYearOption)
    .option(
      '--time-to-hire <days>',
      'days from opening a requisition to the rep’s start, e.g. 60d',
      parseDaysOption,
      60,
    )
    .option('--cost-per-rep <amount>', 'fully loaded (or OTE) cost per rep and year', parseAmountOption)
    .option(
      '--candidates <file>',
      'recruiting export (CSV): candidate, role, stage, applied, screen, interview, offer, hired',
    )
    .option('--demo', 'use the embedded demo company (as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops capacity --target 12,000,000 --reps reps.csv --deals deals.csv
  $ salesops capacity --target 12,000,000 --reps reps.csv --deals deals.csv --ramp-months 4 --attrition 20% --time-to-hire 45d
  $ salesops capacity --target 12,000,000 --reps reps.csv --deals deals.csv --cost-per-rep 180,000 --candidates candidates.csv
  $ salesops capacity --demo --target 40,000,000 --cost-per-rep 200,000 --explain`,
    )
    .action(async (flags: CapacityFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const repFiles = flags.reps ?? (demo ? [demoFile(demoInputs.reps)] : undefined)
      const dealFiles = flags.deals ?? (demo ? [demoFile(demoInputs.deals)] : undefined)
      if (repFiles === undefined || dealFiles === undefined)
        throw new UsageError('NO_INPUT', 'capacity needs --reps FILE and --deals FILE (or --demo)')
      const reps = (await session.load('rep', repFiles)).records
      const deals = (await session.load('deal', dealFiles)).records
      await session.finishLoads()
      const candidates = flags.candidates === undefined ? undefined : await readCandidates(flags.candidates)
      const asOf = asOfFor(session, demo)
      const calendar = {
        fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
      }
      const options = {
        target: flags.target,
        period: planYear(flags.period, asOf, calendar),
        rampMonths: flags.rampMonths,
        attrition: flags.attrition,
        timeToHireDays: flags.timeToHire,
        calendar,
        asOf,
        ...(flags.costPerRep === undefined ? {} : { costPerRep: flags.costPerRep }),
      }
      session.explain(capacityDefinitions(options))
      const plan = capacityPlan(reps, deals, options)
      for (const note of plan.notes) session.note(`note: ${note}`)
      if (plan.failure !== undefined) throw new UsageError('NO_PRODUCTIVITY', plan.failure)
      session.note(
        `productivity: ${centsToDecimal(plan.productivity ?? 0)} a year per ramped rep (${plan.rampedRepMonths} ramped rep-months, ${formatIsoDate(plan.window.start)} to ${formatIsoDate(plan.window.end - 1)})`,
      )
      let rows: Row[] = plan.rows
      if (candidates !== undefined) {
        const pipeline = candidatePipeline(candidates, asOf)
        for (const line of pipelineLines(pipeline)) session.note(line)
        let needed = 0
        rows = plan.rows.map((r) => {
          needed += r.hires_needed
          if (r.start_by === null) return { ...r }
          const expected = expectedHiresBy(pipeline, r.start_by)
          return { ...r, pipeline_hires: expected, covered: expected >= needed - 1e-9 }
        })
      }
      if (plan.totalCost !== null)
        session.note(
          `cost of sales: ${centsToDecimal(plan.totalCost)} headcount cost ÷ ${centsToDecimal(flags.target)} target = ${((plan.costOfSales ?? 0) * 100).toFixed(1)}%`,
        )
      await emit(rows, columns(plan.totalCost !== null, candidates !== undefined), session, {
        totals: {
          period: 'Total',
          target: rows.reduce((a, r) => a + r.target, 0),
          expected_attrition: rows.reduce((a, r) => a + r.expected_attrition, 0),
          hires_needed: rows.reduce((a, r) => a + r.hires_needed, 0),
          ...(plan.totalCost === null ? {} : { headcount_cost: plan.totalCost }),
        },
      })
    })
}
