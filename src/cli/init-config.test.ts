import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import type { StageRow } from '../io/profiles/index.js'
import { configSchema } from './config-schema.js'
import type { Config } from './config.js'
import { buildInitConfig, configStages, initSummary, shellWord, yamlString } from './init-config.js'
import type { InitFile, InitInput } from './init-config.js'
import { reportSections } from './report-config.js'

const table: readonly StageRow[] = [
  { name: 'Prospecting', status: 'open', probability: 0.1, forecastCategory: 'pipeline' },
  { name: 'Proposal', status: 'open', probability: 0.6, forecastCategory: 'best_case' },
  { name: 'Negotiation', status: 'open', probability: 0.8, forecastCategory: 'commit' },
  { name: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'closed', aliases: ['Won'] },
  { name: 'Closed Lost', status: 'lost', probability: 0, forecastCategory: 'omitted' },
]

function initFile(overrides: Partial<InitFile> = {}): InitFile {
  return {
    file: 'exports/deals.csv',
    configPath: 'exports/deals.csv',
    entity: 'deal',
    profile: 'canonical',
    confidence: 1,
    rows: 12,
    invalidRows: 0,
    currencies: [['USD', 12]],
    dateFormats: [
      { field: 'created', format: 'iso' },
      { field: 'close_date', format: 'iso' },
    ],
    decimalComma: [],
    guessed: [],
    unmapped: [],
    freeFields: [],
    stageHistoryColumns: 0,
    stages: [
      { name: 'Proposal', status: 'open', probability: 0.6, forecastCategory: 'best_case', order: 1 },
      { name: 'Prospecting', status: 'open', probability: 0.1, forecastCategory: 'pipeline', order: 0 },
      { name: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'closed', order: 3 },
    ],
    stageTable: table,
    ...overrides,
  }
}

function repsFile(overrides: Partial<InitFile> = {}): InitFile {
  return initFile({
    file: 'exports/reps.csv',
    configPath: 'exports/reps.csv',
    entity: 'rep',
    currencies: [],
    dateFormats: [{ field: 'hire_date', format: 'iso' }],
    stages: [],
    stageTable: [],
    ...overrides,
  })
}

function input(files: readonly InitFile[], options: InitInput['options'] = {}): InitInput {
  return { files, options, configFile: 'salesops.config.yaml' }
}

/** The generated text, parsed and validated like `loadConfig` does. */
function generate(value: InitInput): { text: string; config: Config } {
  const text = buildInitConfig(value)
  const result = configSchema.safeParse(parseYaml(text) ?? {})
  if (!result.success) throw new Error(`invalid config:\n${result.error.message}\n\n${text}`)
  return { text, config: result.data }
}

describe('buildInitConfig', () => {
  it('writes a config that validates with configSchema, with the detected currency, profile and files', () => {
    const { config } = generate(input([initFile(), repsFile()]))
    expect(config.currency).toBe('USD')
    expect(config.profile).toBe('canonical')
    expect(config.files).toEqual({ deals: 'exports/deals.csv', reps: 'exports/reps.csv' })
  })

  it('writes the starter with the files section commented out when no file is given', () => {
    const { text, config } = generate(input([]))
    expect(config.files).toBeUndefined()
    expect(config.stages).toBeUndefined()
    expect(config.currency).toBeUndefined()
    expect(text).toContain('\n# files:\n#   deals: exports/deals.csv ')
    expect(text).toContain('\n#   previous_deals: exports/deals-last-week.csv ')
    expect(text).toContain('\n# stages:\n#   - { name: Discovery, status: open, probability: 10')
  })

  it('writes the report defaults out: quarter, every section in order, the four alerts', () => {
    const { config, text } = generate(input([]))
    expect(config.report).toEqual({
      title: 'Weekly sales report',
      period: 'quarter',
      sections: [...reportSections],
      alerts: {
        pipeline_coverage_below: 3,
        forecast_below_quota: 0.9,
        data_quality_errors: true,
        renewals_overdue: true,
      },
    })
    expect(text).toContain('  # trend_periods: 8 ')
    expect(text).toContain('    # win_rate_below: 0.2 ')
  })

  it('comments the fiscal year start with its default', () => {
    const { config, text } = generate(input([initFile()]))
    expect(config.fiscal_year_start).toBeUndefined()
    expect(text).toContain('\n# fiscal_year_start: 1\n')
  })

  it('writes the stage table in pipeline order with probabilities 0–100, unused table rows commented out', () => {
    const { config, text } = generate(input([initFile()]))
    expect(config.stages).toEqual([
      { name: 'Prospecting', status: 'open', probability: 10, forecast_category: 'pipeline' },
      { name: 'Proposal', status: 'open', probability: 60, forecast_category: 'best_case' },
      { name: 'Closed Won', status: 'won', probability: 100, forecast_category: 'closed', aliases: ['Won'] },
    ])
    expect(text).toContain(
      '\n  # - { name: Negotiation, status: open, probability: 80, forecast_category: commit }\n',
    )
    expect(text).toContain(
      '\n  # - { name: Closed Lost, status: lost, probability: 0, forecast_category: omitted }\n',
    )
    expect(text).toMatch(/# Check these: /)
  })

  it('marks stages the table does not know as read by their name', () => {
    const file = initFile({
      stages: [
        { name: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'closed', order: 3 },
        { name: 'Verhandlung', status: 'open' },
        { name: 'Abgesagt', status: 'lost', probability: 0, forecastCategory: 'omitted' },
      ],
    })
    const { config, text } = generate(input([file]))
    expect(config.stages?.map((s) => s.name)).toEqual(['Verhandlung', 'Closed Won', 'Abgesagt'])
    expect(config.stages?.[0]).toEqual({ name: 'Verhandlung', status: 'open' })
    expect(text).toMatch(
      /- \{ name: Verhandlung, status: open \} +# check: not in the stage table, read by its name; add a probability\n/,
    )
  })

  it('quotes names that YAML would read otherwise', () => {
    const names = [
      'Closed: Won',
      'yes',
      'null',
      '100',
      '#1 Prospect',
      'Stage, final',
      "Rep's pick",
      '[Qualified]',
    ]
    const file = initFile({
      stages: names.map((name) => ({ name, status: 'open' as const })),
      stageTable: [],
    })
    const { config } = generate(input([file]))
    expect(config.stages?.map((s) => s.name)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
  })

  it('keeps paths as given, quoting the ones YAML would misread', () => {
    const deals = initFile({ configPath: '../exports/Opportunities: Q3 #2.csv' })
    const reps = repsFile({ configPath: 'exports/reps team.csv' })
    const { config } = generate(input([deals, reps]))
    expect(config.files).toEqual({
      deals: '../exports/Opportunities: Q3 #2.csv',
      reps: 'exports/reps team.csv',
    })
  })

  it('lists several files of one kind, stage history as history, and the deals file as history when it carries one', () => {
    const two = generate(
      input([
        initFile(),
        initFile({ file: 'b.csv', configPath: 'b.csv' }),
        repsFile({ entity: 'stage_change', configPath: 'history.csv' }),
      ]),
    )
    expect(two.config.files).toEqual({ deals: ['exports/deals.csv', 'b.csv'], history: 'history.csv' })
    expect(two.text).toContain('check: read as one; move an older snapshot to previous_deals')
    const hubspot = generate(input([initFile({ profile: 'hubspot', stageHistoryColumns: 2 })]))
    expect(hubspot.config.files).toEqual({ deals: 'exports/deals.csv', history: 'exports/deals.csv' })
  })

  it('comments the currency out, naming each one, when the files use several', () => {
    const file = initFile({
      currencies: [
        ['EUR', 8],
        ['USD', 4],
      ],
    })
    const { config, text } = generate(input([file]))
    expect(config.currency).toBeUndefined()
    expect(text).toContain('EUR (8 rows), USD (4 rows)')
    expect(text).toContain('\n# currency: EUR\n')
  })

  it('asks for the currency when no file names one', () => {
    const { config, text } = generate(input([initFile({ currencies: [] })]))
    expect(config.currency).toBeUndefined()
    expect(text).toMatch(/\n# currency: USD +# no file names a currency/)
  })

  it('writes no profile when the files use different ones', () => {
    const { config, text } = generate(input([initFile({ profile: 'salesforce-report' }), repsFile()]))
    expect(config.profile).toBeUndefined()
    expect(text).toContain('different CRM profiles (salesforce-report, canonical)')
  })

  it('reports detected formats as comments only', () => {
    const file = initFile({
      dateFormats: [{ field: 'close_date', format: 'dmy-dot' }],
      decimalComma: ['amount'],
    })
    const { config, text } = generate(input([file]))
    expect(config.date_format).toBeUndefined()
    expect(config.locale).toBeUndefined()
    expect(text).toContain('#   exports/deals.csv: close_date: dmy-dot (D.M.YYYY); decimal comma in amount')
    expect(text).toMatch(/\n# date_format: dmy-dot +#/)
    expect(text).toMatch(/\n# locale: de-DE +#/)
  })

  it('turns the reading options of the command line into settings', () => {
    const { config } = generate(
      input([initFile()], {
        currency: 'EUR',
        locale: 'de-DE',
        dateFormat: 'dmy',
        profile: 'salesforce-report',
        encoding: 'windows-1252',
        fiscalYearStart: 2,
        mappings: { amount: 'Total Value' },
      }),
    )
    expect(config).toMatchObject({
      currency: 'EUR',
      locale: 'de-DE',
      date_format: 'dmy',
      profile: 'salesforce-report',
      encoding: 'windows-1252',
      fiscal_year_start: 2,
      mappings: { amount: 'Total Value' },
    })
  })

  it('writes mapping hints, commented, only for columns guessed or not read', () => {
    const file = initFile({
      guessed: [{ field: 'owner', header: 'Deal Owner' }],
      unmapped: ['Next Step'],
      freeFields: ['region', 'segment'],
    })
    const { config, text } = generate(input([file]))
    expect(config.mappings).toBeUndefined()
    expect(text).toContain('\n# mappings:\n#   deals:\n#     # fields without a column: region, segment\n')
    expect(text).toMatch(
      /\n# {5}owner: Deal Owner +# check: exports\/deals.csv matched it by a generic name\n/,
    )
    expect(text).toMatch(/\n# {5}FIELD: Next Step +# exports\/deals.csv: not read\n/)
  })

  it('gives uncommented hints that still validate', () => {
    const file = initFile({ guessed: [{ field: 'owner', header: 'Deal: Owner' }], unmapped: [] })
    const text = buildInitConfig(input([file])).replace(/^# (mappings:| {2}deals:| {4}owner:)/gm, '$1')
    const config = configSchema.parse(parseYaml(text))
    expect(config.mappings).toEqual({ deals: { owner: 'Deal: Owner' } })
  })

  it('ends every line without trailing blanks and the text with one newline', () => {
    const text = buildInitConfig(input([initFile(), repsFile()]))
    expect(text.endsWith('\n')).toBe(true)
    expect(text.endsWith('\n\n')).toBe(false)
    expect(text.split('\n').filter((l) => l !== l.trimEnd())).toEqual([])
  })
})

describe('configStages', () => {
  it('puts open stages the table does not know after its last open stage, won before lost at the end', () => {
    const stages = configStages([
      initFile({
        stages: [
          { name: 'Zeta', status: 'lost' },
          { name: 'Beta', status: 'open' },
          { name: 'Alpha', status: 'open' },
          { name: 'Gamma', status: 'won' },
          { name: 'Proposal', status: 'open', probability: 0.6, order: 1 },
        ],
      }),
    ])
    expect(stages.map((s) => `${s.name}${s.seen ? '' : ' (unused)'}`)).toEqual([
      'Prospecting (unused)',
      'Proposal',
      'Negotiation (unused)',
      'Alpha',
      'Beta',
      'Closed Won (unused)',
      'Closed Lost (unused)',
      'Gamma',
      'Zeta',
    ])
  })

  it('merges several deals files: the first order, then stages only later files have', () => {
    const first = initFile({ stages: [{ name: 'Proposal', status: 'open', order: 1 }] })
    const second = initFile({
      stageTable: [],
      stages: [
        { name: 'negotiation', status: 'open' },
        { name: 'Renewal Review', status: 'open' },
      ],
    })
    const stages = configStages([first, second])
    expect(stages.filter((s) => s.seen).map((s) => s.name)).toEqual([
      'Proposal',
      'negotiation',
      'Renewal Review',
    ])
    expect(stages.map((s) => s.name)).toEqual([
      'Prospecting',
      'Proposal',
      'negotiation',
      'Closed Won',
      'Closed Lost',
      'Renewal Review',
    ])
  })

  it('rounds probabilities to hundredths of a percent', () => {
    const file = initFile({ stageTable: [], stages: [{ name: 'A', status: 'open', probability: 1 / 3 }] })
    expect(configStages([file])[0]?.probability).toBe(33.33)
  })
})

describe('yamlString', () => {
  it.each([
    ['Closed Won', 'Closed Won'],
    ['Negotiation/Review', 'Negotiation/Review'],
    ['../exports/deals.csv', '../exports/deals.csv'],
    ['yes', 'yes'],
    ['true', '"true"'],
    ['null', '"null"'],
    ['1.5', '"1.5"'],
    ['a: b', '"a: b"'],
    ['x #y', '"x #y"'],
    ['Stage, final', '"Stage, final"'],
    ['', '""'],
    [' padded ', '" padded "'],
    ['Nächster Schritt', 'Nächster Schritt'],
  ])('writes %j as %s', (text, expected) => {
    expect(yamlString(text)).toBe(expected)
    expect(parseYaml(`{ key: ${yamlString(text)} }`)).toEqual({ key: text })
  })
})

describe('initSummary', () => {
  it('names each file with its kind, profile, rows and formats, then the stages', () => {
    const lines = initSummary(
      input([initFile({ invalidRows: 2, guessed: [{ field: 'owner', header: 'Deal Owner' }] }), repsFile()]),
    )
    expect(lines).toEqual([
      'exports/deals.csv: deals (profile canonical, 100% of headers recognised), 12 rows, 2 invalid rows: see salesops inspect exports/deals.csv, USD, dates iso (YYYY-MM-DD), 1 column guessed',
      'exports/reps.csv: reps (profile canonical, 100% of headers recognised), 12 rows, dates iso (YYYY-MM-DD)',
      'stages: Prospecting (open), Proposal (open), Closed Won (won)',
    ])
  })
})

describe('shellWord', () => {
  it.each([
    ['salesops.config.yaml', 'salesops.config.yaml'],
    ['~/sales/config.yaml', '~/sales/config.yaml'],
    ['My Config.yaml', "'My Config.yaml'"],
    ["it's.yaml", "'it'\\''s.yaml'"],
  ])('writes %s as %s', (text, expected) => {
    expect(shellWord(text)).toBe(expected)
  })
})
