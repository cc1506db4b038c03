/**
 * `.xlsx` input (Excel is many CRMs' default export) through read-excel-file: the first sheet or a
 * named one, as rows of text. Numbers keep their stored text; date cells become ISO dates.
 */
import { InputFileError } from '../errors.js'
import { formatIsoDate, daysFromCivil } from '../model/calendar-date.js'

/** The zip signature every .xlsx starts with. */
export function looksLikeXlsx(head: Uint8Array, name: string): boolean {
  return (
    /\.xlsx$/i.test(name) || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
  )
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    // Excel stores a calendar date (a day number); the library hands it over as UTC midnight.
    return formatIsoDate(daysFromCivil(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()))
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return JSON.stringify(value)
}

export async function readXlsxRows(bytes: Uint8Array, file: string, sheet?: string): Promise<string[][]> {
  // loaded on first use: it takes about 50 ms to load, which every CSV run (and check worker) would pay
  const { readSheet, SheetNotFoundError } = await import('read-excel-file/node')
  try {
    const data = await readSheet<string>(Buffer.from(bytes), sheet ?? 1, {
      parseNumber: (s) => s,
      trim: false,
    })
    return data.map((row) => row.map(cellText))
  } catch (error) {
    if (error instanceof SheetNotFoundError) {
      throw new InputFileError('SHEET_NOT_FOUND', file, `${file}: there is no sheet "${sheet ?? ''}"`, {
        cause: error,
      })
    }
    throw new InputFileError(
      'XLSX_UNREADABLE',
      file,
      `${file}: not a readable .xlsx workbook (${String(error)})`,
      { cause: error },
    )
  }
}
