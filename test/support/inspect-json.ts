/** `inspect --format json` output, typed against the model the CLI serialises. */
import type { Inspection } from '../../src/model/inspection.js'

export type { Inspection }

export function parseInspections(stdout: string): Inspection[] {
  return JSON.parse(stdout) as Inspection[]
}

/** The one inspection of a single-file run. */
export function onlyInspection(stdout: string): Inspection {
  const all = parseInspections(stdout)
  if (all.length !== 1 || all[0] === undefined) throw new Error(`expected one inspection, got ${all.length}`)
  return all[0]
}

/** header → field (or '' when unmapped), in file order. */
export function mapping(inspection: Inspection): Record<string, string> {
  return Object.fromEntries(inspection.columns.map((c) => [c.header, c.field]))
}

/** header → inferred format label. */
export function formats(inspection: Inspection): Record<string, string> {
  return Object.fromEntries(inspection.columns.map((c) => [c.header, c.format]))
}
