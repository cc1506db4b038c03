import { describe, expect, it } from 'vitest'
import { builtinRules } from './builtin-rules.js'
import { builtinIssueRules } from './issue-rules.js'

describe('builtinRules', () => {
  it('lists the rules in documentation order', () => {
    expect(builtinRules.map((r) => `${r.id} ${r.entity} ${r.severity}`)).toEqual([
      'deal-without-owner deal warning',
      'open-deal-without-amount deal warning',
      'deal-without-created-date deal info',
      'open-deal-without-close-date deal warning',
      'duplicate-id deal error',
      'duplicate-id account error',
      'duplicate-id rep error',
      'duplicate-id contract error',
      'duplicate-id lead error',
      'likely-duplicate-deal deal warning',
      'open-deal-past-close-date deal warning',
      'non-positive-amount deal warning',
      'probability-out-of-range deal error',
      'probability-contradicts-stage deal warning',
      'closed-before-created deal warning',
      'stale-open-deal deal warning',
      'unknown-owner deal warning',
      'unknown-owner account warning',
      'unknown-account deal warning',
      'unknown-account contract warning',
      'account-without-owner account warning',
      'postal-code-lost-leading-zero account warning',
      'mojibake deal warning',
      'mojibake account warning',
      'contract-end-before-start contract error',
      'churn-outside-term contract warning',
      'rep-end-before-hire rep warning',
      'lead-converted-before-created lead warning',
    ])
  })

  it('has a unique (id, entity) pair, a kebab-case id, one sentence of description and a check for each rule', () => {
    const pairs = builtinRules.map((r) => `${r.id}/${r.entity}`)
    expect(new Set(pairs).size).toBe(pairs.length)
    for (const rule of [...builtinRules, ...builtinIssueRules]) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(rule.description).toMatch(/^[A-Z].*\.$/)
    }
    for (const rule of builtinRules) expect(rule.check !== undefined || rule.create !== undefined).toBe(true)
  })
})

describe('docs/metrics.md', () => {
  it('defines every check rule', async () => {
    const { readFile } = await import('node:fs/promises')
    const text = await readFile(new URL('../../../docs/metrics.md', import.meta.url), 'utf8')
    const ids = [...new Set([...builtinRules.map((r) => r.id), ...builtinIssueRules.map((r) => r.id)])]
    expect(ids.filter((id) => !text.includes(`\`${id}\``))).toEqual([])
  })
})
