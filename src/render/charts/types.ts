/**
 * Chart specifications shared by the SVG (HTML report) and text (terminal, markdown) renderers.
 * A spec is data only: the caller computes the numbers and passes a `format` for values
 * (money, counts, ratios); the renderers never guess units.
 *
 * Every spec accepts an optional `desc`: a one-sentence summary used as the SVG `<desc>`
 * (screen readers, mail clients that show alt text); a generic one is generated otherwise.
 */

export type Fmt = (value: number) => string

export interface BarSeries {
  name: string
  values: readonly (number | null)[]
}

/** grouped vertical bars per category; series[0] is the highlighted one (e.g. this year), later series muted (e.g. prior year) */
export interface BarChartSpec {
  title: string
  categories: readonly string[]
  series: readonly BarSeries[]
  format: Fmt
  desc?: string
}

export interface FanPoint {
  label: string
  actual?: number | null
  p10?: number
  p50?: number
  p90?: number
  target?: number | null
}

/** past periods have `actual`; forecast periods have p10/p50/p90 (a shaded band with the p50 line); `target` (quota) as a marker */
export interface FanChartSpec {
  title: string
  points: readonly FanPoint[]
  format: Fmt
  desc?: string
}

export interface WaterfallStep {
  label: string
  value: number
  kind: 'total' | 'delta'
}

/** first and last steps are usually totals; deltas float from the running total, green up / red down */
export interface WaterfallSpec {
  title: string
  steps: readonly WaterfallStep[]
  format: Fmt
  desc?: string
}

export interface FunnelStage {
  label: string
  value: number
  rate?: number | null
}

/** stages top to bottom, bar width ∝ value, `rate` = conversion from the previous stage shown as a percentage */
export interface FunnelSpec {
  title: string
  stages: readonly FunnelStage[]
  format: Fmt
  desc?: string
}

export interface HBarItem {
  label: string
  value: number | null
  flag?: boolean
}

/** horizontal bars (e.g. attainment per rep); `reference` draws a vertical line (e.g. 100% of quota); flagged items drawn in the warning colour */
export interface HBarSpec {
  title: string
  items: readonly HBarItem[]
  format: Fmt
  reference?: { value: number; label: string }
  desc?: string
}

/** bars left/right of zero (e.g. territory potential deviation from the mean, as a fraction); `band` draws ±band lines and items outside it are flagged */
export interface DivergingSpec {
  title: string
  items: readonly { label: string; value: number | null }[]
  format: Fmt
  band?: number
  desc?: string
}

/** colours for the text renderers (an injected Chalk, or identity); must not add visible characters */
export interface Paint {
  accent(s: string): string
  muted(s: string): string
  good(s: string): string
  bad(s: string): string
  warn(s: string): string
}

const identity = (s: string): string => s

export const plainPaint: Paint = {
  accent: identity,
  muted: identity,
  good: identity,
  bad: identity,
  warn: identity,
}
