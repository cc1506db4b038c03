/**
 * The funnel from loaded records: every stage name resolved through the loader's stage table (the
 * config's, else the detected profile's), then `funnelRows`. Shared by `funnel` and `report`.
 */
import { createStageResolver } from '../io/stages.js'
import type { StageRow } from '../io/profiles/index.js'
import type { Deal } from '../model/deal.js'
import type { StageChange } from '../model/stage-change.js'
import { funnelDeal } from '../domain/funnel/deal-journey.js'
import type { FunnelMode, GroupField } from '../domain/funnel/deal-journey.js'
import { funnelRows } from '../domain/funnel/funnel-rows.js'
import type { ConversionBasis, FunnelResult } from '../domain/funnel/funnel-rows.js'
import type { Cohort } from '../domain/funnel/funnel-cohort.js'

export interface FunnelRun {
  readonly stages: readonly StageRow[]
  readonly cohort: Cohort
  readonly mode: FunnelMode
  readonly conversion: ConversionBasis
  readonly by?: GroupField | undefined
  readonly phases?: Readonly<Record<string, string>> | undefined
}

export function funnelOfRecords(
  deals: readonly Deal[],
  history: readonly StageChange[] | undefined,
  run: FunnelRun,
): FunnelResult {
  const resolver = createStageResolver(run.stages)
  return funnelRows(
    deals.map((d) => funnelDeal(d, resolver.resolve(d.stage), run.by)),
    history?.map((c) => {
      const stage = resolver.resolve(c.to_stage)
      return { deal_id: c.deal_id, date: c.date, stage: stage.name, status: stage.status }
    }),
    {
      stages: resolver.table,
      mode: run.mode,
      conversion: run.conversion,
      grouped: run.by !== undefined,
      ...(run.cohort.created === undefined ? {} : { created: run.cohort.created }),
      ...(run.phases === undefined ? {} : { phases: run.phases }),
    },
  )
}
