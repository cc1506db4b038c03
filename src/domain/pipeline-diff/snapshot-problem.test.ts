import { describe, expect, it } from 'vitest'
import { snapshotProblem } from './snapshot-problem.js'
import { deal } from './test-factories.js'

describe('snapshotProblem', () => {
  it('accepts a snapshot with unique ids, and an empty one', () => {
    expect(snapshotProblem([deal({ id: 'D-1' }), deal({ id: 'D-2', source_line: 3 })])).toBeUndefined()
    expect(snapshotProblem([])).toBeUndefined()
  })

  it('names the file, the line of the second occurrence and the first line of a duplicate id', () => {
    const problem = snapshotProblem([
      deal({ id: 'D-1', source_line: 2 }),
      deal({ id: 'D-2', source_line: 3 }),
      deal({ id: 'D-1', source_line: 5 }),
    ])
    expect(problem).toMatchObject({ code: 'DUPLICATE_ID', file: 'old.csv', line: 5 })
    expect(problem?.message).toMatch(/^old\.csv:5: deal id "D-1" appears again \(first on line 2\)/)
  })

  it('rejects an export without an id column, whose ids are file:line', () => {
    expect(snapshotProblem([deal({ id: 'old.csv:2', source_line: 2 })])).toMatchObject({
      code: 'NO_DEAL_ID',
      file: 'old.csv',
    })
  })
})
