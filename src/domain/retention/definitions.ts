/** The definitions printed by `retention --explain` (the same text as docs/metrics.md, section retention). */
import type { RetentionGroupField } from './retention-groups.js'

export interface RetentionExplainOptions {
  readonly graceDays: number
  readonly monthly: boolean
  readonly by: RetentionGroupField | undefined
  readonly cohorts: boolean
}

const BY: Readonly<Record<RetentionGroupField, string>> = {
  segment:
    '  --by segment       the account’s segment from --accounts (unknown account or blank: (none)); groups add up to the company',
  product:
    '  --by product       a customer is an account with ARR in the product; moving to another product = churn here, new there',
  owner:
    '  --by owner         an account’s ARR belongs to the owner of most of it on the first day of P (else on the measuring day);\n' +
    '                     a handover at renewal is no churn; each period’s groups add up to the company',
}

export function retentionDefinitions(options: RetentionExplainOptions): string[] {
  return [
    'retention definitions (the same ARR movements as kpi --contracts):',
    `  ARR on day d       Σ value of the account’s contracts with start ≤ d ≤ end and d < churn_date${options.monthly ? '; values are monthly: × 12 [--mrr]' : ''}`,
    `  renewal grace      a contract whose account starts another contract within ${options.graceDays} days after its end [--grace]`,
    '                     is continued until that start (a late renewal is no churn); not after a churn date',
    '  period P           [first day, day after); a period still running is measured to the day after --as-of',
    '  starting_arr       ARR on the first day of P; ending_arr: ARR on the day after P',
    '  per account        a0 = starting, a1 = ending ARR: new a0 = 0 < a1; churned a1 = 0 < a0;',
    '                     expansion a1 − a0 when a1 > a0 > 0; contraction a0 − a1 when 0 < a1 < a0',
    '  identity           starting + new + expansion − contraction − churned = ending, checked to the cent',
    '  customers_start    accounts with a0 > 0; customers_lost: those with a1 = 0',
    '  logo_churn_rate    customers_lost ÷ customers_start (new customers in neither)',
    '  grr                (starting − churned − contraction) ÷ starting (at most 100%: no expansion)',
    '  nrr                (starting − churned − contraction + expansion) ÷ starting',
    ...(options.by === undefined
      ? []
      : options.by === 'owner' && options.cohorts
        ? [
            '  --by owner         a customer belongs to the owner of most of its ARR on its first day with ARR',
          ]
        : [BY[options.by]]),
    options.cohorts
      ? '  cohorts            customer start = first day with ARR; cohort = its period; NRR at k months =\n' +
        '                     Σ ARR on start + k months ÷ Σ ARR on start, over the cohort’s customers at least k months old on --as-of'
      : '  totals             the bridge of the whole range, from the contracts (never by adding rows)',
    '  money and ratios   cents until output; an empty denominator gives null (— / empty cell), never 0',
  ]
}
