/** `--fx FILE`: exchange rates as CSV `currency,rate` (rate = units of --currency per one unit). */
import { UsageError } from '../errors.js'
import { readTextFile } from '../io/files.js'
import { parseCsvText } from '../io/csv-rows.js'
import { sniffDelimiter } from '../io/load.js'
import { parseDecimal } from '../io/values.js'

export async function loadFxRates(
  path: string,
  target: string | undefined,
): Promise<{ target: string; rates: Map<string, number> }> {
  if (target === undefined)
    throw new UsageError('FX_WITHOUT_CURRENCY', '--fx needs --currency CODE: the currency to convert into')
  const text = await readTextFile(path)
  const firstLine = text.split('\n', 1)[0] ?? ''
  const rows = parseCsvText(text, sniffDelimiter(firstLine), path)
  const rates = new Map<string, number>([[target, 1]])
  rows.forEach((row, i) => {
    const [code = '', rateText = ''] = row.cells.map((c) => c.trim())
    if (i === 0 && !/^[A-Za-z]{3}$/.test(code)) return // header
    if (code === '' && rateText === '') return
    const rate = parseDecimal(rateText, 'dot')
    if (!/^[A-Za-z]{3}$/.test(code) || rate === undefined || rate <= 0) {
      throw new UsageError(
        'FX_INVALID',
        `${path}:${row.line}: expected currency,rate (e.g. EUR,1.08), got "${row.cells.join(',')}"`,
      )
    }
    rates.set(code.toUpperCase(), rate)
  })
  return { target, rates }
}
