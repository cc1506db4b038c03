import type { EntityName, EntitySpec } from './cells.js'
import { accountSpec } from './account.js'
import { contractSpec } from './contract.js'
import { dealSpec } from './deal.js'
import { leadSpec } from './lead.js'
import { npsSpec } from './nps.js'
import { quotaSpec } from './quota.js'
import { repSpec } from './rep.js'
import { spendSpec } from './spend.js'
import { stageChangeSpec } from './stage-change.js'
import type { Account } from './account.js'
import type { Contract } from './contract.js'
import type { Deal } from './deal.js'
import type { Lead } from './lead.js'
import type { NpsResponse } from './nps.js'
import type { Quota } from './quota.js'
import type { Rep } from './rep.js'
import type { Spend } from './spend.js'
import type { StageChange } from './stage-change.js'

/** Every entity salesops reads, in the order `inspect` tries them. */
export const entitySpecs: Readonly<Record<EntityName, EntitySpec>> = {
  deal: dealSpec,
  account: accountSpec,
  rep: repSpec,
  quota: quotaSpec,
  lead: leadSpec,
  contract: contractSpec,
  stage_change: stageChangeSpec,
  spend: spendSpec,
  nps: npsSpec,
}

export interface EntityRecords {
  deal: Deal
  account: Account
  rep: Rep
  quota: Quota
  lead: Lead
  contract: Contract
  stage_change: StageChange
  spend: Spend
  nps: NpsResponse
}
