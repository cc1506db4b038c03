import { describe, expect, it } from 'vitest'
import { account, contract, day, deal, findingsOf, lead, rep } from '../test-factories.js'
import { duplicateIdRules } from './duplicate-id.js'
import fc from 'fast-check'
import { FNV_OFFSET, fnvText } from '../key-log.js'
import { likelyDuplicateDeal, likelyDuplicateHash, likelyDuplicateKey } from './likely-duplicate-deal.js'

describe('duplicate-id (error)', () => {
  it('reports each later deal with an id already seen, naming the first line', () => {
    const findings = findingsOf(duplicateIdRules, 'deal', [
      deal({ id: 'D-1', source_line: 2 }),
      deal({ id: 'D-2', source_line: 3 }),
      deal({ id: 'D-1', source_line: 7 }),
      deal({ id: 'd-1', source_line: 8 }), // ids are case-sensitive
      deal({ id: 'D-1', source_line: 9 }),
    ])
    expect(findings).toEqual([
      {
        rule: 'duplicate-id',
        severity: 'error',
        file: 'deals.csv',
        line: 7,
        entity: 'deal',
        record_id: 'D-1',
        message: 'deal id "D-1" also on line 2',
      },
      {
        rule: 'duplicate-id',
        severity: 'error',
        file: 'deals.csv',
        line: 9,
        entity: 'deal',
        record_id: 'D-1',
        message: 'deal id "D-1" also on line 2',
      },
    ])
  })

  it('names the first file when the duplicate is in another file', () => {
    const findings = findingsOf(duplicateIdRules, 'deal', [
      deal({ id: 'D-1', source_file: 'q1.csv', source_line: 4 }),
      deal({ id: 'D-1', source_file: 'q2.csv', source_line: 2 }),
    ])
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      ['q2.csv', 2, 'deal id "D-1" also on q1.csv line 4'],
    ])
  })

  it.each([
    [
      'account',
      () =>
        findingsOf(duplicateIdRules, 'account', [account({ source_line: 2 }), account({ source_line: 5 })]),
    ],
    ['rep', () => findingsOf(duplicateIdRules, 'rep', [rep({ source_line: 2 }), rep({ source_line: 5 })])],
    [
      'contract',
      () =>
        findingsOf(duplicateIdRules, 'contract', [
          contract({ source_line: 2 }),
          contract({ source_line: 5 }),
        ]),
    ],
    [
      'lead',
      () => findingsOf(duplicateIdRules, 'lead', [lead({ source_line: 2 }), lead({ source_line: 5 })]),
    ],
  ])('checks %s ids too, each entity on its own', (entity, run) => {
    expect(run().map((f) => [f.rule, f.entity, f.line, f.message])).toEqual([
      ['duplicate-id', entity, 5, expect.stringMatching(new RegExp(`^${entity} id ".+" also on line 2$`))],
    ])
  })
})

describe('likely-duplicate-deal (warning)', () => {
  it.each([
    ['same account id and name', deal({ name: 'Acme expansion' }), deal({ name: 'Acme expansion' }), true],
    [
      'name differing in case and spacing',
      deal({ name: 'Acme  Expansion ' }),
      deal({ name: 'acme expansion' }),
      true,
    ],
    [
      'same account name when there is no account id',
      deal({ account_id: undefined, account: 'ACME corp' }),
      deal({ account_id: undefined, account: 'Acme Corp' }),
      true,
    ],
    ['another account id', deal({ account_id: 'A-1' }), deal({ account_id: 'A-2' }), false],
    ['another name', deal({ name: 'Acme expansion' }), deal({ name: 'Acme renewal' }), false],
    ['no name', deal({ name: undefined }), deal({ name: undefined }), false],
    [
      'no account at all',
      deal({ account_id: undefined, account: undefined }),
      deal({ account_id: undefined, account: undefined }),
      false,
    ],
    [
      'account id on one and only a name on the other',
      deal({ account_id: 'A-1', account: 'Acme Corp' }),
      deal({ account_id: undefined, account: 'Acme Corp' }),
      false,
    ],
  ])('%s: duplicate=%s', (_name, first, second, duplicate) => {
    const findings = findingsOf([likelyDuplicateDeal], 'deal', [
      { ...first, id: 'D-1', source_line: 3 },
      { ...second, id: 'D-2', source_line: 8 },
    ])
    expect(findings.map((f) => [f.rule, f.severity, f.line, f.record_id])).toEqual(
      duplicate ? [['likely-duplicate-deal', 'warning', 8, 'D-2']] : [],
    )
  })

  it('names the deal, the account and the earlier line', () => {
    const findings = findingsOf([likelyDuplicateDeal], 'deal', [
      deal({ id: 'D-1', source_line: 3 }),
      deal({ id: 'D-9', source_line: 8 }),
    ])
    expect(findings.map((f) => f.message)).toEqual([
      'deal "Acme expansion" for account "A-1" looks like a duplicate of line 3 (same account and name, created the same day)',
    ])
  })

  it.each([
    ['both open, created on different days', 'open', '2025-01-10', 'open', '2025-03-01', 'both open'],
    ['closed, created the same day', 'won', '2025-01-10', 'lost', '2025-01-10', 'created the same day'],
    [
      'closed, created on different days (a yearly renewal)',
      'won',
      '2024-01-10',
      'won',
      '2025-01-10',
      undefined,
    ],
    ['one open, one closed, created on different days', 'won', '2024-01-10', 'open', '2025-01-10', undefined],
  ] as const)('%s: %s', (_name, status1, created1, status2, created2, reason) => {
    const findings = findingsOf([likelyDuplicateDeal], 'deal', [
      deal({ id: 'D-1', source_line: 3, status: status1, created: day(created1) }),
      deal({ id: 'D-2', source_line: 8, status: status2, created: day(created2) }),
    ])
    expect(findings.map((f) => /\(same account and name, (.*)\)$/.exec(f.message)?.[1])).toEqual(
      reason === undefined ? [] : [reason],
    )
  })

  it('keys by account id before account name', () => {
    expect(likelyDuplicateKey({ account_id: 'A-1', account: 'Acme', name: ' Big  Deal' })).toBe(
      'i\u0000A-1\u0000big deal',
    )
    expect(likelyDuplicateKey({ account_id: undefined, account: ' Acme ', name: 'Big Deal' })).toBe(
      'n\u0000acme\u0000big deal',
    )
    expect(likelyDuplicateKey({ account_id: 'A-1', account: undefined, name: '   ' })).toBeUndefined()
  })

  it('hashes the code units of the key, without building it (ASCII fast path and any other text)', () => {
    const part = fc.option(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          ' Big  Deal ',
          'ACME\tCorp',
          '\u00c9cole',
          'e\u0301cole',
          '\u00a0x\u2003y ',
          '   ',
          '',
        ),
      ),
      { nil: undefined },
    )
    fc.assert(
      fc.property(part, part, part, (name, accountId, accountName) => {
        const deal = { name, account_id: accountId, account: accountName }
        const key = likelyDuplicateKey(deal)
        const hash = likelyDuplicateHash(deal)
        expect(hash).toBe(key === undefined ? undefined : fnvText(FNV_OFFSET, key))
      }),
    )
  })
})
