/** What `inspect` reports about one input file (built in io/inspection.ts, rendered in render/). */
export interface ColumnMapping {
  readonly file: string
  readonly header: string
  readonly field: string
  readonly kind: string
  readonly format: string
  readonly via: 'profile' | 'canonical name' | 'unmapped'
}

export interface Inspection {
  readonly file: string
  readonly format: string
  readonly encoding: string
  readonly bom: boolean
  readonly delimiter: string
  readonly sep_line: boolean
  readonly profile: string
  readonly confidence: number
  readonly alternatives: readonly { profile: string; entity: string; confidence: number }[]
  readonly entity: string
  readonly rows: number
  readonly valid_rows: number
  readonly invalid_rows: number
  readonly footer_rows: number
  readonly blank_rows: number
  readonly deleted_rows: number
  readonly columns: readonly ColumnMapping[]
  readonly stage_history_columns: number
  readonly currencies: readonly { currency: string; rows: number }[]
  readonly stages: readonly {
    stage: string
    status: string
    probability: number | null
    forecast_category: string | null
    order: number | null
    from: string
  }[]
  readonly two_digit_years: readonly string[]
  readonly probability_scale: string
  readonly mojibake: string | null
  readonly issues: readonly {
    readonly file: string
    readonly line: number
    readonly column: string
    readonly message: string
    readonly code: string
  }[]
}
