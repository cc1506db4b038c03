import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { configSchema } from './config-schema.js'

describe('the report config', () => {
  it('accepts the documented example (docs/salesops.config.example.yaml)', () => {
    const text = readFileSync(new URL('../../docs/salesops.config.example.yaml', import.meta.url), 'utf8')
    const result = configSchema.safeParse(parse(text))
    expect(result.error?.issues).toBeUndefined()
    // "90%" is read as the share 0.9
    expect(result.data?.report?.alerts?.forecast_below_quota).toBe(0.9)
  })

  it('names the key path of a wrong value', () => {
    const result = configSchema.safeParse({ report: { sections: ['kpis', 'weather'] } })
    expect(result.error?.issues[0]?.path).toEqual(['report', 'sections', 1])
    const unknown = configSchema.safeParse({ files: { opportunities: 'x.csv' } })
    expect(unknown.success).toBe(false)
  })
})
