import type { ForecastCategory } from '../model/deal.js'

/** The canonical stage table of the demo company, in order. */
export const DEMO_STAGES = [
  { name: 'Prospecting', probability: 10, forecastCategory: 'pipeline' },
  { name: 'Qualification', probability: 20, forecastCategory: 'pipeline' },
  { name: 'Discovery', probability: 40, forecastCategory: 'best_case' },
  { name: 'Proposal', probability: 60, forecastCategory: 'best_case' },
  { name: 'Negotiation', probability: 80, forecastCategory: 'commit' },
  { name: 'Closed Won', probability: 100, forecastCategory: 'closed' },
  { name: 'Closed Lost', probability: 0, forecastCategory: 'omitted' },
] as const satisfies readonly { name: string; probability: number; forecastCategory: ForecastCategory }[]

export type StageName = (typeof DEMO_STAGES)[number]['name']
/** Index into DEMO_STAGES. 0..4 are open, 5 is won, 6 is lost. */
export type StageIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6
export const WON: StageIndex = 5
export const LOST: StageIndex = 6

/** Chance that a deal leaves each open stage forward rather than being lost, for an average deal. */
export const ADVANCE_PROBABILITY: readonly number[] = [0.5, 0.6, 0.66, 0.7, 0.8]
/** Relative time spent in each open stage. */
export const STAGE_DWELL_FACTOR: readonly number[] = [0.9, 1, 1.2, 1.3, 1]

export const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'] as const
export type Segment = (typeof SEGMENTS)[number]

export interface SegmentProfile {
  /** median first amount of a new deal, in currency units */
  readonly medianAmount: number
  readonly amountSigma: number
  /** rounding step of quoted amounts, in currency units */
  readonly amountStep: number
  /** mean days in one stage */
  readonly stageDays: number
  /** win-rate multiplier */
  readonly winFactor: number
  /** relative number of deals per account */
  readonly dealsPerAccount: number
}

export const SEGMENT_PROFILES: Readonly<Record<Segment, SegmentProfile>> = {
  SMB: {
    medianAmount: 11000,
    amountSigma: 0.3,
    amountStep: 100,
    stageDays: 12,
    winFactor: 1.12,
    dealsPerAccount: 1,
  },
  'Mid-Market': {
    medianAmount: 34000,
    amountSigma: 0.35,
    amountStep: 500,
    stageDays: 26,
    winFactor: 0.98,
    dealsPerAccount: 0.9,
  },
  Enterprise: {
    medianAmount: 170000,
    amountSigma: 0.45,
    amountStep: 1000,
    stageDays: 55,
    winFactor: 0.8,
    dealsPerAccount: 0.8,
  },
}

export const DEAL_TYPES = ['new', 'expansion', 'renewal'] as const
export type DemoDealType = (typeof DEAL_TYPES)[number]
export const DEAL_TYPE_WEIGHTS: Readonly<Record<DemoDealType, number>> = {
  new: 72,
  expansion: 18,
  renewal: 10,
}

export interface TypeProfile {
  readonly amountFactor: number
  readonly winFactor: number
  readonly speedFactor: number
  /** stage index a deal of this type enters at */
  readonly entryStage: StageIndex
  readonly nameSuffix: string
}

export const TYPE_PROFILES: Readonly<Record<DemoDealType, TypeProfile>> = {
  new: { amountFactor: 1, winFactor: 1, speedFactor: 1, entryStage: 0, nameSuffix: '' },
  expansion: {
    amountFactor: 0.45,
    winFactor: 1.2,
    speedFactor: 0.8,
    entryStage: 2,
    nameSuffix: ' Expansion',
  },
  renewal: { amountFactor: 0.9, winFactor: 1.9, speedFactor: 0.6, entryStage: 3, nameSuffix: ' Renewal' },
}

export const SOURCES = ['Inbound', 'Outbound', 'Partner', 'Event', 'Referral'] as const
export type Source = (typeof SOURCES)[number]

export interface SourceProfile {
  readonly newWeight: number
  readonly existingWeight: number
  readonly winFactor: number
  /** stage index a new deal from this source enters at (Inbound: sometimes one later) */
  readonly entryStage: StageIndex
  /** share of new deals from this source that began as a lead in leads.csv */
  readonly fromLeadShare: number
  /** share of this source's leads that become deals */
  readonly leadConversion: number
}

export const SOURCE_PROFILES: Readonly<Record<Source, SourceProfile>> = {
  Inbound: {
    newWeight: 34,
    existingWeight: 30,
    winFactor: 1.05,
    entryStage: 0,
    fromLeadShare: 0.14,
    leadConversion: 0.22,
  },
  Outbound: {
    newWeight: 30,
    existingWeight: 50,
    winFactor: 0.78,
    entryStage: 0,
    fromLeadShare: 0.03,
    leadConversion: 0.06,
  },
  Partner: {
    newWeight: 12,
    existingWeight: 10,
    winFactor: 1.2,
    entryStage: 1,
    fromLeadShare: 0.06,
    leadConversion: 0.35,
  },
  Event: {
    newWeight: 11,
    existingWeight: 0,
    winFactor: 0.9,
    entryStage: 0,
    fromLeadShare: 0.14,
    leadConversion: 0.1,
  },
  Referral: {
    newWeight: 13,
    existingWeight: 10,
    winFactor: 1.35,
    entryStage: 1,
    fromLeadShare: 0.06,
    leadConversion: 0.45,
  },
}

export const PRODUCTS = ['Platform', 'Analytics', 'Connect'] as const
export type Product = (typeof PRODUCTS)[number]
export const PRODUCT_AMOUNT_FACTOR: Readonly<Record<Product, number>> = {
  Platform: 1,
  Analytics: 0.55,
  Connect: 0.35,
}
export const PRODUCT_WEIGHTS: Readonly<Record<DemoDealType, Readonly<Record<Product, number>>>> = {
  new: { Platform: 72, Analytics: 18, Connect: 10 },
  expansion: { Platform: 15, Analytics: 50, Connect: 35 },
  renewal: { Platform: 75, Analytics: 15, Connect: 10 },
}

export const INDUSTRIES = [
  'Software',
  'Healthcare',
  'Financial Services',
  'Manufacturing',
  'Retail',
  'Logistics',
  'Media',
  'Energy',
  'Education',
] as const
export type Industry = (typeof INDUSTRIES)[number]
