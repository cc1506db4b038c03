import type { CalendarDate } from '../../model/calendar-date.js'
import type { Cents } from '../../model/money.js'

/** What a statement line is: commission on credit, or an amount added to or taken from the payout. */
export const lineKinds = ['deal', 'roll-up', 'cap', 'spif', 'clawback', 'draw'] as const
export type LineKind = (typeof lineKinds)[number]

/**
 * One line of a rep's statement (the calculation trace). The commission of a period's lines adds up
 * to the period's payout, to the cent.
 */
export interface StatementLine {
  readonly period: string
  readonly kind: LineKind
  /** deal id ('' for cap and draw lines) */
  readonly deal: string
  readonly date: CalendarDate | null
  /** the deal's whole basis amount */
  readonly amount: Cents | null
  readonly credit_share: number | null
  /** the credit this line pays on (a deal crossing a tier boundary has one line per tier) */
  readonly credited: Cents | null
  readonly tier: string
  readonly rate: number | null
  readonly commission: Cents
  /** the rule that applied, in words */
  readonly rule: string
}
