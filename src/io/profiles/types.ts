import type { EntityName } from '../../model/cells.js'
import type { DealStatus, ForecastCategory } from '../../model/deal.js'
import type { ProbabilityScale } from '../values.js'

/** One stage of a CRM's pipeline, in pipeline order. */
export interface StageRow {
  readonly name: string
  readonly status: DealStatus
  /** default probability as a fraction 0..1 */
  readonly probability?: number
  readonly forecastCategory?: ForecastCategory
  /** other spellings of the same stage (API ids like `closedwon`) */
  readonly aliases?: readonly string[]
}

/**
 * A CRM export dialect, as data: which headers mean which canonical field (per entity), the
 * default stage table, and how values are written. Adding a CRM is one file plus one registry line.
 */
export interface CrmProfile {
  readonly name: string
  readonly label: string
  /** entity → canonical field → the headers this CRM writes for it (matched after normalising) */
  readonly headers: Partial<Readonly<Record<EntityName, Readonly<Record<string, readonly string[]>>>>>
  readonly stages: readonly StageRow[]
  /** How bare probability numbers are written: 0–100 or 0–1. */
  readonly probabilityScale: ProbabilityScale
  /** Stage history in `Date entered "<Stage> (<Pipeline>)"` columns of the deals export (HubSpot). */
  readonly dateEnteredColumns?: boolean
}
