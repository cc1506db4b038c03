/** `salesops convert FILE...`: any supported export → canonical records (CSV, JSON, …). */
import { Option } from 'commander'
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { EntityName } from '../../model/cells.js'
import { entitySpecs } from '../../model/entities.js'
import { detectHeaders } from '../../io/headers.js'
import { readHeader } from '../../io/load.js'
import { recordColumns, recordRow } from '../../io/record-columns.js'
import { emit } from '../emit.js'
import { createSession } from '../session.js'

export function registerConvertCommand(program: Command): void {
  program
    .command('convert')
    .summary('read exports into canonical records and write them out (CSV, JSON, …)')
    .description(
      "Reads one kind of export (several files are concatenated) with every rule of the loader — profile detection, value formats, stages, currencies — and writes the records in salesops' canonical columns: money in currency units, dates ISO, probabilities as fractions. Invalid rows stop it (exit 3) unless --skip-invalid.",
    )
    .argument('<files...>', 'exports of one kind (CSV, TSV, .gz, .xlsx, - for stdin)')
    .addOption(
      new Option('--as <kind>', 'the kind of record (default: detected from the first file)').choices(
        Object.keys(entitySpecs),
      ),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ salesops convert "Opportunities Report.csv" -o deals.csv
  $ salesops convert hubspot-deals.csv --format json
  $ salesops convert deals-eur.csv deals-usd.csv --fx rates.csv --currency USD -o deals.csv
  $ salesops convert export.csv --skip-invalid --rejects rejected.csv -o clean.csv`,
    )
    .action(async (files: string[], flags: { as?: EntityName }, command: Command) => {
      const session = await createSession(command)
      const first = files[0]
      if (first === undefined) throw new UsageError('NO_INPUT', 'convert needs at least one file')
      let entity = flags.as
      if (entity === undefined) {
        const options = await session.loadOptions('deal')
        const header = await readHeader(first, options)
        entity =
          detectHeaders(header, {
            file: first,
            ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
          })[0]?.entity ?? 'deal'
      }
      session.explain([
        'convert: records in canonical columns (docs/data.md); money in currency units with at most two decimals,',
        '  probabilities as fractions, dates YYYY-MM-DD, lists joined with ";"; with --fx every amount is converted',
        '  into --currency at the file rate and rounded half away from zero to the cent',
      ])
      const { records } = await session.load(entity, files)
      await session.finishLoads()
      await emit(records.map(recordRow), recordColumns(entity), session)
    })
}
