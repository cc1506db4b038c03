/**
 * The streaming runner behind `salesops check`: records go in one at a time and are not kept; only
 * findings (up to `maxFindings`), counts and the compact state of cross-record rules stay in memory.
 */
import type { EntityName } from '../../model/cells.js'
import type { EntityRecords } from '../../model/entities.js'
import type { RowIssue } from '../../errors.js'
import { builtinIssueRules, issueRuleId } from './issue-rules.js'
import type { IssueRule } from './issue-rules.js'
import { shiftLogLines, stateBuffers } from './key-log.js'
import type { KeyLogState } from './key-log.js'
import { detachString, findingFor } from './rule-helpers.js'
import { severities } from './types.js'
import type { CheckContext, CheckRule, EntityCheckRule, Finding, Severity } from './types.js'

export interface CheckRun {
  /** Runs every rule for `entity` on `record`. The record is not kept. */
  add<E extends EntityName>(entity: E, record: EntityRecords[E]): void
  /** Reports a row the loader could not turn into a record (see `issueRuleId`). */
  addIssue(entity: EntityName, issue: RowIssue): void
  /** Ends cross-record rules and returns the summary; the run accepts nothing afterwards. */
  finish(): CheckSummary
  /** True when every cross-record rule can hand over and take in state (`part`, `absorb`). */
  readonly splittable: boolean
  /**
   * Parallel checking: the run's state so far (findings, counts, the cross-record rules' logs), to
   * be absorbed by the run that covers the whole input, with the buffers to transfer rather than
   * copy. The run accepts nothing afterwards.
   */
  part(): { readonly part: CheckPart; readonly transfer: readonly ArrayBuffer[] }
  /** Takes in the part of a run over the input that comes next (same rules, same context), as if its records had been added here now. */
  absorb(part: CheckPart): void
}

/** A run's state over one part of the input (structured-cloneable). */
export interface CheckPart {
  readonly findings: readonly Finding[]
  readonly ruleCounts: readonly { rule: string; severity: Severity; count: number }[]
  readonly records: Readonly<Partial<Record<EntityName, number>>>
  /** per cross-record rule, in the order of the rules given to the run */
  readonly states: readonly (readonly KeyLogState[])[]
}

/**
 * A part with `shift` added to every line in it (findings and the cross-record rules' logs): for a
 * part of a file that counted its lines from its own start, once the lines before it are known.
 */
export function shiftCheckPart(part: CheckPart, shift: number): CheckPart {
  if (shift === 0) return part
  return {
    ...part,
    findings: part.findings.map((finding) => ({ ...finding, line: finding.line + shift })),
    states: part.states.map((states) => states.map((state) => shiftLogLines(state, shift))),
  }
}

export interface CheckSummary {
  /** Kept findings (at most `maxFindings`), sorted by file, line, rule (then entity, record id, message). */
  readonly findings: readonly Finding[]
  /** All findings by severity, kept or not. */
  readonly counts: Record<Severity, number>
  /** All findings by rule and severity, kept or not; most severe first, then by rule id. */
  readonly byRule: readonly { rule: string; severity: Severity; count: number }[]
  /** Findings counted but not kept because of `maxFindings`. */
  readonly omitted: number
  /** Records checked, per entity. */
  readonly records: Readonly<Partial<Record<EntityName, number>>>
}

export interface CheckRunOptions {
  /**
   * Findings to keep (default 100 000). Beyond it findings are still counted in `counts` and `byRule`,
   * but only the first `maxFindings` in sort order (file, line, rule) are kept, whatever order they came in.
   */
  readonly maxFindings?: number
  /** Issue rules in force (default `builtinIssueRules`); an issue whose rule is absent is ignored. */
  readonly issueRules?: readonly IssueRule[]
}

export const defaultMaxFindings = 100_000

type AnyRecord = EntityRecords[EntityName]

/** A rule's per-record test, as the runner calls it. */
type RecordTest = (record: AnyRecord, ctx: CheckContext) => readonly string[] | string | undefined

/** A cross-record rule, ready to take records. Method syntax on purpose: each takes only its own entity's records. */
interface ActiveRule {
  add(record: AnyRecord): void
  end(): void
  /** cross-record rules that can be checked in parts */
  part?(): readonly KeyLogState[]
  absorb?(state: readonly KeyLogState[]): void
}

/**
 * Starts a check run over `rules` (rules of entities never added simply stay silent).
 *
 * @example
 * const run = createCheckRun(builtinRules, { asOf: parseIsoDate('2025-03-31')!, staleDays: 30 })
 * for await (const deal of deals) run.add('deal', deal)
 * const { findings, counts } = run.finish() //=> counts.error > 0 → exit 1 with --fail-on error
 */
export function createCheckRun(
  rules: readonly CheckRule[],
  ctx: CheckContext,
  options: CheckRunOptions = {},
): CheckRun {
  const maxFindings = Math.max(0, Math.floor(options.maxFindings ?? defaultMaxFindings))
  const issueRules = new Map((options.issueRules ?? builtinIssueRules).map((rule) => [rule.id, rule]))
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  const ruleCounts = new Map<string, { rule: string; severity: Severity; count: number }>()
  const records: Partial<Record<EntityName, number>> = {}
  let kept: Finding[] = []
  let total = 0
  let summary: CheckSummary | undefined

  const emit = (finding: Finding): void => {
    total++
    counts[finding.severity]++
    const key = `${finding.severity}\u0000${finding.rule}`
    const entry = ruleCounts.get(key)
    if (entry === undefined) ruleCounts.set(key, { rule: finding.rule, severity: finding.severity, count: 1 })
    else entry.count++
    if (maxFindings === 0) return
    kept.push({
      ...finding,
      record_id: detachString(finding.record_id),
      message: detachString(finding.message),
    })
    // Keep the smallest maxFindings by sort order, in amortised O(log n) per finding.
    if (kept.length >= 2 * maxFindings) kept = kept.sort(compareFindings).slice(0, maxFindings)
  }

  const byEntity = new Map<EntityName, ActiveRule[]>()
  /**
   * Per entity, its per-record tests called directly (not through an ActiveRule each: a million
   * records times a dozen rules), with the rule each belongs to.
   */
  const testsOf = new Map<EntityName, { rules: EntityCheckRule<EntityName>[]; tests: RecordTest[] }>()
  /** the cross-record rules, in registry order (the order of `CheckPart.states`) */
  const stateful: ActiveRule[] = []
  let splittable = true
  for (const rule of rules) {
    if (rule.appliesTo?.(ctx) === false) continue
    // Safe: the runner hands a rule only records of its own entity (dispatch by `rule.entity` below).
    const entityRule = rule as EntityCheckRule<EntityName>
    if (entityRule.check !== undefined) {
      const entry = testsOf.get(rule.entity) ?? { rules: [], tests: [] }
      entry.rules.push(entityRule)
      entry.tests.push(entityRule.check)
      testsOf.set(rule.entity, entry)
      continue
    }
    const active = activate(entityRule, ctx, emit)
    const list = byEntity.get(rule.entity)
    if (list === undefined) byEntity.set(rule.entity, [active])
    else list.push(active)
    stateful.push(active)
    if (active.part === undefined || active.absorb === undefined) splittable = false
  }
  const report = (rule: EntityCheckRule<EntityName>, record: AnyRecord, message: string): void => {
    emit(findingFor(rule, record, message))
  }

  let lastEntity: EntityName | undefined
  let lastRules: readonly ActiveRule[] = []
  let lastTests: readonly RecordTest[] = []
  let lastTestRules: readonly EntityCheckRule<EntityName>[] = []
  const assertOpen = (): void => {
    if (summary !== undefined) throw new Error('this check run has finished')
  }

  return {
    add(entity, record) {
      assertOpen()
      // the rules of the entity of the last record, looked up again only when the entity changes
      if (entity !== lastEntity) {
        lastEntity = entity
        lastRules = byEntity.get(entity) ?? []
        lastTests = testsOf.get(entity)?.tests ?? []
        lastTestRules = testsOf.get(entity)?.rules ?? []
      }
      records[entity] = (records[entity] ?? 0) + 1
      for (let i = 0; i < lastTests.length; i++) {
        const result = (lastTests[i] as RecordTest)(record, ctx)
        if (result === undefined) continue
        const rule = lastTestRules[i] as EntityCheckRule<EntityName>
        if (typeof result === 'string') report(rule, record, result)
        else for (const message of result) report(rule, record, message)
      }
      for (let i = 0; i < lastRules.length; i++) (lastRules[i] as ActiveRule).add(record)
    },
    addIssue(entity, issue) {
      assertOpen()
      const rule = issueRules.get(issueRuleId(issue.code))
      if (rule === undefined) return
      emit({
        rule: rule.id,
        severity: rule.severity,
        file: issue.file,
        line: issue.line,
        entity,
        record_id: '',
        message: issue.column === '' ? issue.message : `column "${issue.column}": ${issue.message}`,
      })
    },
    finish() {
      if (summary !== undefined) return summary
      for (const list of byEntity.values()) for (const active of list) active.end()
      const findings = kept.sort(compareFindings).slice(0, maxFindings)
      kept = []
      const byRule = [...ruleCounts.values()].sort(
        (a, b) =>
          severities.indexOf(a.severity) - severities.indexOf(b.severity) || compareText(a.rule, b.rule),
      )
      summary = { findings, counts, byRule, omitted: total - findings.length, records }
      return summary
    },
    splittable,
    part() {
      assertOpen()
      if (!splittable) throw new Error('a cross-record rule of this run cannot be checked in parts')
      const states = stateful.map((active) => active.part?.() ?? [])
      const part: CheckPart = { findings: kept, ruleCounts: [...ruleCounts.values()], records, states }
      summary = { findings: [], counts, byRule: [], omitted: 0, records }
      return { part, transfer: states.flatMap((state) => state.flatMap(stateBuffers)) }
    },
    absorb(part) {
      assertOpen()
      if (!splittable) throw new Error('a cross-record rule of this run cannot be checked in parts')
      for (const [entity, n] of Object.entries(part.records) as [EntityName, number][])
        records[entity] = (records[entity] ?? 0) + n
      for (const entry of part.ruleCounts) {
        counts[entry.severity] += entry.count
        total += entry.count
        const key = `${entry.severity}\u0000${entry.rule}`
        const known = ruleCounts.get(key)
        if (known === undefined) ruleCounts.set(key, { ...entry })
        else known.count += entry.count
      }
      if (maxFindings > 0) {
        for (const finding of part.findings) kept.push(finding)
        if (kept.length >= 2 * maxFindings) kept = kept.sort(compareFindings).slice(0, maxFindings)
      }
      part.states.forEach((state, i) => stateful[i]?.absorb?.(state))
    },
  }
}

function activate(
  rule: EntityCheckRule<EntityName>,
  ctx: CheckContext,
  emit: (finding: Finding) => void,
): ActiveRule {
  if (rule.create === undefined) throw new Error(`check rule ${rule.id} has neither check nor create`)
  const checker = rule.create(ctx)
  // The registered rule decides id and severity, so an override ({ ...rule, severity }) also applies here.
  const stamp = (findings: readonly Finding[] | undefined): void => {
    if (findings === undefined) return
    for (const finding of findings) {
      emit(
        finding.rule === rule.id && finding.severity === rule.severity
          ? finding
          : { ...finding, rule: rule.id, severity: rule.severity },
      )
    }
  }
  return {
    add(record) {
      stamp(checker.add(record))
    },
    end() {
      stamp(checker.end())
    },
    ...(checker.part === undefined || checker.absorb === undefined
      ? {}
      : {
          part: () => checker.part?.() ?? [],
          absorb: (state: readonly KeyLogState[]) => {
            checker.absorb?.(state)
          },
        }),
  }
}

/** Code-unit order: the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** By file, line, rule, then entity, record id and message, so that the order is total. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.rule, b.rule) ||
    compareText(a.entity, b.entity) ||
    compareText(a.record_id, b.record_id) ||
    compareText(a.message, b.message)
  )
}
