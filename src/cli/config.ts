/**
 * `salesops.config.json` / `.yaml`: defaults for options, column mappings and the stage table.
 * Validated with zod (`config-schema.ts`, loaded only when there is a file); an error names the key
 * path (`stages[2].status: expected open, won or lost`).
 */
import { UsageError } from '../errors.js'
import type { StageRow } from '../io/profiles/index.js'
import { fileExists, readTextFile } from '../io/files.js'
import type { Config } from './config-schema.js'

export type { Config } from './config-schema.js'

export const DEFAULT_CONFIG_FILES = ['salesops.config.json', 'salesops.config.yaml', 'salesops.config.yml']

/** Reads and validates a config file; `undefined` path looks for the default names in the current folder. */
export async function loadConfig(
  path: string | undefined,
): Promise<{ config: Config; file: string | undefined }> {
  let file = path
  if (file === undefined) {
    for (const candidate of DEFAULT_CONFIG_FILES) {
      if (await fileExists(candidate)) {
        file = candidate
        break
      }
    }
    if (file === undefined) return { config: {}, file: undefined }
  }
  let text: string
  try {
    text = await readTextFile(file)
  } catch (error) {
    throw new UsageError('CONFIG_UNREADABLE', `${file}: cannot read the config file`, { cause: error })
  }
  const { parseConfig } = await import('./config-schema.js')
  return { config: await parseConfig(file, text), file }
}

export function configStages(config: Config): StageRow[] | undefined {
  return config.stages?.map((s) => ({
    name: s.name,
    status: s.status,
    ...(s.probability === undefined ? {} : { probability: s.probability / 100 }),
    ...(s.forecast_category === undefined ? {} : { forecastCategory: s.forecast_category }),
    ...(s.aliases === undefined ? {} : { aliases: s.aliases }),
  }))
}
