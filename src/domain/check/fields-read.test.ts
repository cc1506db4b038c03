import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EntityName } from '../../model/cells.js'
import type { EntityRecords } from '../../model/entities.js'
import { builtinRules } from './builtin-rules.js'
import { fieldsRead } from './fields-read.js'
import { dealWithoutOwner } from './rules/deal-without-owner.js'
import { account, context, contract, day, deal, findingsOf, lead, money, rep } from './test-factories.js'
import type { CheckRule } from './types.js'

/** Values by type: a few of each, shared so that records repeat (duplicates) and clash. */
const text = fc.constantFrom(
  '',
  'A-1',
  'D-1',
  'Ana Lopez',
  'ana lopez ',
  'Ghost',
  'Acme  Corp',
  'GrÃ¼n',
  'US',
  'DE',
  '2108',
)
const number = fc.constantFrom(
  0,
  -5,
  0.5,
  1,
  1.5,
  money(100),
  day('2025-01-10'),
  day('2025-03-01'),
  day('2024-12-31'),
)

/** Records of `entity` with random values of the right type in random fields. */
function records<E extends EntityName>(make: () => EntityRecords[E]): fc.Arbitrary<EntityRecords[E][]> {
  const sample = make() as Record<string, unknown>
  const keys = Object.keys(sample).filter((k) => k !== 'source_file' && k !== 'source_line')
  const valueOf = (key: string): fc.Arbitrary<unknown> => {
    if (key === 'id') return text.filter((t) => t !== '')
    if (key === 'status' && 'stage' in sample) return fc.constantFrom('open', 'won', 'lost')
    const v = sample[key]
    if (typeof v === 'boolean') return fc.option(fc.boolean(), { nil: undefined })
    if (Array.isArray(v)) return fc.constant([])
    if (typeof v === 'number') return fc.option(number, { nil: undefined })
    return fc.option(text, { nil: undefined })
  }
  const record = fc
    .subarray(keys, { maxLength: 6 })
    .chain((chosen) => fc.tuple(...chosen.map((k) => valueOf(k).map((v) => [k, v] as const))))
    .map((pairs): EntityRecords[E] => ({ ...make(), ...Object.fromEntries(pairs) }))
  return fc.array(record, { maxLength: 6 })
}

/** The record with every field the rules do not declare they read set to undefined. */
function blanked<T extends object>(record: T, read: ReadonlySet<string>): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, read.has(k) ? v : undefined])) as T
}

describe('fieldsRead', () => {
  it('adds the id and the source every finding names to what the rules read', () => {
    expect([...(fieldsRead([dealWithoutOwner] as readonly CheckRule[], 'deal') ?? [])].sort()).toEqual(
      ['deal_id', 'id', 'owner', 'source_file', 'source_line'].sort(),
    )
  })

  it('gives undefined when a rule of the entity does not say what it reads', () => {
    const silent: CheckRule<'deal'> = { ...dealWithoutOwner }
    delete (silent as { reads?: unknown }).reads
    expect(fieldsRead([silent] as readonly CheckRule[], 'deal')).toBeUndefined()
    expect(fieldsRead([silent] as readonly CheckRule[], 'account')).toBeDefined()
  })

  /** Findings over random records, and over the same records with every unread field blanked. */
  function sameFindings<E extends 'deal' | 'account' | 'rep' | 'contract' | 'lead'>(
    entity: E,
    make: () => EntityRecords[E],
  ): void {
    const read = fieldsRead(builtinRules, entity) ?? new Set<string>()
    const ctx = context({
      repNames: new Set(['Ana Lopez']),
      repIds: new Set(['R-1']),
      accountIds: new Set(['A-1']),
    })
    fc.assert(
      fc.property(records(make), (list) => {
        const lines = list.map((r, i) => ({ ...r, source_line: i + 2 }))
        const blank = lines.map((r) => blanked(r, read))
        expect(findingsOf(builtinRules, entity, blank, ctx)).toEqual(
          findingsOf(builtinRules, entity, lines, ctx),
        )
      }),
    )
  }

  it('is all the builtin rules read of a deal: blanking the rest changes no finding', () => {
    expect(fieldsRead(builtinRules, 'deal')).toBeDefined()
    sameFindings('deal', () => deal())
  })

  it.each(['account', 'rep', 'contract', 'lead'] as const)(
    'is all the builtin rules read of a %s too',
    (entity) => {
      expect(fieldsRead(builtinRules, entity)).toBeDefined()
      if (entity === 'account') sameFindings(entity, () => account())
      else if (entity === 'rep') sameFindings(entity, () => rep())
      else if (entity === 'contract') sameFindings(entity, () => contract())
      else sameFindings(entity, () => lead())
    },
  )
})
