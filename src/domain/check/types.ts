/**
 * The vocabulary of `salesops check`: findings, the run context and the shape of a rule. Rules are
 * data (see `builtin-rules.ts`); the runner (`run-checks.ts`) streams records through them.
 */
import type { CalendarDate } from '../../model/calendar-date.js'
import type { EntityName } from '../../model/cells.js'
import type { EntityRecords } from '../../model/entities.js'
import type { KeyLogState } from './key-log.js'

export type Severity = 'error' | 'warning' | 'info'

/** Most severe first; the order of `CheckSummary.byRule` and of `--fail-on` thresholds. */
export const severities: readonly Severity[] = ['error', 'warning', 'info']

/** One problem with one record (or one input row), pointing at a line the user can open. */
export interface Finding {
  readonly rule: string
  readonly severity: Severity
  readonly file: string
  readonly line: number
  readonly entity: EntityName
  /** The record's id ('' when the row did not parse or the entity has no id). */
  readonly record_id: string
  readonly message: string
}

export interface CheckContext {
  /** "Today" for past-due and staleness rules. */
  readonly asOf: CalendarDate
  /** `--stale-days` (default 30): an open deal is stale when its last activity is older than this. */
  readonly staleDays: number
  /**
   * Rep names and ids from `--reps`, when given. Owners are matched against both, ignoring case and
   * runs of whitespace ("ana  López" matches "Ana López"). Put rep emails into `repNames` to accept them too.
   */
  readonly repNames?: ReadonlySet<string>
  readonly repIds?: ReadonlySet<string>
  /** Account ids from `--accounts`, when given; matched exactly (CRM ids can be case-sensitive). */
  readonly accountIds?: ReadonlySet<string>
}

/** A stateful checker for cross-record rules, created once per run. */
export interface RuleChecker<E extends EntityName> {
  add(record: EntityRecords[E]): readonly Finding[] | undefined
  end(): readonly Finding[]
  /**
   * For checking parts of the input in parallel: the checker's state so far (structured-cloneable;
   * its ArrayBuffers may be transferred, after which this checker is spent) ...
   */
  part?(): readonly KeyLogState[]
  /** ... and taking in the state of a part that comes next in input order. Give both or neither. */
  absorb?(state: readonly KeyLogState[]): void
}

/** A rule over one entity. Give `check` (per record) or `create` (cross-record); `check` wins if both are given. */
export interface EntityCheckRule<E extends EntityName> {
  /** kebab-case and stable, e.g. 'open-deal-past-close-date'. The pair (id, entity) is unique in a registry. */
  readonly id: string
  readonly entity: E
  readonly severity: Severity
  /** One sentence for `--explain` and docs. */
  readonly description: string
  /**
   * The record fields `check` or `create` read (the id, the source file and line are always
   * there). When every rule of an entity declares them, `salesops check` may leave the other text
   * fields of that entity unread (undefined), which saves parsing them; without it a rule gets every field.
   */
  readonly reads?: readonly (keyof EntityRecords[E] & string)[]
  /**
   * False when the rule has nothing to check in this run (a rule about --reps without a reps file):
   * it is then left out of the run, which saves calling it for every record.
   */
  readonly appliesTo?: (ctx: CheckContext) => boolean
  /** Per-record test; returns messages (usually 0 or 1). */
  readonly check?: (record: EntityRecords[E], ctx: CheckContext) => readonly string[] | string | undefined
  /**
   * Cross-record rules: a stateful checker created once per run. The runner stamps `rule` and
   * `severity` of the returned findings from this rule object, so a severity override
   * (`{ ...rule, severity: 'error' }`) also applies here.
   */
  readonly create?: (ctx: CheckContext) => RuleChecker<E>
}

/**
 * A check rule. `CheckRule<'deal'>` is a rule over deals; plain `CheckRule` is the union of the rules
 * over every entity, so a registry can mix entities and still type each `check` against its record.
 */
export type CheckRule<E extends EntityName = EntityName> = E extends EntityName ? EntityCheckRule<E> : never
