/** The worked example of fixtures/forecast/README.md as records: 2 resolved quarters and 3 open deals. */
import { day, deal, money } from '../../../test/support/factories.js'
import type { Deal } from '../../model/deal.js'
import type { StageChange } from '../../model/stage-change.js'

export function change(
  deal_id: string,
  date: string,
  to_stage: string,
  amount?: number,
  close?: string,
): StageChange {
  return {
    deal_id,
    date: day(date),
    from_stage: undefined,
    to_stage,
    amount: amount === undefined ? undefined : money(amount),
    close_date: close === undefined ? undefined : day(close),
    probability: undefined,
    forecast_category: undefined,
    source_file: 'stage_history.csv',
    source_line: 2,
  }
}

const closed = (id: string, status: 'won' | 'lost', amount: number, created: string, close: string): Deal =>
  deal({
    id,
    stage: status === 'won' ? 'Closed Won' : 'Closed Lost',
    status,
    amount: money(amount),
    probability: status === 'won' ? 1 : 0,
    forecast_category: status === 'won' ? 'closed' : 'omitted',
    created: day(created),
    close_date: day(close),
  })

/** Z: the first close (lost 2024-12-15); A, B: open at 2025-01-01; C, D: open at 2025-04-01; E, F: new pipeline won; G, H, I: open now. */
export const workedDeals: Deal[] = [
  closed('Z', 'lost', 80, '2024-10-01', '2024-12-15'),
  closed('A', 'won', 100, '2024-12-01', '2025-01-15'),
  closed('B', 'lost', 100, '2024-12-01', '2025-03-01'),
  closed('C', 'won', 200, '2025-03-01', '2025-05-01'),
  closed('D', 'lost', 200, '2025-03-01', '2025-06-01'),
  closed('E', 'won', 50, '2025-02-01', '2025-03-15'),
  closed('F', 'won', 150, '2025-04-10', '2025-06-10'),
  deal({
    id: 'G',
    stage: 'Proposal',
    amount: money(1000),
    probability: 0.6,
    forecast_category: 'best_case',
    created: day('2025-06-01'),
    close_date: day('2025-08-15'),
  }),
  deal({
    id: 'H',
    stage: 'Proposal',
    amount: money(500),
    probability: 0.6,
    forecast_category: 'commit',
    created: day('2025-06-01'),
    close_date: day('2025-11-15'),
  }),
  deal({
    id: 'I',
    stage: 'Qualification',
    amount: money(400),
    probability: 0.2,
    forecast_category: 'pipeline',
    created: day('2025-06-15'),
    close_date: day('2025-09-01'),
  }),
]

export const workedHistory: StageChange[] = [
  change('A', '2024-12-01', 'Proposal', 100, '2025-02-01'),
  change('A', '2025-01-15', 'Closed Won', 100, '2025-01-15'),
  change('B', '2024-12-01', 'Proposal', 100, '2025-03-01'),
  change('B', '2025-03-01', 'Closed Lost', 100, '2025-03-01'),
  change('C', '2025-03-01', 'Proposal', 200, '2025-05-01'),
  change('C', '2025-05-01', 'Closed Won', 200, '2025-05-01'),
  change('D', '2025-03-01', 'Proposal', 200, '2025-08-01'),
  change('D', '2025-06-01', 'Closed Lost', 200, '2025-06-01'),
]
