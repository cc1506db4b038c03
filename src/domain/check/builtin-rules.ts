/**
 * The rules `salesops check` runs, as data, in documentation order. A rule id may appear once per
 * entity (e.g. `duplicate-id` for deals, accounts, reps, contracts and leads); the pair (id, entity)
 * is unique. Rules fed by row issues (invalid-row, sci-notation-id, mojibake) are in `issue-rules.ts`.
 * To add a rule: one file in `rules/`, one line here.
 */
import { accountWithoutOwner } from './rules/account-without-owner.js'
import { churnOutsideTerm } from './rules/churn-outside-term.js'
import { closedBeforeCreated } from './rules/closed-before-created.js'
import { contractEndBeforeStart } from './rules/contract-end-before-start.js'
import { dealWithoutCreatedDate } from './rules/deal-without-created-date.js'
import { dealWithoutOwner } from './rules/deal-without-owner.js'
import { duplicateIdRules } from './rules/duplicate-id.js'
import { leadConvertedBeforeCreated } from './rules/lead-converted-before-created.js'
import { likelyDuplicateDeal } from './rules/likely-duplicate-deal.js'
import { accountMojibake, dealMojibake } from './rules/mojibake.js'
import { nonPositiveAmount } from './rules/non-positive-amount.js'
import { openDealPastCloseDate } from './rules/open-deal-past-close-date.js'
import { openDealWithoutAmount } from './rules/open-deal-without-amount.js'
import { openDealWithoutCloseDate } from './rules/open-deal-without-close-date.js'
import { postalCodeLostLeadingZero } from './rules/postal-code-lost-leading-zero.js'
import { probabilityContradictsStage } from './rules/probability-contradicts-stage.js'
import { probabilityOutOfRange } from './rules/probability-out-of-range.js'
import { repEndBeforeHire } from './rules/rep-end-before-hire.js'
import { staleOpenDeal } from './rules/stale-open-deal.js'
import { unknownContractAccount, unknownDealAccount } from './rules/unknown-account.js'
import { unknownAccountOwner, unknownDealOwner } from './rules/unknown-owner.js'
import type { CheckRule } from './types.js'

export const builtinRules: readonly CheckRule[] = [
  // deals: values optional in parsing but expected
  dealWithoutOwner,
  openDealWithoutAmount,
  dealWithoutCreatedDate,
  openDealWithoutCloseDate,
  // every entity: duplicates
  ...duplicateIdRules,
  likelyDuplicateDeal,
  // deals: dates, amounts, probabilities
  openDealPastCloseDate,
  nonPositiveAmount,
  probabilityOutOfRange,
  probabilityContradictsStage,
  closedBeforeCreated,
  staleOpenDeal,
  // references to --reps and --accounts
  unknownDealOwner,
  unknownAccountOwner,
  unknownDealAccount,
  unknownContractAccount,
  // accounts
  accountWithoutOwner,
  postalCodeLostLeadingZero,
  // encoding
  dealMojibake,
  accountMojibake,
  // contracts, reps, leads
  contractEndBeforeStart,
  churnOutsideTerm,
  repEndBeforeHire,
  leadConvertedBeforeCreated,
]
