import { canonical } from './canonical.js'
import { dynamics } from './dynamics.js'
import { hubspot } from './hubspot.js'
import { odoo } from './odoo.js'
import { pipedrive } from './pipedrive.js'
import { salesforceApi } from './salesforce-api.js'
import { salesforceReport } from './salesforce-report.js'
import type { CrmProfile } from './types.js'
import { zoho } from './zoho.js'

export type { CrmProfile, StageRow } from './types.js'

/** Every built-in CRM dialect, in the order ties are broken. */
export const builtinProfiles: readonly CrmProfile[] = [
  canonical,
  salesforceReport,
  salesforceApi,
  hubspot,
  pipedrive,
  dynamics,
  zoho,
  odoo,
]

export function findProfile(name: string): CrmProfile | undefined {
  return builtinProfiles.find((p) => p.name === name.trim().toLowerCase())
}
