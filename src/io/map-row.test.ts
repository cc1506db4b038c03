import { describe, expect, it } from 'vitest'
import { formatIsoDate } from '../model/calendar-date.js'
import type { Deal } from '../model/deal.js'
import { dealSchema } from '../model/schemas.js'
import { matchHeaders } from './headers.js'
import { inferFormats } from './infer.js'
import { createRowMapper } from './map-row.js'
import { findProfile } from './profiles/index.js'
import { createStageResolver } from './stages.js'

function mapperOf<E extends 'deal' | 'quota'>(
  entity: E,
  header: string[],
  sample: string[][],
  profileName: string,
  fields?: ReadonlySet<string>,
) {
  const profile = findProfile(profileName)
  if (profile === undefined) throw new Error(profileName)
  const match = matchHeaders(header, profile, entity)
  const formats = inferFormats(sample, match, {}, 'dot')
  return createRowMapper<E>({
    file: 'deals.csv',
    match,
    formats,
    stages: createStageResolver(profile.stages),
    width: header.length,
    ...(fields === undefined ? {} : { fields }),
  })
}
const mapperFor = (header: string[], sample: string[][], profileName = 'canonical') =>
  mapperOf('deal', header, sample, profileName)

const header = [
  'id',
  'stage',
  'amount',
  'close_date',
  'created',
  'probability',
  'owner',
  'is_won',
  'is_closed',
  'type',
  'forecast_category',
]

describe('mapRow for deals', () => {
  const rows = [
    ['D1', 'Closed Won', '1,200.50', '3/31/2025', '1/15/2025', '100', 'Ann', '', '', 'New Business', ''],
    ['D2', 'Proposal', '', '4/30/2025', '', '', 'Bo', '', '', 'Upsell', 'Best Case'],
    ['D3', 'Negotiation', '900', '4/30/2025', '2/1/2025', '80', 'Ann', 'false', 'true', 'Renewal', ''],
  ]
  const mapper = mapperFor(header, rows)

  it('turns a won deal into typed values', () => {
    const r = mapper.mapRow(rows[0] ?? [], 2)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const deal: Deal = r.record
    expect(deal.status).toBe('won')
    expect(deal.amount).toBe(120050)
    expect(formatIsoDate(deal.close_date ?? 0)).toBe('2025-03-31')
    expect(deal.probability).toBe(1)
    expect(deal.type).toBe('new')
    expect(deal.stage_order).toBe(5)
    expect(deal.source_line).toBe(2)
    expect(dealSchema.safeParse(deal).success).toBe(true)
  })

  it('takes the probability and forecast category from the stage table when the cells are blank', () => {
    const r = mapper.mapRow(rows[1] ?? [], 3)
    expect(r.ok && r.record.probability).toBe(0.6)
    expect(r.ok && r.record.forecast_category).toBe('best_case')
    expect(r.ok && r.record.amount).toBeUndefined()
    expect(r.ok && r.record.type).toBe('expansion')
  })

  it('lets IsClosed/IsWon columns win over the stage name', () => {
    const r = mapper.mapRow(rows[2] ?? [], 4)
    expect(r.ok && r.record.status).toBe('lost')
    expect(r.ok && r.record.stage).toBe('Negotiation')
  })

  it('rejects a won deal without a close date, naming the column', () => {
    const r = mapper.mapRow(['D4', 'Closed Won', '10', '', '', '', '', '', '', '', ''], 5)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues).toEqual([
      {
        file: 'deals.csv',
        line: 5,
        column: 'close_date',
        message: 'a won deal needs a close date',
        code: 'MISSING_VALUE',
      },
    ])
  })

  it('rejects a won deal without an amount but accepts an open or lost one', () => {
    expect(mapper.mapRow(['D5', 'Closed Won', '', '3/31/2025', '', '', '', '', '', '', ''], 6).ok).toBe(false)
    expect(mapper.mapRow(['D6', 'Closed Lost', '', '3/31/2025', '', '', '', '', '', '', ''], 7).ok).toBe(true)
  })

  it('reports every bad value of a row with its column and text', () => {
    const r = mapper.mapRow(['D7', 'Proposal', '12,3x', '2/30/2025', '', '', '', 'maybe', '', '', ''], 8)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map((i) => [i.column, i.value, i.code])).toEqual([
      ['amount', '12,3x', 'BAD_VALUE'],
      ['close_date', '2/30/2025', 'BAD_VALUE'],
      ['is_won', 'maybe', 'BAD_VALUE'],
    ])
  })

  it('calls a row with more filled cells than the header ragged, but allows a trailing empty cell', () => {
    const ragged = mapper.mapRow(['D8', 'Proposal', '1', '', '', '', '', '', '', '', '', 'extra'], 9)
    expect(!ragged.ok && ragged.issues[0]?.code).toBe('RAGGED_ROW')
    expect(mapper.mapRow(['D8', 'Proposal', '1', '', '', '', '', '', '', '', '', ''], 9).ok).toBe(true)
    const short = mapper.mapRow(['D9', 'Proposal'], 10)
    expect(!short.ok && short.issues[0]?.code).toBe('RAGGED_ROW')
  })

  it('rejects IDs that Excel turned into scientific notation', () => {
    const r = mapper.mapRow(['1.23E+17', 'Proposal', '', '', '', '', '', '', '', '', ''], 11)
    expect(!r.ok && r.issues[0]?.code).toBe('SCI_NOTATION_ID')
  })

  it('gives deals from exports without an id column file:line as id', () => {
    const m = mapperFor(['stage', 'amount'], [])
    const r = m.mapRow(['Prospecting', '5'], 12)
    expect(r.ok && r.record.id).toBe('deals.csv:12')
  })

  it('maps an unknown stage by its name: won, lost, otherwise open without order', () => {
    const m = mapperFor(['stage', 'close_date', 'amount'], [])
    const statuses = ['gewonnen', 'Verloren', 'closedwon', 'Contracting'].map((s) => {
      const r = m.mapRow([s, '2025-01-31', '1'], 2)
      return r.ok ? [r.record.status, r.record.stage_order] : undefined
    })
    expect(statuses).toEqual([
      ['won', undefined],
      ['lost', undefined],
      ['won', undefined],
      ['open', undefined],
    ])
  })

  it('reads Pipedrive status over its (open) stage names', () => {
    const h = [
      'Deal - Title',
      'Deal - Stage',
      'Deal - Status',
      'Deal - Value',
      'Deal - Won time',
      'Deal - Expected close date',
    ]
    const m = mapperFor(h, [], 'pipedrive')
    const r = m.mapRow(['Big', 'Proposal Made', 'Won', '100', '2025-03-01', '2025-04-01'], 2)
    expect(r.ok && r.record.status).toBe('won')
    expect(r.ok && formatIsoDate(r.record.close_date ?? 0)).toBe('2025-03-01')
  })
})

describe('mapRow for quotas', () => {
  it('resolves period labels to calendar start and end', () => {
    const m = mapperOf('quota', ['owner', 'period', 'amount'], [], 'canonical')
    const r = m.mapRow(['Ann', 'Q1 2026', '250000'], 2)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const q = r.record
    expect([q.period, formatIsoDate(q.start ?? 0), formatIsoDate(q.end ?? 0), q.amount]).toEqual([
      '2026-Q1',
      '2026-01-01',
      '2026-03-31',
      25000000,
    ])
  })
})

describe('mapRow with the fields the caller reads', () => {
  const head = ['id', 'name', 'stage', 'amount', 'close_date', 'region', 'type', 'segment']
  const rows = [
    ['D1', 'Big deal', 'Closed Won', '100', '2025-03-31', 'West', 'New Business', 'SMB'],
    ['D2', 'Small deal', 'Proposal', 'lots', '2025-04-30', 'East', 'Upsell', 'SMB'],
  ]
  const mapper = mapperOf('deal', head, rows, 'canonical', new Set(['id', 'amount']))

  it('leaves unread text fields out, and names the cells it still reads', () => {
    const r = mapper.mapRow(rows[0] ?? [], 2)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([r.record.name, r.record.region, r.record.type, r.record.segment]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    // the stage decides the status (and so whether the row is valid): always read
    expect([r.record.id, r.record.stage, r.record.status, r.record.amount]).toEqual([
      'D1',
      'Closed Won',
      'won',
      10000,
    ])
    expect(mapper.columns).toEqual([0, 2, 3, 4])
  })

  it('still parses every value that can be invalid', () => {
    const r = mapper.mapRow(['D2', '', 'Proposal', 'lots', 'someday', '', '', ''], 3)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map((i) => i.column)).toEqual(['amount', 'close_date'])
  })
})
