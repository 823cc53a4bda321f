import { describe, expect, it } from 'vitest'
import { documentSenders } from './senders.ts'

describe('documentSenders', () => {
  it('names the lead ministry and every province of an ontwikkelperspectief’s area, in the area’s order', () => {
    expect(documentSenders({ areaId: 'de-peel', provinceId: null })).toEqual({
      rijkLead: 'Ministerie van LVVN',
      provinces: ['Noord-Brabant', 'Limburg'],
    })
    expect(documentSenders({ areaId: 'regio-zwolle' })).toEqual({
      rijkLead: 'Ministerie van VRO',
      provinces: ['Overijssel', 'Gelderland', 'Flevoland', 'Drenthe'],
    })
  })

  it('names the province of a ruimtelijk voorstel, with no lead ministry', () => {
    expect(documentSenders({ areaId: null, provinceId: 'noord-brabant' })).toEqual({
      rijkLead: null,
      provinces: ['Noord-Brabant'],
    })
  })

  it('keeps an unknown province by its id and falls back to the province when the area is unknown', () => {
    expect(documentSenders({ areaId: 'onbekend-gebied', provinceId: 'zeeland' })).toEqual({
      rijkLead: null,
      provinces: ['zeeland'],
    })
    expect(documentSenders({})).toEqual({ rijkLead: null, provinces: [] })
  })
})
