/** `salesops inspect FILE...`: what salesops makes of each file, the first thing a new user runs. */
import { Option } from 'commander'
import type { Command } from 'commander'
import type { RowIssue } from '../../errors.js'
import type { Columns } from '../../model/columns.js'
import type { EntityName } from '../../model/cells.js'
import { entitySpecs } from '../../model/entities.js'
import { detectHeaders } from '../../io/headers.js'
import { describeFile } from '../../io/inspection.js'
import type { ColumnMapping, Inspection } from '../../io/inspection.js'
import { readHeader, streamRecords } from '../../io/load.js'
import { findProfile } from '../../io/profiles/index.js'
import { renderInspection } from '../../render/inspection.js'
import { formatRows, outputFormat, writeData } from '../emit.js'
import { createSession } from '../session.js'
import { DEMO_DIR, demoFile, demoInputs } from '../demo-data.js'
import { UsageError } from '../../errors.js'

const MAPPING_COLUMNS: Columns<ColumnMapping> = [
  { key: 'file', header: 'File', kind: 'text' },
  { key: 'header', header: 'Header', kind: 'text' },
  { key: 'field', header: 'Field', kind: 'text' },
  { key: 'kind', header: 'Kind', kind: 'text' },
  { key: 'format', header: 'Format', kind: 'text' },
  { key: 'via', header: 'Matched by', kind: 'text' },
]

const entityNames = Object.keys(entitySpecs) as EntityName[]

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .summary('show how salesops reads each file: encoding, profile, column mapping, stages, issues')
    .description(
      'Reads each file completely and reports its encoding and delimiter, the detected CRM profile and record kind with a confidence score, the header → field mapping with the date format inferred for each date column, the row count with invalid rows and their first issues, currencies, and the stages found with their open/won/lost mapping.',
    )
    .argument('[files...]', 'CSV, TSV, .gz or .xlsx exports (- for stdin)')
    .addOption(
      new Option('--as <kind>', 'read every file as this kind instead of detecting it').choices(entityNames),
    )
    .option('--demo', `inspect the embedded demo company (${DEMO_DIR})`)
    .addHelpText(
      'after',
      `
Examples:
  $ salesops inspect opportunities.csv
  $ salesops inspect export.csv --map amount="Total Value" --map close_date="Signed On"
  $ salesops inspect --demo --format json`,
    )
    .action(async (files: string[], flags: { as?: EntityName; demo?: boolean }, command: Command) => {
      const session = await createSession(command)
      const paths = flags.demo === true ? Object.values(demoInputs).map(demoFile) : files
      if (paths.length === 0) throw new UsageError('NO_INPUT', 'inspect needs at least one file (or --demo)')
      session.explain([
        'inspect: how a file is read (docs/data.md):',
        '  profile × kind  every built-in profile and record kind is scored on the header row: a header matched by the',
        "                  profile's own name for a field counts 1, by a generic canonical name 0.5; a header the kind cannot use −1;",
        '                  signature columns of the kind +2, a file-name hint +1; candidates missing a required column rank last',
        "  confidence      the share of the file's headers the chosen profile recognises (own names 1, generic 0.5), at most 100%",
        '  formats         per column from the first 2,000 data rows: date format, decimal style, probability scale',
        '  rows            data rows read (blank lines and report footers excluded) = valid + invalid',
      ])
      const items: Inspection[] = []
      for (const path of paths) {
        const loadOptions = await session.loadOptions(flags.as ?? 'deal')
        let entity = flags.as
        if (entity === undefined) {
          const header = await readHeader(path, loadOptions)
          const profile = loadOptions.profile === undefined ? undefined : findProfile(loadOptions.profile)
          entity =
            detectHeaders(header, {
              file: path,
              ...(profile === undefined ? {} : { profile }),
              ...(loadOptions.overrides === undefined ? {} : { overrides: loadOptions.overrides }),
            })[0]?.entity ?? 'deal'
        }
        const issues: RowIssue[] = []
        const options = await session.loadOptions(entity)
        const summary = await streamRecords(
          [path],
          {
            ...options,
            collectOnly: true,
            onIssue: (issue) => {
              if (issues.length < 20) issues.push(issue)
            },
          },
          () => undefined,
        )
        const report = summary.files[0]
        if (report !== undefined) items.push(describeFile(report, issues))
      }
      await session.finishLoads()
      const format = outputFormat(session)
      if (format === 'json') await writeData(`${JSON.stringify(items, null, 2)}\n`, session)
      else if (format === 'ndjson')
        await writeData(items.map((i) => `${JSON.stringify(i)}\n`).join(''), session)
      else if (format === 'csv' || format === 'tsv')
        await writeData(
          formatRows(
            items.flatMap((i) => i.columns),
            MAPPING_COLUMNS,
            session,
          ),
          session,
        )
      else
        await writeData(
          renderInspection(items, session.out === undefined ? session.chalk : session.plainChalk),
          session,
        )
    })
}
