import { describe, expect, it } from 'vitest'
import { detectHeaders, matchHeaders, normalizeHeader } from './headers.js'
import { canonical } from './profiles/canonical.js'
import { pipedrive } from './profiles/pipedrive.js'

const split = (line: string) => line.split(',')

describe('normalizeHeader', () => {
  it.each([
    ['\uFEFFRecord ID', 'record id'],
    ['  Close Date ', 'close date'],
    ['close_date', 'close date'],
    ['Probability (%)', 'probability'],
    ['"Deal - Title*"', 'deal title'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected)
  })
})

describe('detectHeaders', () => {
  it.each([
    [
      'Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Probability (%),Close Date,Created Date,Type,Lead Source',
      'salesforce-report',
      'deal',
    ],
    [
      'Id,Name,AccountId,OwnerId,StageName,Amount,Probability,CloseDate,CreatedDate,IsClosed,IsWon,ForecastCategoryName',
      'salesforce-api',
      'deal',
    ],
    [
      'OPPORTUNITYID,STAGENAME,AMOUNT,CLOSEDATE,PROBABILITY,FORECASTCATEGORY,CREATEDDATE',
      'salesforce-api',
      'stage_change',
    ],
    ['Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline', 'hubspot', 'deal'],
    [
      'Deal - ID,Deal - Title,Deal - Organization,Deal - Owner,Deal - Stage,Deal - Status,Deal - Value,Deal - Expected close date',
      'pipedrive',
      'deal',
    ],
    [
      '(Do Not Modify) Opportunity,Topic,Potential Customer,Owner,Sales Stage,Status,Est. revenue,Est. close date',
      'dynamics',
      'deal',
    ],
    ['Record Id,Deal Name,Account Name,Deal Owner,Stage,Amount,Closing Date,Created Time', 'zoho', 'deal'],
    [
      'ID,Opportunity,Customer,Salesperson,Stage,Expected Revenue,Expected Closing,Created on',
      'odoo',
      'deal',
    ],
    [
      'id,name,account_id,account,owner,stage,amount,currency,probability,created,close_date',
      'canonical',
      'deal',
    ],
    [
      'id,name,industry,segment,country,postal_code,lat,lon,potential,workload,owner,territory',
      'canonical',
      'account',
    ],
    ['id,name,email,team,manager,role,hire_date,capacity', 'canonical', 'rep'],
    ['deal_id,date,from_stage,to_stage,amount,close_date', 'canonical', 'stage_change'],
    ['id,account_id,product,start,end,value,auto_renew,churn_date,renewal_of', 'canonical', 'contract'],
    ['owner,period,amount', 'canonical', 'quota'],
  ])('recognises %s as %s %s', (header, profile, entity) => {
    const best = detectHeaders(split(header))[0]
    expect(best?.profile.name).toBe(profile)
    expect(best?.entity).toBe(entity)
    expect(best?.missing).toEqual([])
  })

  it('reads HubSpot "Date entered" columns as stage history', () => {
    const header = [
      'Record ID',
      'Deal Stage',
      'Date entered "Closed Won (Sales Pipeline)"',
      "Date entered 'Contract Sent (Sales Pipeline)'",
    ]
    const best = detectHeaders(header, { entity: 'deal' })[0]
    expect(best?.profile.name).toBe('hubspot')
    expect(best?.dateEntered.map((d) => d.stage)).toEqual(['Closed Won', 'Contract Sent'])
  })

  it('names what is missing when no column holds the stage', () => {
    const match = matchHeaders(['Deal Title', 'Total Value'], canonical, 'deal')
    expect(match.missing).toEqual([['stage', 'status', 'is_won']])
  })

  it('lets --map bind any header to a field', () => {
    const match = matchHeaders(['Deal Title', 'Total Value', 'Phase'], canonical, 'deal', {
      stage: 'Phase',
      amount: 'Total Value',
    })
    expect(match.missing).toEqual([])
    expect(match.bindings.find((b) => b.field === 'amount')?.headers).toEqual(['Total Value'])
  })

  it('binds several Pipedrive close-date columns to close_date, first non-empty wins', () => {
    const header = [
      'Deal - Title',
      'Deal - Stage',
      'Deal - Won time',
      'Deal - Lost time',
      'Deal - Expected close date',
    ]
    const match = matchHeaders(header, pipedrive, 'deal')
    expect(match.bindings.find((b) => b.field === 'close_date')?.columns).toEqual([2, 3, 4])
  })
})
