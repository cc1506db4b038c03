import type { DemoFile } from './generate-demo.js'

/** Rows of every file by name, header excluded (for tests of small and default demos). */
export function collectRows(files: readonly DemoFile[]): ReadonlyMap<string, readonly (readonly string[])[]> {
  return new Map(files.map((file) => [file.name, [...file.rows()]]))
}

/** The rows of one file as records keyed by header name. */
export function records(files: readonly DemoFile[], name: string): Record<string, string>[] {
  const file = files.find((f) => f.name === name)
  if (file === undefined) throw new Error(`no ${name}`)
  const out: Record<string, string>[] = []
  for (const row of file.rows()) {
    const record: Record<string, string> = {}
    file.header.forEach((column, i) => {
      record[column] = row[i] ?? ''
    })
    out.push(record)
  }
  return out
}

/** `field(record, 'amount')`: a present column's value (the tests' records always have every column). */
export function field(record: Readonly<Record<string, string>>, column: string): string {
  const value = record[column]
  if (value === undefined) throw new Error(`no column ${column}`)
  return value
}
