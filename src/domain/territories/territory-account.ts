import type { Account } from '../../model/account.js'
import type { LatLon } from './postal-locations.js'

/** What the territory model needs of an account: a place, what it weighs, where it sits today. */
export interface TerritoryAccount {
  readonly id: string
  readonly lat: number
  readonly lon: number
  /** potential in cents (absent = 0) */
  readonly potential: number
  /** workload in hours (absent = 0) */
  readonly workload: number
  /** today's territory (or owner, with --by owner); undefined = unassigned */
  readonly territory: string | undefined
  /** kept in its current territory by `balance` */
  readonly locked: boolean
}

/** The attributes a plan can be balanced on. */
export const balanceAttributes = ['potential', 'workload', 'accounts'] as const
export type BalanceAttribute = (typeof balanceAttributes)[number]

/** An account's value of one balance attribute (`accounts` counts 1 each). */
export function attributeValue(account: TerritoryAccount, attribute: BalanceAttribute): number {
  return attribute === 'accounts' ? 1 : account[attribute]
}

/**
 * The territory model's view of located accounts: `locations[i]` is account i's place
 * (`locateAccounts`); its territory today is its `territory` (or its `owner` with by = owner); it is
 * locked by its `locked` column or by `lockedIds`.
 */
export function toTerritoryAccounts(
  accounts: readonly Account[],
  locations: readonly (LatLon | undefined)[],
  by: 'territory' | 'owner' = 'territory',
  lockedIds: ReadonlySet<string> = new Set(),
): TerritoryAccount[] {
  return accounts.map((a, i) => {
    const at = locations[i] ?? { lat: 0, lon: 0 }
    return {
      id: a.id,
      lat: at.lat,
      lon: at.lon,
      potential: a.potential ?? 0,
      workload: a.workload ?? 0,
      territory: by === 'owner' ? a.owner : a.territory,
      locked: a.locked === true || lockedIds.has(a.id),
    }
  })
}
