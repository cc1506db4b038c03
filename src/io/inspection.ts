/**
 * What `inspect` reports about one file, as data: built from the loader's FileReport. PURE.
 */
import type { RowIssue } from '../errors.js'
import type { ColumnMapping, Inspection } from '../model/inspection.js'
import { entitySpecs } from '../model/entities.js'
import type { FileReport } from './load.js'
import { dateFormatLabels } from './values.js'

export type { ColumnMapping, Inspection } from '../model/inspection.js'

const delimiterNames: Readonly<Record<string, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
}

export function describeFile(report: FileReport, issues: readonly RowIssue[]): Inspection {
  const { match, formats } = report
  const kinds = new Map(entitySpecs[match.entity].fields.map((f) => [f.name, f.kind]))
  const columns: ColumnMapping[] = []
  for (const b of match.bindings) {
    const kind = kinds.get(b.field) ?? 'text'
    const date = formats.dates.get(b.field)
    const decimal = formats.decimals.get(b.field)
    const format =
      date !== undefined
        ? dateFormatLabels[date]
        : kind === 'probability'
          ? `${formats.probabilityScale === 'percent' ? '0–100' : '0–1'}, decimal ${decimal ?? 'dot'}`
          : decimal !== undefined
            ? `decimal ${decimal}`
            : ''
    b.headers.forEach((header) => {
      columns.push({
        file: report.file,
        header,
        field: b.field,
        kind,
        format,
        via: b.specific ? 'profile' : 'canonical name',
      })
    })
  }
  for (const header of match.unmatched)
    columns.push({ file: report.file, header, field: '', kind: '', format: '', via: 'unmapped' })
  const order = new Map(report.header.map((h, i) => [h, i]))
  columns.sort((a, b) => (order.get(a.header) ?? 0) - (order.get(b.header) ?? 0))
  return {
    file: report.file,
    format: report.format,
    encoding: report.encoding ?? 'utf-8',
    bom: report.bom,
    delimiter: delimiterNames[report.delimiter] ?? report.delimiter,
    sep_line: report.sepLine,
    profile: match.profile.name,
    confidence: match.confidence,
    alternatives: report.alternatives.map((a) => ({
      profile: a.profile.name,
      entity: a.entity,
      confidence: a.confidence,
    })),
    entity: match.entity,
    rows: report.rows,
    valid_rows: report.accepted,
    invalid_rows: report.rejected,
    footer_rows: report.footerRows,
    blank_rows: report.blankRows,
    deleted_rows: report.deletedRows,
    columns,
    stage_history_columns: match.dateEntered.length,
    currencies: [...report.currencies]
      .sort((a, b) => b[1] - a[1])
      .map(([currency, rows]) => ({ currency, rows })),
    stages: [...report.stages]
      .sort((a, b) => (a.order ?? 999) - (b.order ?? 999) || a.name.localeCompare(b.name))
      .map((s) => ({
        stage: s.name,
        status: s.status,
        probability: s.probability ?? null,
        forecast_category: s.forecastCategory ?? null,
        order: s.order === undefined ? null : s.order + 1,
        from: s.source === 'table' ? `${match.profile.name} stage table` : 'stage name',
      })),
    two_digit_years: formats.twoDigitYears,
    probability_scale: formats.probabilityScale,
    mojibake: report.mojibake ?? null,
    issues,
  }
}
