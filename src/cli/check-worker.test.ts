import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { builtinRules } from '../domain/check/builtin-rules.js'
import { fieldsRead } from '../domain/check/fields-read.js'
import { createCheckRun, shiftCheckPart } from '../domain/check/run-checks.js'
import { finishCsvParts, partLineShifts, planCsvSplit, shiftPartResult, streamRecords } from '../io/load.js'
import { parseIsoDate } from '../model/calendar-date.js'
import { checkPart } from './check-worker.js'
import type { PartTask } from './check-worker.js'

const dir = mkdtempSync(join(tmpdir(), 'salesops-check-parts-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Deals with duplicate ids and likely duplicates spread over the whole file, some invalid rows and a mojibake name. */
function dealsCsv(rows: number, lineBreaks: boolean): string {
  const lines = ['id,name,account_id,owner,stage,amount,probability,created,close_date,last_activity']
  for (let i = 0; i < rows; i++) {
    const k = (i * 7919) % 1000
    const name =
      i === rows - 10
        ? 'GrÃ¼n deal'
        : i % 41 === 0
          ? `"Deal, ""${k % 13}""${lineBreaks ? '\n' : ' '}renewal"`
          : `Deal ${k % 13}`
    const stage = ['Prospecting', 'Closed Won', 'Closed Lost'][k % 3] ?? 'Prospecting'
    const amount = i % 997 === 5 ? 'n/a' : String((k % 50) * 100)
    const day = String(1 + (k % 28)).padStart(2, '0')
    lines.push(
      `D-${i % 3000},${name},A-${k % 40},Rep ${k % 5},${stage},${amount},${k % 120},2025-01-${day},2025-02-${day},2025-01-${day}`,
    )
  }
  return `${lines.join('\n')}\n`
}

describe('checking a file in parts (checkPart, CheckRun.absorb)', () => {
  // with line breaks in quoted cells the cuts are found by reading up to them, and parts know
  // their first line; without, cuts are taken near their targets and parts count their own lines
  it.each([true, false])(
    'finds what one run over the whole file finds, duplicates across parts included (line breaks in cells: %s)',
    async (lineBreaks) => {
      const path = join(dir, `deals-${String(lineBreaks)}.csv`)
      writeFileSync(path, dealsCsv(12_000, lineBreaks))
      const asOf = parseIsoDate('2025-06-30')
      if (asOf === undefined) throw new Error('date')
      const fields = fieldsRead(builtinRules, 'deal')
      const context = { asOf, staleDays: 30 }

      const whole = createCheckRun(builtinRules, context)
      await streamRecords(
        [path],
        {
          entity: 'deal',
          collectOnly: true,
          onIssue: (i) => {
            whole.addIssue('deal', i)
          },
        },
        (r) => {
          whole.add('deal', r)
        },
      )
      const expected = whole.finish()
      expect(expected.counts.error).toBeGreaterThan(0)

      const split = await planCsvSplit(path, { entity: 'deal' }, 3)
      expect(split).toBeDefined()
      if (split === undefined) return
      const run = createCheckRun(builtinRules, context)
      const tasks: PartTask[] = split.parts.map((_, index) => ({
        split,
        index,
        options: { entity: 'deal', ...(fields === undefined ? {} : { fields }) },
        context,
      }))
      const parts = []
      for (const task of tasks) parts.push(await checkPart(task))
      // what a worker hands over is cloned (and its buffers moved)
      expect(split.parts.slice(1).every((part) => (part.line === undefined) === !lineBreaks)).toBe(true)
      const shifts = partLineShifts(
        split,
        parts.map((p) => p.result),
      )
      parts.forEach((part, i) => {
        run.absorb(shiftCheckPart(structuredClone(part.part), shifts[i] ?? 0))
      })
      const first = parts[0]
      if (first === undefined) return
      finishCsvParts(
        first.report,
        parts.map((p, i) => shiftPartResult(p.result, shifts[i] ?? 0)),
        {
          entity: 'deal',
          collectOnly: true,
          onIssue: (i) => {
            run.addIssue('deal', i)
          },
        },
      )
      expect(run.finish()).toEqual(expected)
    },
  )
})
