import { describe, expect, it } from 'vitest'
import { matchHeaders } from './headers.js'
import { inferFormats } from './infer.js'
import { canonical } from './profiles/canonical.js'

const header = ['stage', 'amount', 'close_date', 'probability']
const match = matchHeaders(header, canonical, 'deal')

describe('inferFormats', () => {
  it('finds M/D when a day above 12 shows in the second place', () => {
    const f = inferFormats(
      [
        ['Won', '1', '03/04/2025', '10'],
        ['Won', '1', '03/31/2025', '10'],
      ],
      match,
      {},
      'dot',
    )
    expect(f.dates.get('close_date')).toBe('mdy')
    expect(f.ambiguousDates).toEqual([])
  })

  it('finds D/M when a day above 12 shows in the first place', () => {
    const f = inferFormats([['Won', '1', '31/03/2025', '10']], match, {}, 'dot')
    expect(f.dates.get('close_date')).toBe('dmy')
  })

  it('calls a column ambiguous when every date fits both, unless the locale decides', () => {
    const sample = [['Won', '1', '03/04/2025', '10']]
    expect(inferFormats(sample, match, {}, 'dot').ambiguousDates.map((a) => a.header)).toEqual(['close_date'])
    expect(inferFormats(sample, match, { dateOrder: 'dmy' }, 'dot').dates.get('close_date')).toBe('dmy')
  })

  it('recognises ISO, D.M.Y and Excel serials', () => {
    expect(inferFormats([['Won', '1', '2025-03-04', '10']], match, {}, 'dot').dates.get('close_date')).toBe(
      'iso',
    )
    expect(inferFormats([['Won', '1', '31.12.2025', '10']], match, {}, 'dot').dates.get('close_date')).toBe(
      'dmy-dot',
    )
    expect(inferFormats([['Won', '1', '45631', '10']], match, {}, 'dot').dates.get('close_date')).toBe(
      'excel-serial',
    )
  })

  it('reads the decimal style from one column and uses it for the undecided ones', () => {
    // "1.234,56" says comma; "1.000" alone says nothing, so the probability column follows the file
    const f = inferFormats([['Won', '1.234,56', '2025-01-01', '1.000']], match, {}, 'dot')
    expect(f.decimals.get('amount')).toBe('comma')
    expect(f.decimals.get('probability')).toBe('comma')
  })

  it('reads probabilities as fractions when every value is within 0..1 and some are fractional', () => {
    expect(
      inferFormats(
        [
          ['Won', '1', '2025-01-01', '0.25'],
          ['Won', '1', '2025-01-01', '1'],
        ],
        match,
        {},
        'dot',
      ).probabilityScale,
    ).toBe('fraction')
    expect(
      inferFormats(
        [
          ['Won', '1', '2025-01-01', '1'],
          ['Won', '1', '2025-01-01', '0'],
        ],
        match,
        {},
        'dot',
      ).probabilityScale,
    ).toBe('percent')
  })

  it('notices two-digit years', () => {
    expect(inferFormats([['Won', '1', '3/31/25', '1']], match, {}, 'dot').twoDigitYears).toEqual([
      'close_date',
    ])
  })
})
