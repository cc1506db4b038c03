/** Input files by kind: named options (--deals, --accounts, …), positional files sorted by their header, or --demo. */
import { UsageError } from '../errors.js'
import type { EntityName } from '../model/cells.js'
import { detectHeaders } from '../io/headers.js'
import { readHeader } from '../io/load.js'
import type { Session } from './session.js'
import { DEMO_SNAPSHOT_ISO, demoFile, demoInputs } from './demo-data.js'
import { parseIsoDate } from '../model/calendar-date.js'
import type { CalendarDate } from '../model/calendar-date.js'

export const inputKinds = {
  deals: 'deal',
  accounts: 'account',
  reps: 'rep',
  quotas: 'quota',
  leads: 'lead',
  contracts: 'contract',
  history: 'stage_change',
  spend: 'spend',
  nps: 'nps',
} as const satisfies Record<string, EntityName>

export type InputKind = keyof typeof inputKinds
export type InputFiles = Partial<Record<EntityName, string[]>>

/** Collects files per entity; positional files are assigned by detecting their headers. */
export async function collectInputs(
  session: Session,
  positional: readonly string[],
  named: Partial<Record<InputKind, string[]>>,
  demo: boolean,
): Promise<InputFiles> {
  const files: InputFiles = {}
  const add = (entity: EntityName, paths: readonly string[]): void => {
    files[entity] = [...(files[entity] ?? []), ...paths]
  }
  if (demo) {
    for (const [kind, name] of Object.entries(demoInputs))
      add(inputKinds[kind as InputKind], [demoFile(name)])
  }
  for (const [kind, paths] of Object.entries(named)) {
    if (kind in inputKinds) add(inputKinds[kind as InputKind], paths)
  }
  for (const path of positional) {
    const options = await session.loadOptions('deal')
    const header = await readHeader(path, options)
    const entity =
      detectHeaders(header, {
        file: path,
        ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
      })[0]?.entity ?? 'deal'
    add(entity, [path])
  }
  return files
}

/** "Today": --as-of, else the demo's snapshot date with --demo, else the machine's date. */
export function asOfFor(session: Session, demo: boolean): CalendarDate {
  if (session.options.asOf !== undefined) return session.options.asOf
  return demo ? (parseIsoDate(DEMO_SNAPSHOT_ISO) ?? session.asOf) : session.asOf
}

/**
 * The files of the command's main input: the ones given, or the demo company's with --demo (not
 * both, and not neither: usage errors naming the command).
 */
export function mainInput(
  command: string,
  files: readonly string[],
  demo: boolean,
  kind: keyof typeof demoInputs,
): string[] {
  if (demo && files.length > 0) {
    throw new UsageError('DEMO_WITH_FILES', `--demo reads the demo company’s ${kind}; give no files with it`)
  }
  if (demo) return [demoFile(demoInputs[kind])]
  if (files.length === 0) throw new UsageError('NO_INPUT', `${command} needs a ${kind} file (or --demo)`)
  return [...files]
}
