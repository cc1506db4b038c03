/** Where the embedded demo company lives (fixtures/demo in the package) and its fixed "today". */
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

// Paths from this module, two folders below the package root both in dist/cli (tsc) and in
// dist/app (the bundle): keep path lookups in a module at that depth.
export const DEMO_DIR = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url))

/** The example commission plan that `commissions --demo` uses. */
export const DEMO_PLAN = fileURLToPath(new URL('../../docs/plans/tiered.yaml', import.meta.url))

export function demoFile(name: string): string {
  return join(DEMO_DIR, name)
}

/** The demo files by kind, as `--deals` etc. would name them. */
export const demoInputs = {
  deals: 'deals.csv',
  accounts: 'accounts.csv',
  reps: 'reps.csv',
  quotas: 'quotas.csv',
  leads: 'leads.csv',
  contracts: 'contracts.csv',
  history: 'stage_history.csv.gz',
  spend: 'spend.csv',
  nps: 'nps.csv',
} as const

/** The demo company's "today": the day its snapshot was taken (src/demo). */
export const DEMO_SNAPSHOT_ISO = '2026-11-27'

/** Last week's open-pipeline export of the demo (the OLD side of `pipeline diff --demo`). */
export const DEMO_PREVIOUS_PIPELINE = 'open_pipeline_2026-11-20.csv'
