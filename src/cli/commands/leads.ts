/** `salesops leads LEADS...`: lead-generation metrics per source (or segment, owner, region); with --target, the reverse funnel. */
import { parseAmountOption } from '../options.js'
import { Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { Columns } from '../../model/columns.js'
import type { Deal } from '../../model/deal.js'
import type { Lead } from '../../model/lead.js'
import type { Cents } from '../../model/money.js'
import { grains } from '../../domain/shared/period.js'
import type { FiscalCalendar, Grain } from '../../domain/shared/period.js'
import { leadGroupFields, leadRows } from '../../domain/leads/lead-rows.js'
import type { LeadGroupField, LeadRow } from '../../domain/leads/lead-rows.js'
import { reverseFunnelRows } from '../../domain/leads/reverse-funnel.js'
import type { ReverseFunnelRow } from '../../domain/leads/reverse-funnel.js'
import {
  leadDefinitions,
  leadNotes,
  reverseFunnelDefinitions,
  reverseFunnelNote,
} from '../../domain/leads/explain-leads.js'
import type { LeadNote } from '../../domain/leads/explain-leads.js'
import { emit } from '../emit.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { createSession } from '../session.js'
import type { Session } from '../session.js'

interface LeadsFlags {
  deals?: string[]
  by: LeadGroupField
  period: Grain
  target?: Cents
  demo?: boolean
}

/** A row whose group column is named after the grouping field (`source`, `owner`, …). */
type Keyed<Row> = Omit<Row, 'group'> & Partial<Record<LeadGroupField, string>>

function keyed<Row extends { readonly group: string }>(row: Row, by: LeadGroupField): Keyed<Row> {
  const { group, ...rest } = row
  return { ...rest, [by]: group }
}

const title = (by: LeadGroupField): string => by.charAt(0).toUpperCase() + by.slice(1)

function leadColumns(by: LeadGroupField, grain: Grain): Columns<Keyed<LeadRow>> {
  return [
    ...(grain === 'all' ? [] : [{ key: 'period', header: 'Period', kind: 'text' } as const]),
    { key: by, header: title(by), kind: 'text' },
    { key: 'leads', header: 'Leads', kind: 'int' },
    { key: 'converted', header: 'Converted', kind: 'int' },
    { key: 'conversion_rate', header: 'Conversion', kind: 'ratio' },
    { key: 'days_to_convert', header: 'Days to convert', kind: 'number' },
    { key: 'median_days_to_convert', header: 'Median days', kind: 'number' },
    { key: 'won_deals', header: 'Won deals', kind: 'int' },
    { key: 'won_amount', header: 'Won amount', kind: 'money' },
    { key: 'lead_to_won_rate', header: 'Lead → won', kind: 'ratio' },
    { key: 'revenue_per_lead', header: 'Revenue/lead', kind: 'money' },
  ]
}

function funnelColumns(by: LeadGroupField): Columns<Keyed<ReverseFunnelRow>> {
  return [
    { key: by, header: title(by), kind: 'text' },
    { key: 'target', header: 'Target', kind: 'money' },
    { key: 'avg_won_deal', header: 'Avg won deal', kind: 'money' },
    { key: 'win_rate', header: 'Win rate', kind: 'ratio' },
    { key: 'conversion_rate', header: 'Conversion', kind: 'ratio' },
    { key: 'required_won_deals', header: 'Won deals needed', kind: 'int' },
    { key: 'required_deals', header: 'Deals needed', kind: 'int' },
    { key: 'required_leads', header: 'Leads needed', kind: 'int' },
    { key: 'leads_last_period', header: 'Leads last period', kind: 'int' },
  ]
}

function report(session: Session, notes: readonly LeadNote[]): void {
  for (const n of notes) {
    if (n.level === 'warning') session.warn(n.text)
    else session.note(n.text)
  }
}

function calendarOf(session: Session): FiscalCalendar {
  return { fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1 }
}

/** The lead table: rows per group (and period), a totals row counted from the records. */
async function emitLeadTable(session: Session, leads: Lead[], deals: Deal[] | undefined, flags: LeadsFlags) {
  const options = { by: flags.by, grain: flags.period, calendar: calendarOf(session), deals }
  const result = leadRows(leads, options)
  session.explain(leadDefinitions({ ...options, withDeals: deals !== undefined }))
  const label = flags.period === 'all' ? { [flags.by]: 'Total' } : { period: 'Total' }
  const rows = result.rows.map((r) => keyed(r, flags.by))
  await emit(rows, leadColumns(flags.by, flags.period), session, { totals: { ...result.totals, ...label } })
  report(session, leadNotes(result.diagnostics, { withDeals: deals !== undefined }))
}

/** The reverse funnel for `--target`: one row per group and the overall row. */
async function emitReverseFunnel(
  session: Session,
  leads: Lead[],
  deals: Deal[],
  target: Cents,
  flags: LeadsFlags,
) {
  const asOf = asOfFor(session, flags.demo === true)
  const options = { by: flags.by, grain: flags.period, calendar: calendarOf(session), deals, target, asOf }
  const result = reverseFunnelRows(leads, options)
  session.explain(reverseFunnelDefinitions({ ...options, ...result }))
  const rows = result.rows.map((r) => keyed(r, flags.by))
  await emit(rows, funnelColumns(flags.by), session, { totals: { ...result.totals, [flags.by]: 'Total' } })
  report(session, [
    reverseFunnelNote({ ...options, ...result }),
    ...leadNotes(result.diagnostics, { withDeals: true }),
  ])
}

export function registerLeadsCommand(program: Command): void {
  program
    .command('leads')
    .summary(
      'lead generation by source: conversion, days to convert, won deals, revenue per lead; --target: leads needed',
    )
    .description(
      'Lead-generation metrics per source (or --by segment, owner, region), for the leads created in each period (--period): leads, converted, conversion_rate, days_to_convert (mean and median), and with --deals the won deals the leads turned into (lead.deal_id = deal.id): won_deals, won_amount, lead_to_won_rate, revenue_per_lead. With --target AMOUNT the output is the reverse funnel instead: won deals, closed deals and leads needed per period to reach the target at the current deal size, win rate and conversion rate. --explain prints every definition.',
    )
    .argument('[leads...]', 'leads exports (CSV, TSV, .gz, .xlsx, - for stdin)')
    .option(
      '--deals <file>',
      'deals export the leads converted into (repeat for several files)',
      (v: string, all: string[] | undefined) => [...(all ?? []), v],
    )
    .addOption(
      new Option('--by <field>', 'group by this lead field').choices(leadGroupFields).default('source'),
    )
    .addOption(
      new Option('--period <grain>', 'cohorts by created date; with --target, what the target is per')
        .choices(grains)
        .default('all'),
    )
    .option(
      '--target <amount>',
      'revenue target per period: show the reverse funnel (needs --deals)',
      parseAmountOption,
    )
    .option('--demo', 'use the demo company (fixtures/demo/leads.csv and deals.csv; as of its snapshot date)')
    .addHelpText(
      'after',
      `
Examples:
  $ salesops leads leads.csv --deals deals.csv
  $ salesops leads leads.csv --deals deals.csv --by owner --period quarter --format csv
  $ salesops leads leads.csv --deals deals.csv --period quarter --target 1,000,000
  $ salesops leads --demo --period year --explain`,
    )
    .action(async (files: string[], flags: LeadsFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      const dealFiles = demo ? [demoFile(demoInputs.deals)] : (flags.deals ?? [])
      if (demo && (files.length > 0 || flags.deals !== undefined))
        throw new UsageError(
          'DEMO_WITH_FILES',
          "--demo reads the demo company's leads and deals; give no files with it",
        )
      if (!demo && files.length === 0)
        throw new UsageError('NO_INPUT', 'leads needs a leads file (or --demo)')
      if (flags.target !== undefined && dealFiles.length === 0)
        throw new UsageError(
          'TARGET_NEEDS_DEALS',
          '--target needs --deals: deal size and win rate come from the deals',
        )
      const { records: leads } = await session.load('lead', demo ? [demoFile(demoInputs.leads)] : files)
      const deals = dealFiles.length === 0 ? undefined : (await session.load('deal', dealFiles)).records
      await session.finishLoads()
      if (flags.target === undefined) await emitLeadTable(session, leads, deals, flags)
      else await emitReverseFunnel(session, leads, deals ?? [], flags.target, flags)
    })
}
