import { InvalidArgumentError } from 'commander'
import { describe, expect, it } from 'vitest'
import { parseIdList, parseWeightOption } from './options.js'

describe('option parsers shared by territories and assign', () => {
  it('reads weights from 0 up and refuses the rest', () => {
    expect([parseWeightOption('0'), parseWeightOption('0.5'), parseWeightOption('12')]).toEqual([0, 0.5, 12])
    expect(() => parseWeightOption('-1')).toThrow(InvalidArgumentError)
    expect(() => parseWeightOption('x')).toThrow(InvalidArgumentError)
  })

  it('collects ids over repeated options, blanks dropped', () => {
    // first --lock "A-1, A-2," then --lock A-3: three ids in the order given
    const first = parseIdList('A-1, A-2,', undefined)
    expect(parseIdList('A-3', first)).toEqual(['A-1', 'A-2', 'A-3'])
  })
})
