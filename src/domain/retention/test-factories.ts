/**
 * The retention test book (the same contracts as fixtures/retention/contracts.csv). Only tests
 * import this file. Values are ARR in whole currency units.
 *
 *   A Ann→Bo Platform  C1 2024-07-01..2025-06-30 12,000; renewal C2 2025-07-01..2026-06-30 15,000 (Bo)
 *   B Bo     Platform  C3 2024-10-01..2025-09-30 10,000, churned 2025-05-15
 *   C Cy     Platform  C4 2025-02-01..2026-01-31 5,000; Analytics C5 2025-08-01..2026-01-31 2,000
 *   D Ann    Platform  C6 2024-04-01..2025-03-31 8,000; renewed late: C7 2025-04-20..2026-04-19 6,000
 *   E Bo     Analytics C8 2025-05-01..2026-04-30 4,000, churned 2025-11-10
 *   F Cy     Platform  C9 2024 20,000; C10 2025 20,000; C11 2026 22,000
 *   G Di     Platform  C12 2024-12-01..2025-11-30 3,000, not renewed
 * Segments: A, B, F Enterprise; C, D, E, G SMB.
 */
import { contract, day, money } from '../../../test/support/factories.js'
import type { Account } from '../../model/account.js'
import type { Contract } from '../../model/contract.js'

type Row = [string, string, string, string, string, string, number, (string | undefined)?, string?]

const rows: Row[] = [
  ['C1', 'A', 'Ann', 'Platform', '2024-07-01', '2025-06-30', 12000],
  ['C2', 'A', 'Bo', 'Platform', '2025-07-01', '2026-06-30', 15000, undefined, 'C1'],
  ['C3', 'B', 'Bo', 'Platform', '2024-10-01', '2025-09-30', 10000, '2025-05-15'],
  ['C4', 'C', 'Cy', 'Platform', '2025-02-01', '2026-01-31', 5000],
  ['C5', 'C', 'Cy', 'Analytics', '2025-08-01', '2026-01-31', 2000],
  ['C6', 'D', 'Ann', 'Platform', '2024-04-01', '2025-03-31', 8000],
  ['C7', 'D', 'Ann', 'Platform', '2025-04-20', '2026-04-19', 6000, undefined, 'C6'],
  ['C8', 'E', 'Bo', 'Analytics', '2025-05-01', '2026-04-30', 4000, '2025-11-10'],
  ['C9', 'F', 'Cy', 'Platform', '2024-01-01', '2024-12-31', 20000],
  ['C10', 'F', 'Cy', 'Platform', '2025-01-01', '2025-12-31', 20000, undefined, 'C9'],
  ['C11', 'F', 'Cy', 'Platform', '2026-01-01', '2026-12-31', 22000, undefined, 'C10'],
  ['C12', 'G', 'Di', 'Platform', '2024-12-01', '2025-11-30', 3000],
]

export const testBook: readonly Contract[] = rows.map(
  ([id, account_id, owner, product, start, end, value, churn, renewal_of]) =>
    contract({
      id,
      account_id,
      owner,
      product,
      start: day(start),
      end: day(end),
      value: money(value),
      churn_date: churn === undefined ? undefined : day(churn),
      renewal_of,
    }),
)

export function account(id: string, segment: string | undefined): Account {
  return { id, segment, source_file: 'accounts.csv', source_line: 2 }
}

export const testSegments: readonly Account[] = [
  account('A', 'Enterprise'),
  account('B', 'Enterprise'),
  account('C', 'SMB'),
  account('D', 'SMB'),
  account('E', 'SMB'),
  account('F', 'Enterprise'),
  account('G', 'SMB'),
]
