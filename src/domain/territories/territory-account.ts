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
