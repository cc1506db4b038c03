/** `salesops demo --out DIR`: writes the seeded demo company (or benchmark-size data from the same generator). */
import type { Command } from 'commander'
import { join } from 'node:path'
import { createAtomicWriter, ensureDir } from '../../io/files.js'
import { csvLine } from '../../io/to-csv.js'
import { DEFAULT_DEMO_DEALS, generateDemo } from '../../demo/generate-demo.js'
import { UsageError } from '../../errors.js'
import { parseNonNegativeInt, parsePositiveInt } from '../options.js'
import { createSession } from '../session.js'
import { formatCount } from '../../model/counts.js'

interface DemoFlags {
  seed: number
  deals?: number
  dir?: string
  gzipHistory?: boolean
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .summary(
      'write the demo company (reps, accounts, deals, stage history, quotas, contracts, leads, spend, NPS)',
    )
    .description(
      'Generates a realistic, seeded B2B sales company as canonical CSV files: same seed, same bytes. The files shipped in fixtures/demo are `salesops demo --out fixtures/demo --seed 42 --gzip-history` (npm run demo:fixtures). --deals scales the deals (and stage history) to benchmark size.',
    )
    .option('--dir <dir>', 'folder to write the files into (or the global -o/--out)')
    .option('--seed <n>', 'random seed', parseNonNegativeInt, 42)
    .option('--deals <n>', `number of deals (default ${formatCount(DEFAULT_DEMO_DEALS)})`, parsePositiveInt)
    .option(
      '--gzip-history',
      'write the stage history gzipped (stage_history.csv.gz), as the shipped demo does',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ salesops demo --out demo-data
  $ salesops demo --out bench-data --deals 1000000`,
    )
    .action(async (flags: DemoFlags, command: Command) => {
      const session = await createSession(command)
      const dir = flags.dir ?? session.options.out
      if (dir === undefined) throw new UsageError('NO_OUTPUT', 'demo needs a folder: --out DIR')
      await ensureDir(dir)
      const files = generateDemo({
        seed: flags.seed,
        ...(flags.deals === undefined ? {} : { deals: flags.deals }),
      })
      for (const file of files) {
        const gzip = flags.gzipHistory === true && file.name === 'stage_history.csv'
        const name = gzip ? `${file.name}.gz` : file.name
        const writer = createAtomicWriter(join(dir, name), { gzip })
        try {
          let buffer = csvLine(file.header)
          let rows = 0
          for (const row of file.rows()) {
            buffer += csvLine(row)
            rows++
            if (buffer.length > 1 << 20) {
              await writer.write(buffer)
              buffer = ''
            }
          }
          await writer.write(buffer)
          await writer.commit()
          session.note(`${join(dir, name)}: ${formatCount(rows)} rows`)
        } catch (error) {
          await writer.abort()
          throw error
        }
      }
    })
}
