/**
 * The buyer-journey phase of each funnel row. Default: the table's open stages split into thirds by
 * position — the first third awareness, the middle third consideration, the rest decision
 * (phase of position i of n = ["awareness", "consideration", "decision"][floor(3i / n)]); the won
 * row is decision; open stages the table does not know have no phase. A mapping (config
 * `funnel.phases` or `--phases Stage=phase,...`) overrides any row, matched ignoring case.
 */
import type { FunnelStageList } from './funnel-stages.js'

export const defaultPhases = ['awareness', 'consideration', 'decision'] as const

export interface StagePhases {
  /** the phase per row of `stages.names`; null when none */
  readonly phases: readonly (string | null)[]
  /** stage names of the mapping that match no row (typos, or stages of another pipeline) */
  readonly unused: readonly string[]
}

const fold = (s: string): string => s.trim().toLowerCase()

export function stagePhases(
  stages: FunnelStageList,
  mapping: Readonly<Record<string, string>> = {},
): StagePhases {
  const byName = new Map<string, string>()
  for (const [stage, phase] of Object.entries(mapping)) byName.set(fold(stage), phase.trim())
  const n = stages.known
  const phases = stages.names.map((name, i): string | null => {
    const mapped = byName.get(fold(name))
    if (mapped !== undefined) return mapped
    if (i === stages.won) return 'decision'
    if (i < n) return defaultPhases[Math.floor((3 * i) / n)] ?? 'decision'
    return null
  })
  const rows = new Set(stages.names.map(fold))
  const unused = Object.keys(mapping).filter((stage) => !rows.has(fold(stage)))
  return { phases, unused }
}
