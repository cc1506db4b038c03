/** Whether a lead converted, how we know, and how many days it took. */
import type { Lead } from '../../model/lead.js'

/** What shows that a lead converted, in order of precedence. */
export type ConversionEvidence = 'converted_date' | 'deal_id' | 'status'

/** Status labels that mean "converted" once case-folded and reduced to words (Salesforce: "Closed - Converted"). */
const CONVERTED_STATUSES: ReadonlySet<string> = new Set(['converted', 'closed converted'])

function statusWords(status: string): string {
  return status
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * How a lead is known to have converted, or undefined when it did not.
 *
 * A lead converted when it has a `converted_date`, else a `deal_id`, else a `status` that reads
 * "Converted" or "Closed - Converted" (any case and punctuation; "Closed - Not Converted" does not
 * count). The data fields win over the label: a lead marked "Disqualified" that has a deal_id
 * converted. The first piece of evidence found is returned.
 *
 * @example conversionEvidence({ …, converted_date: undefined, deal_id: 'D-6', status: 'Open' }) //=> 'deal_id'
 */
export function conversionEvidence(lead: Lead): ConversionEvidence | undefined {
  if (lead.converted_date !== undefined) return 'converted_date'
  if (lead.deal_id !== undefined) return 'deal_id'
  if (lead.status !== undefined && CONVERTED_STATUSES.has(statusWords(lead.status))) return 'status'
  return undefined
}

export function isConverted(lead: Lead): boolean {
  return conversionEvidence(lead) !== undefined
}

/** See `conversionTime`. */
export type ConversionTime =
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'negative'; readonly days: number }
  | { readonly kind: 'undated' }

/**
 * The conversion time of a converted lead: `converted_date − created` in days when both dates are
 * there and the difference is ≥ 0 (same day = 0); `negative` when the conversion date is before the
 * created date (a data error, left out of the averages); `undated` when a date is missing.
 * Undefined for a lead that did not convert.
 *
 * @example conversionTime(lead created 2026-01-05, converted 2026-01-15) //=> { kind: 'days', days: 10 }
 */
export function conversionTime(lead: Lead): ConversionTime | undefined {
  if (!isConverted(lead)) return undefined
  if (lead.created === undefined || lead.converted_date === undefined) return { kind: 'undated' }
  const days = lead.converted_date - lead.created
  return days < 0 ? { kind: 'negative', days } : { kind: 'days', days }
}
