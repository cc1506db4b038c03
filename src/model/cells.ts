/**
 * The field kinds that the loader compiles into per-column parsers, and the entity specs (the cell
 * schemas shared by every record schema are in `schemas.ts`).
 */

/**
 * How a column's text becomes a value:
 * - `id`: kept as text (leading zeros survive); Excel's scientific notation (`1.23E+17`) is an error;
 * - `text`: trimmed text, '' → absent; `list`: comma/semicolon-separated text;
 * - `money`: amount with locale → integer cents (a currency code or symbol in the cell is kept apart);
 * - `probability`: 0–100, `25%`, or 0–1 where the profile says so → fraction 0..1;
 * - `date`: calendar date in the column's inferred format; `bool`: true/false, 1/0, yes/no, ja/nein, x;
 * - `int` / `number`: plain numbers in the column's decimal style; `currency`: ISO 4217 code.
 */
export type FieldKind =
  'id' | 'text' | 'list' | 'money' | 'probability' | 'date' | 'bool' | 'int' | 'number' | 'currency'

export interface FieldSpec {
  /** canonical snake_case name, also the canonical profile's header */
  readonly name: string
  readonly kind: FieldKind
  /** Further headers that the canonical profile accepts (after normalisation). */
  readonly aliases?: readonly string[]
  /** Only a file's input: used to derive other fields, not kept on the record (e.g. is_won). */
  readonly inputOnly?: boolean
  /** What a value means, for `inspect` and docs. */
  readonly doc?: string
}

export type EntityName =
  'deal' | 'account' | 'rep' | 'quota' | 'lead' | 'contract' | 'stage_change' | 'spend' | 'nps'

export interface EntitySpec {
  readonly entity: EntityName
  /** Plural used in options and messages: --deals, "deals". */
  readonly plural: string
  readonly fields: readonly FieldSpec[]
  /** Columns a file must have (any one of each inner list). */
  readonly requiredColumns: readonly (readonly string[])[]
  /** A header containing one of these marks the entity when sniffing. */
  readonly signature: readonly string[]
}
