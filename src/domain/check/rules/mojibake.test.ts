import { describe, expect, it } from 'vitest'
import { account, deal, messagesOf } from '../test-factories.js'
import { accountMojibake, dealMojibake, describeMojibake, repairCp1252 } from './mojibake.js'

describe('mojibake (warning, once per record)', () => {
  it.each([
    ['MÃ¼ller GmbH', 'Ã¼', 'Müller GmbH'],
    ['BÃ¤ckerei', 'Ã¤', 'Bäckerei'],
    ['GroÃŸhandel', 'ÃŸ', 'Großhandel'],
    ['CafÃ© Noir', 'Ã©', 'Café Noir'],
    ['Oâ€™Brien', 'â€™', 'O’Brien'],
    ['â€œBestâ€\u009D deal', 'â€œ', '“Best” deal'],
    ['Ã–sterreich', 'Ã–', 'Österreich'],
    ['Acme\u00C2\u00A0Corp', 'Â\u00A0', 'Acme\u00A0Corp'],
  ])('finds %j (UTF-8 read as Windows-1252) and repairs it', (text, found, repaired) => {
    expect(describeMojibake('name', text)).toBe(
      `name ${JSON.stringify(text)} contains ${JSON.stringify(found)}: UTF-8 text read as Windows-1252; expected ${JSON.stringify(repaired)}`,
    )
  })

  it('finds Mac Roman mojibake', () => {
    expect(describeMojibake('owner', 'O‚ÄôBrien')).toBe(
      'owner "O‚ÄôBrien" contains "‚Ä": UTF-8 text read as Mac Roman (re-export as UTF-8)',
    )
  })

  it('finds replacement characters', () => {
    expect(describeMojibake('name', 'M\uFFFDller')).toBe(
      'name "M�ller" contains U+FFFD: bytes that were not valid text were replaced (pass the file\'s --encoding)',
    )
  })

  it.each(['Müller GmbH', 'SÃO PAULO LTDA', 'Ångström AB', 'O’Brien', 'Âge d’Or', 'Café'])(
    'accepts %j',
    (text) => {
      expect(describeMojibake('name', text)).toBeUndefined()
    },
  )

  it('does not suggest a repair when the text is not mojibake throughout', () => {
    expect(repairCp1252('Müller – MÃ¼ller')).toBeUndefined()
    expect(describeMojibake('name', 'Ã¼ ok 東')).toBe(
      'name "Ã¼ ok 東" contains "Ã¼": UTF-8 text read as Windows-1252',
    )
  })

  it('reports the first field of a deal only once', () => {
    expect(
      messagesOf(dealMojibake, 'deal', deal({ name: 'MÃ¼ller', account: 'MÃ¼ller', owner: 'JÃ¶rg' })),
    ).toEqual(['name "MÃ¼ller" contains "Ã¼": UTF-8 text read as Windows-1252; expected "Müller"'])
    expect(messagesOf(dealMojibake, 'deal', deal({ owner: 'JÃ¶rg' }))).toEqual([
      'owner "JÃ¶rg" contains "Ã¶": UTF-8 text read as Windows-1252; expected "Jörg"',
    ])
    expect(messagesOf(dealMojibake, 'deal', deal())).toEqual([])
  })

  it('scans account name, owner and city', () => {
    expect(messagesOf(accountMojibake, 'account', account({ city: 'MÃ¼nchen' }))).toEqual([
      'city "MÃ¼nchen" contains "Ã¼": UTF-8 text read as Windows-1252; expected "München"',
    ])
  })
})
