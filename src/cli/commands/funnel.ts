/** `salesops funnel DEALS...`: stage conversion per stage in stage order (docs/metrics.md, "funnel"). */
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { CalendarDate } from '../../model/calendar-date.js'
import type { Columns } from '../../model/columns.js'
import { grains } from '../../domain/shared/period.js'
import type { Grain } from '../../domain/shared/period.js'
import { funnelModes, groupFields } from '../../domain/funnel/deal-journey.js'
import type { FunnelMode, GroupField } from '../../domain/funnel/deal-journey.js'
import { conversionBases } from '../../domain/funnel/funnel-rows.js'
import type { ConversionBasis, FunnelRow } from '../../domain/funnel/funnel-rows.js'
import { funnelCohort } from '../../domain/funnel/funnel-cohort.js'
import { funnelExplain, funnelFooter, funnelNotes } from '../../domain/funnel/funnel-notes.js'
import { funnelBar } from '../../domain/funnel/funnel-bar.js'
import { emit, isHumanFormat, outputFormat } from '../emit.js'
import { createSession } from '../session.js'
import { funnelOfRecords } from '../funnel-input.js'
import { asOfFor } from '../inputs.js'
import { demoFile, demoInputs } from '../demo-data.js'
import { parseDateOption } from '../options.js'

interface FunnelFlags {
  history?: string[]
  by?: GroupField
  period?: Grain
  from?: CalendarDate
  to?: CalendarDate
  funnelMode: FunnelMode
  conversion: ConversionBasis
  phases?: Record<string, string>
  demo?: boolean
}

type OutRow = Record<string, string | number | null | undefined>

const columns = (by: GroupField | undefined, conversion: ConversionBasis, bars: boolean): Columns<OutRow> => [
  ...(by === undefined
    ? []
    : [{ key: by, header: `${by.charAt(0).toUpperCase()}${by.slice(1)}`, kind: 'text' as const }]),
  { key: 'stage', header: 'Stage', kind: 'text' },
  { key: 'phase', header: 'Phase', kind: 'text' },
  { key: 'entered', header: 'Entered', kind: 'int' },
  { key: 'advanced', header: 'Advanced', kind: 'int' },
  {
    key: 'conversion_to_next',
    header: conversion === 'next' ? 'Conv. to next' : 'Cum. conv.',
    kind: 'ratio',
  },
  { key: 'conversion_to_won', header: 'Conv. to won', kind: 'ratio' },
  { key: 'lost_here', header: 'Lost here', kind: 'int' },
  { key: 'avg_days_in_stage', header: 'Avg days', kind: 'number' },
  { key: 'median_days_in_stage', header: 'Median days', kind: 'number' },
  ...(bars ? [{ key: 'funnel', header: 'Funnel', kind: 'text' as const }] : []),
]

/** `Prospecting=awareness,Proposal=decision` → { Prospecting: 'awareness', Proposal: 'decision' } */
export function parsePhases(value: string): Record<string, string> {
  const map: Record<string, string> = {}
  for (const pair of value.split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(pair)
    if (m?.[1] === undefined || m[2] === undefined)
      throw new InvalidArgumentError(
        'expected Stage=phase pairs, e.g. "Prospecting=awareness,Proposal=decision"',
      )
    map[m[1]] = m[2]
  }
  return map
}

export function registerFunnelCommand(program: Command): void {
  program
    .command('funnel')
    .summary('stage conversion funnel: entered, advanced, conversion, lost, days per stage')
    .description(
      'Per stage in stage order (then won): deals that entered it, advanced, conversion to the next stage and to won, deals lost there, and days in the stage, for the deals created in the period. Exact with stage history (--history: Salesforce OpportunityHistory, the canonical stage_history file, or HubSpot "Date entered" columns, which are read from the deals export itself); without it, inferred from each deal\'s final stage. --explain prints the definitions.',
    )
    .argument('[deals...]', 'deals/opportunities exports (CSV, XLSX, .gz, or - for stdin)')
    .option('--history <files...>', 'stage history export(s)')
    .addOption(new Option('--by <field>', 'one funnel per value of this field').choices(groupFields))
    .addOption(
      new Option(
        '--period <period>',
        'cohort: deals created in this period of the as-of date (default all)',
      ).choices(grains),
    )
    .option('--from <date>', 'cohort: created on or after this date (YYYY-MM-DD)', parseDateOption)
    .option('--to <date>', 'cohort: created on or before this date (YYYY-MM-DD)', parseDateOption)
    .addOption(
      new Option(
        '--funnel-mode <mode>',
        'ordered: count every stage up to the furthest reached; any: only stages entered',
      )
        .choices(funnelModes)
        .default('ordered'),
    )
    .addOption(
      new Option(
        '--conversion <basis>',
        'next: advanced ÷ entered; cumulative: advanced ÷ deals in the funnel',
      )
        .choices(conversionBases)
        .default('next'),
    )
    .option(
      '--phases <map>',
      'buyer-journey phase per stage, e.g. "Prospecting=awareness,Proposal=decision"',
      parsePhases,
    )
    .option(
      '--demo',
      'the embedded demo company with its stage history (as of its snapshot date unless --as-of)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ salesops funnel deals.csv --history stage_history.csv --period quarter
  $ salesops funnel Opportunities.csv --history OpportunityHistory.csv --by owner --format csv
  $ salesops funnel hubspot-deals.csv --funnel-mode any --conversion cumulative
  $ salesops funnel --demo --from 2026-01-01 --to 2026-06-30 --explain`,
    )
    .action(async (files: string[], flags: FunnelFlags, command: Command) => {
      const session = await createSession(command)
      const demo = flags.demo === true
      if (demo && files.length > 0) throw new UsageError('CONFLICTING_OPTIONS', '--demo takes no deals files')
      if (!demo && files.length === 0)
        throw new UsageError('NO_INPUT', 'funnel needs a deals file (or --demo)')
      if (flags.period !== undefined && (flags.from !== undefined || flags.to !== undefined))
        throw new UsageError('CONFLICTING_OPTIONS', '--period goes without --from/--to')
      if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to)
        throw new UsageError('BAD_RANGE', '--from is after --to')
      const { records: deals, summary } = await session.load(
        'deal',
        demo ? [demoFile(demoInputs.deals)] : files,
      )
      // HubSpot deals exports carry their stage history in "Date entered" columns
      const hubspot = files.filter((_, i) => (summary.files[i]?.match.dateEntered.length ?? 0) > 0)
      const historyFiles =
        flags.history ?? (demo ? [demoFile(demoInputs.history)] : hubspot.length > 0 ? hubspot : undefined)
      const history =
        historyFiles === undefined ? undefined : await session.load('stage_change', historyFiles)
      await session.finishLoads()
      const cohort = funnelCohort({
        asOf: asOfFor(session, demo),
        fiscalYearStart: session.options.fiscalYearStart ?? session.config.fiscal_year_start ?? 1,
        ...(flags.period === undefined ? {} : { grain: flags.period }),
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.to === undefined ? {} : { to: flags.to }),
      })
      const phases = flags.phases ?? session.config.funnel?.phases
      const result = funnelOfRecords(deals, history?.records, {
        stages: (await session.loadOptions('deal')).stages ?? summary.files[0]?.match.profile.stages ?? [],
        cohort,
        mode: flags.funnelMode,
        conversion: flags.conversion,
        by: flags.by,
        phases,
      })
      for (const n of funnelNotes(result.facts, result.stages.names[0] ?? '', cohort.label))
        if (n.level === 'warning') session.warn(n.text)
        else session.note(n.text)
      session.explain(
        funnelExplain({
          mode: flags.funnelMode,
          conversion: flags.conversion,
          history: history !== undefined,
          cohort: cohort.label,
          wonStage: result.stages.names[result.stages.won] ?? 'Won',
          ...(phases === undefined ? {} : { phases }),
        }),
      )
      const bars = outputFormat(session) === 'table'
      const chalk = session.out === undefined ? session.chalk : session.plainChalk
      const max = new Map<string | undefined, number>()
      for (const r of result.rows) max.set(r.group, Math.max(max.get(r.group) ?? 0, r.entered))
      const rows = result.rows.map((r: FunnelRow): OutRow => ({
        ...(flags.by === undefined ? {} : { [flags.by]: r.group }),
        ...r,
        ...(bars ? { funnel: chalk.cyan(funnelBar(r.entered, max.get(r.group) ?? 0)) } : {}),
      }))
      await emit(rows, columns(flags.by, flags.conversion, bars), session)
      if (isHumanFormat(outputFormat(session)))
        session.note(
          funnelFooter(flags.funnelMode, flags.conversion, history !== undefined, result.facts, cohort.label),
        )
    })
}
