import { describe, expect, it } from 'vitest'
import { accountSpec } from '../model/account.js'
import { parseIsoDate } from '../model/calendar-date.js'
import type { EntitySpec } from '../model/cells.js'
import { contractSpec } from '../model/contract.js'
import { dealSpec } from '../model/deal.js'
import { leadSpec } from '../model/lead.js'
import { npsSpec } from '../model/nps.js'
import { quotaSpec } from '../model/quota.js'
import { repSpec } from '../model/rep.js'
import { spendSpec } from '../model/spend.js'
import { stageChangeSpec } from '../model/stage-change.js'
import { collectRows, field, records } from './test-factories.js'
import { DEFAULT_DEMO_DEALS, DEMO_SNAPSHOT, generateDemo } from './generate-demo.js'

const SPECS: Readonly<Record<string, EntitySpec>> = {
  'reps.csv': repSpec,
  'accounts.csv': accountSpec,
  'deals.csv': dealSpec,
  'stage_history.csv': stageChangeSpec,
  'open_pipeline_2026-11-20.csv': dealSpec,
  'quotas.csv': quotaSpec,
  'contracts.csv': contractSpec,
  'leads.csv': leadSpec,
  'spend.csv': spendSpec,
  'nps.csv': npsSpec,
}

describe('generateDemo', () => {
  it('produces the ten files with canonical field names as headers', () => {
    const files = generateDemo({ seed: 1, deals: 500 })
    // the open-pipeline export of a week before the snapshot (2026-11-27 − 7 days)
    expect(files.map((f) => f.name)).toEqual(Object.keys(SPECS))
    for (const file of files) {
      const names = SPECS[file.name]?.fields.map((f) => f.name) ?? []
      expect(file.header.filter((column) => !names.includes(column))).toEqual([])
    }
  })

  it('gives every row as many cells as its header', () => {
    for (const file of generateDemo({ seed: 3, deals: 1000 })) {
      for (const row of file.rows()) expect(row).toHaveLength(file.header.length)
    }
  })

  it('gives byte-identical rows for the same seed', () => {
    const a = collectRows(generateDemo({ seed: 42, deals: 2000 }))
    const b = collectRows(generateDemo({ seed: 42, deals: 2000 }))
    expect(b).toEqual(a)
  })

  it('gives the same rows when rows() is called twice', () => {
    for (const file of generateDemo({ seed: 9, deals: 1500 })) {
      expect([...file.rows()]).toEqual([...file.rows()])
    }
  })

  it('gives different rows for a different seed', () => {
    const a = collectRows(generateDemo({ seed: 42, deals: 2000 }))
    const b = collectRows(generateDemo({ seed: 43, deals: 2000 }))
    for (const name of ['reps.csv', 'accounts.csv', 'deals.csv', 'stage_history.csv', 'leads.csv']) {
      expect(b.get(name)).not.toEqual(a.get(name))
    }
  })

  it('writes plain values: decimal amounts, ISO dates, whole probabilities, true/false', () => {
    const files = generateDemo({ seed: 5, deals: 3000 })
    const money = /^\d+(\.\d\d?)?$/
    const isDate = (v: string): boolean => parseIsoDate(v) !== undefined
    for (const deal of records(files, 'deals.csv')) {
      expect(field(deal, 'amount')).toMatch(money)
      expect(field(deal, 'cost')).toMatch(/^$|^\d+(\.\d\d?)?$/)
      expect(Number(field(deal, 'probability'))).toSatisfy(
        (p: number) => Number.isInteger(p) && p >= 0 && p <= 100,
      )
      expect(
        [field(deal, 'created'), field(deal, 'close_date'), field(deal, 'last_activity')].every(isDate),
      ).toBe(true)
      expect(field(deal, 'currency')).toBe('USD')
      expect(field(deal, 'pipeline')).toBe('default')
    }
    for (const contract of records(files, 'contracts.csv')) {
      expect(['true', 'false']).toContain(field(contract, 'auto_renew'))
      expect(field(contract, 'value')).toMatch(money)
    }
    for (const account of records(files, 'accounts.csv')) {
      expect(field(account, 'potential')).toMatch(money)
      expect(field(account, 'lat')).toMatch(/^-?\d+\.\d{4}$/)
    }
  })

  it('keeps the leading zeros of US zip codes as text', () => {
    const accounts = records(generateDemo({ seed: 42 }), 'accounts.csv')
    const us = accounts.filter((a) => field(a, 'country') === 'United States')
    expect(us.every((a) => /^\d{5}$/.test(field(a, 'postal_code')))).toBe(true)
    expect(us.some((a) => field(a, 'postal_code').startsWith('0'))).toBe(true)
  })

  // The shipped fixture gzips the stage history (about 5 MB of text, under 1 MB compressed).
  it('keeps the default demo under 10 MB of comma-joined lines, stage history aside', () => {
    let bytes = 0
    for (const file of generateDemo({ seed: 42 }).filter((f) => f.name !== 'stage_history.csv')) {
      bytes += Buffer.byteLength(`${file.header.join(',')}\n`)
      for (const row of file.rows()) bytes += Buffer.byteLength(`${row.join(',')}\n`)
    }
    expect(bytes).toBeLessThan(10_000_000)
    expect(bytes).toBeGreaterThan(5_000_000)
  })

  it('streams 200,000 deals through the iterator', () => {
    const files = generateDemo({ seed: 7, deals: 200_000 })
    const deals = files.find((f) => f.name === 'deals.csv')
    let count = 0
    let last = ''
    for (const row of deals?.rows() ?? []) {
      count++
      last = row[0] ?? ''
    }
    expect(count).toBe(200_000)
    expect(last).toBe('D-200000')
    expect(files.find((f) => f.name === 'accounts.csv')?.rows()).toSatisfy(
      (rows: Iterable<unknown>) => [...rows].length === 25_000,
    )
  })

  it('uses DEFAULT_DEMO_DEALS deals and 2026-11-27 as today by default', () => {
    const deals = generateDemo({ seed: 1 }).find((f) => f.name === 'deals.csv')
    let count = 0
    for (const row of deals?.rows() ?? []) {
      count++
      expect(parseIsoDate(row[10] ?? '')).toBeLessThanOrEqual(DEMO_SNAPSHOT)
    }
    expect(count).toBe(DEFAULT_DEMO_DEALS)
  })

  it.each([0, -5, 1.5, Number.NaN])('rejects %s deals', (deals) => {
    expect(() => generateDemo({ seed: 1, deals })).toThrow(RangeError)
  })
})

describe('the open-pipeline export of a week earlier', () => {
  it('holds only deals created by then and open then, each with its stage and amount of that day', () => {
    const files = generateDemo({ seed: 5, deals: 3000 })
    const rowsOf = (name: string) => [...(files.find((f) => f.name === name)?.rows() ?? [])]
    const previous = rowsOf('open_pipeline_2026-11-20.csv')
    const history = rowsOf('stage_history.csv')
    expect(previous.length).toBeGreaterThan(50)
    for (const row of previous.slice(0, 200)) {
      const [id, , , , , stage, amount, , , , created] = row
      expect(created !== undefined && created <= '2026-11-20').toBe(true)
      expect(['Closed Won', 'Closed Lost']).not.toContain(stage)
      // its last history row on or before 2026-11-20 has the same stage and amount
      const moves = history.filter((h) => h[0] === id && (h[1] ?? '') <= '2026-11-20')
      const last = moves[moves.length - 1]
      expect([last?.[3], last?.[4]]).toEqual([stage, amount])
    }
  })
})
