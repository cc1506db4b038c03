import { describe, expect, it } from 'vitest'
import type { Deal } from '../../model/deal.js'
import { dealChanges, dealFlows, pipelineDiff } from './pipeline-diff.js'
import type { WaterfallRow } from './pipeline-diff.js'
import { Q4, day, deal, lost, money, won } from './test-factories.js'

/** category → [deals, amount in cents] of one group's waterfall */
function bridge(rows: readonly WaterfallRow[]): Record<string, [number, number]> {
  return Object.fromEntries(rows.map((r) => [r.category, [r.deals, r.amount]]))
}

const open = (overrides: Partial<Deal> = {}): Deal => deal(overrides)

describe('dealFlows: one waterfall category per deal (period 2026-Q4)', () => {
  it.each<[string, Deal | undefined, Deal | undefined, unknown[]]>([
    ['a deal in the period both times with the same amount moves nothing', open(), open(), []],
    [
      'a deal in the period both times whose amount rose is amount_up by the difference, no count',
      open({ amount: money(1000) }),
      open({ amount: money(1200.5) }),
      // 120050 − 100000 = 20050
      [{ category: 'amount_up', group: [], deals: 0, amount: 20050 }],
    ],
    [
      'a deal whose amount fell is amount_down',
      open({ amount: money(1000) }),
      open({ amount: money(400) }),
      [{ category: 'amount_down', group: [], deals: 0, amount: -60000 }],
    ],
    [
      'a deal missing from NEW is removed at its OLD amount',
      open(),
      undefined,
      [{ category: 'removed', group: [], deals: -1, amount: -100000 }],
    ],
    [
      'a won deal leaves at its OLD amount, whatever it was won for',
      open({ amount: money(1000) }),
      won({ amount: money(1300), close_date: day('2027-01-05') }),
      [{ category: 'won', group: [], deals: -1, amount: -100000 }],
    ],
    [
      'a lost deal leaves as lost',
      open(),
      lost(),
      [{ category: 'lost', group: [], deals: -1, amount: -100000 }],
    ],
    [
      'a close date moved to the first day after the period (end is exclusive) is pushed_out',
      open(),
      open({ close_date: day('2027-01-01'), amount: money(5000) }),
      [{ category: 'pushed_out', group: [], deals: -1, amount: -100000 }],
    ],
    [
      'a close date moved before the period is pushed_out too',
      open(),
      open({ close_date: day('2026-09-30') }),
      [{ category: 'pushed_out', group: [], deals: -1, amount: -100000 }],
    ],
    [
      'a cleared close date is pushed_out',
      open(),
      open({ close_date: undefined }),
      [{ category: 'pushed_out', group: [], deals: -1, amount: -100000 }],
    ],
    [
      'a deal absent from OLD, open on the last day of the period in NEW, is new at its NEW amount',
      undefined,
      open({ close_date: day('2026-12-31'), amount: money(50) }),
      [{ category: 'new', group: [], deals: 1, amount: 5000 }],
    ],
    [
      'a close date moved from after the period into it is pulled_in',
      open({ close_date: day('2027-02-15'), amount: money(10) }),
      open({ close_date: day('2026-10-01'), amount: money(20) }),
      [{ category: 'pulled_in', group: [], deals: 1, amount: 2000 }],
    ],
    [
      'a close date filled in, into the period, is pulled_in',
      open({ close_date: undefined }),
      open(),
      [{ category: 'pulled_in', group: [], deals: 1, amount: 100000 }],
    ],
    [
      'a lost deal reopened into the period is pulled_in',
      lost({ close_date: day('2026-10-20') }),
      open(),
      [{ category: 'pulled_in', group: [], deals: 1, amount: 100000 }],
    ],
    [
      'an open deal without amount counts as zero',
      undefined,
      open({ amount: undefined }),
      [{ category: 'new', group: [], deals: 1, amount: 0 }],
    ],
    [
      'a new deal closing after the period is not in the bridge',
      undefined,
      open({ close_date: day('2027-03-01') }),
      [],
    ],
    [
      'a deal outside the period both times is not in the bridge',
      open({ close_date: day('2027-03-01') }),
      open({ close_date: day('2027-04-01') }),
      [],
    ],
    ['a deal won before OLD is not in the bridge', won(), won(), []],
    [
      'a deal removed from outside the period is not in the bridge',
      open({ close_date: day('2027-03-01') }),
      undefined,
      [],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(dealFlows(before, after, Q4)).toEqual(expected)
  })

  it('moves a deal whose group changed out of its OLD group at the OLD amount and into its NEW one at the NEW amount', () => {
    const byOwner = (d: Deal): readonly string[] => [d.owner ?? '(none)']
    expect(
      dealFlows(
        open({ owner: 'Ben Ortiz', amount: money(100) }),
        open({ owner: 'Cara Diaz', amount: money(150) }),
        Q4,
        byOwner,
      ),
    ).toEqual([
      { category: 'transfer_out', group: ['Ben Ortiz'], deals: -1, amount: -10000 },
      { category: 'transfer_in', group: ['Cara Diaz'], deals: 1, amount: 15000 },
    ])
  })

  it('counts outflows in the OLD group and inflows in the NEW group', () => {
    const byOwner = (d: Deal): readonly string[] => [d.owner ?? '(none)']
    expect(
      dealFlows(open({ owner: 'Ava Chen' }), won({ owner: 'Ben Ortiz' }), Q4, byOwner)[0]?.group,
    ).toEqual(['Ava Chen'])
    expect(
      dealFlows(
        open({ owner: 'Ava Chen', close_date: day('2027-02-01') }),
        open({ owner: 'Ben Ortiz' }),
        Q4,
        byOwner,
      )[0]?.group,
    ).toEqual(['Ben Ortiz'])
  })
})

describe('dealChanges', () => {
  it.each<[string, Partial<Deal>, Partial<Deal>, unknown[]]>([
    [
      'a later stage in the stage table is a forward move',
      { stage: 'Proposal', stage_order: 3 },
      { stage: 'Negotiation', stage_order: 4 },
      [{ change: 'stage_forward', from: 'Proposal', to: 'Negotiation' }],
    ],
    [
      'an earlier stage is a backward move',
      { stage: 'Negotiation', stage_order: 4 },
      { stage: 'Discovery', stage_order: 2 },
      [{ change: 'stage_backward', from: 'Negotiation', to: 'Discovery' }],
    ],
    [
      'a stage without order makes the move unordered, neither forward nor backward',
      { stage: 'Negotiation', stage_order: 4 },
      { stage: 'Legal Review', stage_order: undefined },
      [{ change: 'stage_unordered', from: 'Negotiation', to: 'Legal Review' }],
    ],
    [
      'another name at the same order is no move',
      { stage: 'Proposal', stage_order: 3 },
      { stage: 'Quote', stage_order: 3 },
      [],
    ],
    [
      'a forecast category change names both categories',
      { forecast_category: 'best_case' },
      { forecast_category: 'commit' },
      [{ change: 'forecast_category', from: 'best_case', to: 'commit' }],
    ],
    [
      'an owner change names both owners',
      { owner: 'Ben Ortiz' },
      { owner: undefined },
      [{ change: 'owner', from: 'Ben Ortiz', to: undefined }],
    ],
    [
      'a close date moved within the period is listed',
      { close_date: day('2026-12-10') },
      { close_date: day('2026-12-20') },
      [{ change: 'close_date', from: '2026-12-10', to: '2026-12-20' }],
    ],
    [
      'a close date moved out of the period is the waterfall’s pushed_out, not a change here',
      {},
      { close_date: day('2027-02-01') },
      [],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(dealChanges(deal(before), deal(after), Q4)).toEqual(expected)
  })

  it('reports a closed deal reopened into the period as reopened, with the two stages', () => {
    expect(dealChanges(lost(), deal({ stage: 'Qualification', stage_order: 1 }), Q4)).toEqual([
      { change: 'reopened', from: 'Closed Lost', to: 'Qualification' },
    ])
  })

  it('ignores won and lost deals and deals outside the period both times', () => {
    expect(dealChanges(deal({ forecast_category: 'commit' }), won(), Q4)).toEqual([])
    const later = { close_date: day('2027-03-01') }
    expect(dealChanges(deal({ ...later, owner: 'A' }), deal({ ...later, owner: 'B' }), Q4)).toEqual([])
  })
})

describe('pipelineDiff', () => {
  // OLD (Q4 2026)                         NEW
  // A  open Nov 15  $1,000                A  open Nov 15  $1,250.50   amount_up   +250.50
  // B  open Dec 01  $  400                B  won          $  450      won         −400
  // C  open Dec 20  $  300                C  open 2027-02 $  300      pushed_out  −300
  // D  open Oct 30  $  200                —                           removed     −200
  // E  open 2027-01 $  700                E  open Dec 05  $  700      pulled_in   +700
  // —                                     F  open Dec 31  $   50      new         +50
  // G  lost Oct 10  $   90                G  lost                     (not in the bridge)
  // H  open Nov 30  $  800                H  open Nov 30  $  600      amount_down −200
  // start: A+B+C+D+H = 1000 + 400 + 300 + 200 + 800 = 2,700.00 (5 deals)
  // end:   A+E+F+H   = 1250.50 + 700 + 50 + 600     = 2,600.50 (4 deals)
  // 2700 + 50 + 700 − 300 + 250.50 − 200 − 400 − 0 − 200 = 2600.50 ✓; 5 + 1 + 1 − 1 − 1 − 1 = 4 ✓
  const oldDeals = [
    deal({ id: 'A', amount: money(1000) }),
    deal({ id: 'B', amount: money(400), close_date: day('2026-12-01') }),
    deal({ id: 'C', amount: money(300), close_date: day('2026-12-20') }),
    deal({ id: 'D', amount: money(200), close_date: day('2026-10-30') }),
    deal({ id: 'E', amount: money(700), close_date: day('2027-01-15') }),
    lost({ id: 'G', amount: money(90), close_date: day('2026-10-10') }),
    deal({ id: 'H', amount: money(800), close_date: day('2026-11-30') }),
  ]
  const newDeals = [
    deal({ id: 'A', amount: money(1250.5) }),
    won({ id: 'B', amount: money(450), close_date: day('2026-11-20') }),
    deal({ id: 'C', amount: money(300), close_date: day('2027-02-10') }),
    deal({ id: 'E', amount: money(700), close_date: day('2026-12-05') }),
    deal({ id: 'F', amount: money(50), close_date: day('2026-12-31') }),
    lost({ id: 'G', amount: money(90), close_date: day('2026-10-10') }),
    deal({ id: 'H', amount: money(600), close_date: day('2026-11-30') }),
  ]

  it('bridges the period’s open pipeline from OLD to NEW, in deals and cents, in waterfall order', () => {
    const { waterfall } = pipelineDiff(oldDeals, newDeals, { period: Q4 })
    expect(waterfall.map((r) => r.category)).toEqual([
      'start',
      'new',
      'pulled_in',
      'pushed_out',
      'amount_up',
      'amount_down',
      'won',
      'lost',
      'removed',
      'end',
    ])
    expect(bridge(waterfall)).toEqual({
      start: [5, 270000],
      new: [1, 5000],
      pulled_in: [1, 70000],
      pushed_out: [-1, -30000],
      amount_up: [0, 25050],
      amount_down: [0, -20000],
      won: [-1, -40000],
      lost: [0, 0],
      removed: [-1, -20000],
      end: [4, 260050],
    })
  })

  it('counts the deals each row is about, also for amount changes', () => {
    const { waterfall } = pipelineDiff(oldDeals, newDeals, { period: Q4 })
    expect(waterfall.map((r) => r.deals_affected)).toEqual([5, 1, 1, 1, 1, 1, 1, 0, 1, 4])
  })

  it('lists each change of each deal in the population, by deal id, with the contribution to its row', () => {
    const { details } = pipelineDiff(oldDeals, newDeals, { period: Q4 })
    expect(details.map((d) => [d.deal_id, d.change, d.old_value, d.new_value, d.amount_change])).toEqual([
      ['A', 'amount_up', '1000', '1250.5', 25050],
      ['B', 'won', 'Proposal', 'Closed Won', -40000],
      ['C', 'pushed_out', '2026-12-20', '2027-02-10', -30000],
      ['D', 'removed', 'Proposal', undefined, -20000],
      ['E', 'pulled_in', '2027-01-15', '2026-12-05', 70000],
      ['F', 'new', undefined, 'Proposal', 5000],
      ['H', 'amount_down', '800', '600', -20000],
    ])
  })

  it('keeps both versions’ amounts and close dates on a detail row', () => {
    const { details } = pipelineDiff(oldDeals, newDeals, { period: Q4 })
    const e = details.find((d) => d.deal_id === 'E')
    expect([e?.old_amount, e?.new_amount, e?.old_close_date, e?.new_close_date]).toEqual([
      70000,
      70000,
      day('2027-01-15'),
      day('2026-12-05'),
    ])
  })

  it('has every row at zero for two empty snapshots', () => {
    const { waterfall, moves, details } = pipelineDiff([], [], { period: Q4 })
    expect(waterfall).toHaveLength(10)
    expect(waterfall.every((r) => r.deals === 0 && r.amount === 0 && r.deals_affected === 0)).toBe(true)
    expect([moves, details]).toEqual([[], []])
  })

  it('throws on a duplicate id (callers check snapshotProblem first)', () => {
    expect(() => pipelineDiff([deal(), deal()], [], { period: Q4 })).toThrow(/duplicate deal id "D-1"/)
  })
})

describe('pipelineDiff --moves', () => {
  it('counts stage, forecast-category and owner moves of deals open in both snapshots, with their NEW amount', () => {
    const oldDeals = [
      deal({ id: 'A', stage: 'Proposal', stage_order: 3 }),
      deal({ id: 'B', stage: 'Proposal', stage_order: 3, amount: money(10) }),
      deal({
        id: 'C',
        stage: 'Negotiation',
        stage_order: 4,
        forecast_category: 'commit',
        owner: 'Ben Ortiz',
      }),
      deal({ id: 'D', stage: 'Negotiation', stage_order: 4, forecast_category: 'commit' }),
    ]
    const newDeals = [
      deal({ id: 'A', stage: 'Negotiation', stage_order: 4, amount: money(200) }),
      // pushed out of the period, still counted: it was in the pipeline at the start
      deal({
        id: 'B',
        stage: 'Negotiation',
        stage_order: 4,
        amount: money(20),
        close_date: day('2027-02-01'),
      }),
      deal({
        id: 'C',
        stage: 'Legal Review',
        stage_order: undefined,
        forecast_category: 'commit',
        owner: 'Cara Diaz',
      }),
      won({ id: 'D' }),
    ]
    const { moves } = pipelineDiff(oldDeals, newDeals, { period: Q4 })
    expect(moves.map((m) => [m.change, m.from, m.to, m.deals, m.amount])).toEqual([
      // A $200 + B $20 = $220
      ['stage_forward', 'Proposal', 'Negotiation', 2, 22000],
      ['stage_unordered', 'Negotiation', 'Legal Review', 1, 100000],
      ['owner', 'Ben Ortiz', 'Cara Diaz', 1, 100000],
    ])
  })

  it('names a missing forecast category (none)', () => {
    const { moves } = pipelineDiff(
      [deal({ forecast_category: undefined })],
      [deal({ forecast_category: 'pipeline' })],
      { period: Q4 },
    )
    expect(moves.map((m) => [m.change, m.from, m.to])).toEqual([['forecast_category', '(none)', 'pipeline']])
  })
})

describe('pipelineDiff by a field', () => {
  // OLD: A Ava $100 (Q4), B Ben $200 (Q4), C no owner $50 (Q4)
  // NEW: A Ben $150 (Q4, changed owner), B Ben won, C no owner $50 (Q4)
  // Ava:    start 1/$100, transfer_out −1/−$100            → end 0/$0     (100 − 100 = 0)
  // Ben:    start 1/$200, won −1/−$200, transfer_in +1/+$150 → end 1/$150 (200 − 200 + 150 = 150)
  // (none): start 1/$50                                     → end 1/$50
  const oldDeals = [
    deal({ id: 'A', owner: 'Ava Chen', amount: money(100) }),
    deal({ id: 'B', owner: 'Ben Ortiz', amount: money(200) }),
    deal({ id: 'C', owner: undefined, amount: money(50) }),
  ]
  const newDeals = [
    deal({ id: 'A', owner: 'Ben Ortiz', amount: money(150) }),
    won({ id: 'B', owner: 'Ben Ortiz', amount: money(200) }),
    deal({ id: 'C', owner: undefined, amount: money(50) }),
  ]
  const { waterfall, details } = pipelineDiff(oldDeals, newDeals, { period: Q4, by: ['owner'] })
  const of = (owner: string) => bridge(waterfall.filter((r) => r.group[0] === owner))

  it('gives each group its own waterfall, groups in text order with (none) last', () => {
    expect([...new Set(waterfall.map((r) => r.group[0]))]).toEqual(['Ava Chen', 'Ben Ortiz', '(none)'])
    expect(waterfall.filter((r) => r.group[0] === 'Ava Chen').map((r) => r.category)).toEqual([
      'start',
      'new',
      'pulled_in',
      'pushed_out',
      'amount_up',
      'amount_down',
      'won',
      'lost',
      'removed',
      'transfer_in',
      'transfer_out',
      'end',
    ])
  })

  it('balances every group, moving a re-owned deal between groups', () => {
    expect(of('Ava Chen')).toMatchObject({ start: [1, 10000], transfer_out: [-1, -10000], end: [0, 0] })
    expect(of('Ben Ortiz')).toMatchObject({
      start: [1, 20000],
      won: [-1, -20000],
      transfer_in: [1, 15000],
      end: [1, 15000],
    })
    expect(of('(none)')).toMatchObject({ start: [1, 5000], end: [1, 5000] })
  })

  it('puts each detail row in the group its amount counts in', () => {
    expect(details.map((d) => [d.group[0], d.deal_id, d.change, d.old_value, d.new_value])).toEqual([
      ['Ava Chen', 'A', 'transfer_out', 'Ava Chen', 'Ben Ortiz'],
      ['Ben Ortiz', 'A', 'transfer_in', 'Ava Chen', 'Ben Ortiz'],
      ['Ben Ortiz', 'A', 'owner', 'Ava Chen', 'Ben Ortiz'],
      ['Ben Ortiz', 'B', 'won', 'Proposal', 'Closed Won'],
    ])
  })
})
