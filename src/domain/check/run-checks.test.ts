import { describe, expect, it } from 'vitest'
import type { RowIssue } from '../../errors.js'
import { builtinRules } from './builtin-rules.js'
import { createCheckRun } from './run-checks.js'
import { account, context, day, deal } from './test-factories.js'
import type { CheckRule, Finding } from './types.js'

const noOwner: CheckRule<'deal'> = {
  id: 'no-owner',
  entity: 'deal',
  severity: 'warning',
  description: 'test rule',
  check: (d) => (d.owner === undefined ? 'no owner' : undefined),
}
const twoMessages: CheckRule<'deal'> = {
  id: 'two-messages',
  entity: 'deal',
  severity: 'info',
  description: 'test rule',
  check: () => ['first', 'second'],
}
/** Reports every deal at the end of the run, to test end() and stamping. */
const atEnd: CheckRule<'deal'> = {
  id: 'at-end',
  entity: 'deal',
  severity: 'error',
  description: 'test rule',
  create: () => {
    const lines: number[] = []
    return {
      add: (d) => {
        lines.push(d.source_line)
        return undefined
      },
      end: () =>
        lines.map((line): Finding => ({
          rule: 'something-else',
          severity: 'info',
          file: 'deals.csv',
          line,
          entity: 'deal',
          record_id: '',
          message: 'at end',
        })),
    }
  },
}

function issue(overrides: Partial<RowIssue>): RowIssue {
  return {
    file: 'deals.csv',
    line: 4,
    column: 'Amount',
    message: 'expected an amount, got "12,3x"',
    code: 'BAD_VALUE',
    ...overrides,
  }
}

describe('createCheckRun', () => {
  it('sorts findings by file, line and rule, whatever order they came in', () => {
    const run = createCheckRun([twoMessages, noOwner], context())
    run.add('deal', deal({ owner: undefined, source_file: 'b.csv', source_line: 2 }))
    run.add('deal', deal({ owner: undefined, source_file: 'a.csv', source_line: 10 }))
    run.add('deal', deal({ source_file: 'a.csv', source_line: 9 }))
    expect(run.finish().findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`)).toEqual([
      'a.csv:9 two-messages first',
      'a.csv:9 two-messages second',
      'a.csv:10 no-owner no owner',
      'a.csv:10 two-messages first',
      'a.csv:10 two-messages second',
      'b.csv:2 no-owner no owner',
      'b.csv:2 two-messages first',
      'b.csv:2 two-messages second',
    ])
  })

  it('fills a finding from the record and the rule', () => {
    const run = createCheckRun([noOwner], context())
    run.add('deal', deal({ id: 'D-42', owner: undefined, source_line: 17 }))
    expect(run.finish().findings).toEqual([
      {
        rule: 'no-owner',
        severity: 'warning',
        file: 'deals.csv',
        line: 17,
        entity: 'deal',
        record_id: 'D-42',
        message: 'no owner',
      },
    ])
  })

  it('runs only the rules of the record entity', () => {
    const run = createCheckRun([noOwner], context())
    run.add('account', account({ owner: undefined }))
    const summary = run.finish()
    expect(summary.findings).toEqual([])
    expect(summary.records).toEqual({ account: 1 })
  })

  it('leaves out the rules that do not apply to the run', () => {
    const never: CheckRule<'deal'> = {
      ...noOwner,
      appliesTo: () => false,
      check: () => {
        throw new Error('a rule that does not apply was called')
      },
    }
    const run = createCheckRun([never, noOwner], context())
    run.add('deal', deal({ owner: undefined }))
    expect(run.finish().findings.map((f) => f.rule)).toEqual([noOwner.id])
  })

  it('collects findings of cross-record rules at the end and stamps the registered rule id and severity', () => {
    const run = createCheckRun([{ ...atEnd, severity: 'warning' }], context())
    run.add('deal', deal({ source_line: 3 }))
    run.add('deal', deal({ source_line: 2 }))
    const summary = run.finish()
    expect(summary.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['at-end', 'warning', 2],
      ['at-end', 'warning', 3],
    ])
    expect(summary.counts).toEqual({ error: 0, warning: 2, info: 0 })
  })

  it('keeps the first maxFindings in sort order but counts all findings', () => {
    const run = createCheckRun([twoMessages, noOwner], context(), { maxFindings: 3 })
    for (const line of [9, 8, 7, 6, 5, 4, 3, 2])
      run.add('deal', deal({ owner: undefined, source_line: line }))
    const summary = run.finish()
    expect(summary.findings.map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '2 no-owner no owner',
      '2 two-messages first',
      '2 two-messages second',
    ])
    expect(summary.counts).toEqual({ error: 0, warning: 8, info: 16 })
    expect(summary.byRule).toEqual([
      { rule: 'no-owner', severity: 'warning', count: 8 },
      { rule: 'two-messages', severity: 'info', count: 16 },
    ])
    expect(summary.omitted).toBe(21)
  })

  it('keeps no findings with maxFindings 0 and still counts them', () => {
    const run = createCheckRun([noOwner], context(), { maxFindings: 0 })
    run.add('deal', deal({ owner: undefined }))
    const summary = run.finish()
    expect(summary.findings).toEqual([])
    expect(summary.counts.warning).toBe(1)
    expect(summary.omitted).toBe(1)
  })

  it.each([
    ['SCI_NOTATION_ID', 'Deal ID', 'sci-notation-id', 'error'],
    ['MOJIBAKE', 'Account', 'mojibake', 'warning'],
    ['MISSING_VALUE', 'Amount', 'invalid-row', 'error'],
    ['BAD_VALUE', 'Amount', 'invalid-row', 'error'],
    ['RAGGED_ROW', '', 'invalid-row', 'error'],
  ])('maps issue code %s in column %j to rule %s (%s)', (code, column, rule, severity) => {
    const run = createCheckRun([], context())
    run.addIssue('deal', issue({ code, column, message: 'the message' }))
    expect(run.finish().findings).toEqual([
      {
        rule,
        severity,
        file: 'deals.csv',
        line: 4,
        entity: 'deal',
        record_id: '',
        message: column === '' ? 'the message' : `column "${column}": the message`,
      },
    ])
  })

  it('ignores issues whose rule is not in force', () => {
    const run = createCheckRun([], context(), {
      issueRules: [{ id: 'invalid-row', severity: 'warning', description: 'd' }],
    })
    run.addIssue('deal', issue({ code: 'MOJIBAKE' }))
    run.addIssue('deal', issue({ code: 'BAD_VALUE' }))
    expect(run.finish().findings.map((f) => [f.rule, f.severity])).toEqual([['invalid-row', 'warning']])
  })

  it('sorts issues and record findings together', () => {
    const run = createCheckRun([noOwner], context())
    run.add('deal', deal({ owner: undefined, source_line: 5 }))
    run.addIssue('deal', issue({ line: 4 }))
    run.addIssue('deal', issue({ line: 6 }))
    expect(run.finish().findings.map((f) => `${f.line} ${f.rule}`)).toEqual([
      '4 invalid-row',
      '5 no-owner',
      '6 invalid-row',
    ])
  })

  it('lists byRule most severe first, then by rule id', () => {
    const run = createCheckRun([twoMessages, noOwner], context())
    run.add('deal', deal({ owner: undefined }))
    run.addIssue('deal', issue({}))
    expect(run.finish().byRule.map((r) => `${r.severity} ${r.rule} ${r.count}`)).toEqual([
      'error invalid-row 1',
      'warning no-owner 1',
      'info two-messages 2',
    ])
  })

  it('returns the same summary when finished twice and refuses records afterwards', () => {
    const run = createCheckRun([noOwner], context())
    const summary = run.finish()
    expect(run.finish()).toBe(summary)
    expect(() => {
      run.add('deal', deal())
    }).toThrow('this check run has finished')
  })

  it('keeps duplicate ids apart per entity', () => {
    const run = createCheckRun(builtinRules, context())
    run.add('deal', deal({ id: 'X-1' }))
    run.add('account', account({ id: 'X-1' }))
    expect(run.finish().findings.filter((f) => f.rule === 'duplicate-id')).toEqual([])
  })

  it('runs the built-in rules over a small stream', () => {
    const run = createCheckRun(builtinRules, context({ accountIds: new Set(['A-1']) }))
    run.add('account', account({ postal_code: '2108', source_line: 2 }))
    run.add('deal', deal({ id: 'D-1', source_line: 2 }))
    run.add('deal', deal({ id: 'D-2', source_line: 3, close_date: day('2025-03-01'), account_id: 'A-7' }))
    run.add('deal', deal({ id: 'D-2', source_line: 4, status: 'won', probability: 0.5 }))
    run.addIssue('deal', issue({ line: 5 }))
    const summary = run.finish()
    expect(summary.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)).toEqual([
      'accounts.csv:2 postal-code-lost-leading-zero warning',
      'deals.csv:3 open-deal-past-close-date warning',
      'deals.csv:3 unknown-account warning',
      'deals.csv:4 duplicate-id error',
      'deals.csv:4 likely-duplicate-deal warning',
      'deals.csv:4 probability-contradicts-stage warning',
      'deals.csv:5 invalid-row error',
    ])
    expect(summary.counts).toEqual({ error: 2, warning: 5, info: 0 })
    expect(summary.records).toEqual({ account: 1, deal: 3 })
  })
})
