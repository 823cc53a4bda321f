import { type Actor, foldLedger, type LedgerEvent, OPEN_SECTION } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { formatDate, formatDateTime } from '../../i18n/formatDate.ts'
import {
  announcementOf,
  ledgerText as ledgerTextIn,
  shortHash,
  stateKeyOf,
  statusLines as statusLinesIn,
} from './signoffText.ts'

const nl = createI18n('nl').t
const en = createI18n('en').t
const statusLines = (state: Parameters<typeof statusLinesIn>[1]) => statusLinesIn(nl, state)
const ledgerText = (e: LedgerEvent) => ledgerTextIn(nl, e)

const rijk: Actor = {
  userId: 'u1',
  name: 'Rian Rijk',
  organisationId: 'lvvn',
  organisationName: 'Ministerie van LVVN',
  side: 'rijk',
}
const provincie: Actor = {
  userId: 'u2',
  name: 'Piet Provincie',
  organisationId: 'nb',
  organisationName: 'Provincie Noord-Brabant',
  side: 'provincie',
}
const HASH = `sha256:${'ab12cd34'.repeat(8)}`
const OTHER = `sha256:${'ffee0011'.repeat(8)}`
const at = new Date(2026, 10, 28, 9, 5).getTime()

let seq = 0
function event(kind: LedgerEvent['kind'], rest: Partial<LedgerEvent> = {}): LedgerEvent {
  seq++
  return { seq, sectionId: 's1', kind, at, actor: null, hash: null, reason: null, side: null, ...rest }
}

function stateOf(events: LedgerEvent[]) {
  return foldLedger(events).get('s1') ?? OPEN_SECTION
}

describe('signoffText', () => {
  it('writes dates as dd-mm-jjjj and dd-mm-jjjj HH:mm', () => {
    expect(formatDate(at)).toBe('28-11-2026')
    expect(formatDateTime(at)).toBe('28-11-2026 09:05')
    expect(shortHash(HASH)).toBe('ab12cd34')
  })

  it('says nothing about an open section', () => {
    expect(statusLines(OPEN_SECTION)).toEqual([])
    expect(stateKeyOf(OPEN_SECTION)).toBe('open')
  })

  it('names the one standing signature and who it waits for', () => {
    const state = stateOf([event('sign', { actor: rijk, hash: HASH, side: 'rijk' })])
    expect(stateKeyOf(state)).toBe('half')
    expect(statusLines(state)).toEqual([
      'Ondertekend door Rian Rijk (Ministerie van LVVN) — wacht op ondertekening door de provincie',
    ])
  })

  it('names both signers and the date of a lock', () => {
    const state = stateOf([
      event('sign', { actor: rijk, hash: HASH, side: 'rijk' }),
      event('sign', { actor: provincie, hash: HASH, side: 'provincie' }),
      event('lock', { hash: HASH }),
    ])
    expect(stateKeyOf(state)).toBe('locked')
    expect(stateKeyOf(state, false)).toBe('changed')
    expect(statusLines(state)).toEqual([
      'Ondertekend door Rian Rijk (Rijk) en Piet Provincie (Provincie Noord-Brabant) op 28-11-2026',
    ])
  })

  it('reports a lapsed signature and a reopen request', () => {
    const lapsed = stateOf([
      event('sign', { actor: provincie, hash: HASH, side: 'provincie' }),
      event('lapse', { hash: HASH, side: 'provincie', reason: 'gewijzigd na ondertekening' }),
    ])
    expect(stateKeyOf(lapsed)).toBe('changed')
    expect(statusLines(lapsed)).toEqual(['Ondertekening door Piet Provincie vervallen: gewijzigd na ondertekening'])

    const requested = stateOf([
      event('sign', { actor: rijk, hash: OTHER, side: 'rijk' }),
      event('sign', { actor: provincie, hash: OTHER, side: 'provincie' }),
      event('lock', { hash: OTHER }),
      event('reopen-request', { actor: rijk, hash: OTHER, side: 'rijk', reason: 'Cijfers bijwerken' }),
    ])
    expect(statusLines(requested).at(-1)).toBe('Verzoek tot heropenen door Rian Rijk: Cijfers bijwerken')
  })

  it('says once that a section was reopened, instead of a lapse warning per signature', () => {
    const reopened = stateOf([
      event('sign', { actor: rijk, hash: HASH, side: 'rijk' }),
      event('sign', { actor: provincie, hash: HASH, side: 'provincie' }),
      event('lock', { hash: HASH }),
      event('reopen-request', { actor: rijk, hash: HASH, side: 'rijk', reason: 'Cijfers bijwerken' }),
      event('lapse', { hash: HASH, side: 'rijk', reason: 'heropend' }),
      event('lapse', { hash: HASH, side: 'provincie', reason: 'heropend' }),
      event('reopen', { actor: provincie, hash: HASH, side: 'provincie', reason: 'Akkoord' }),
    ])
    expect(stateKeyOf(reopened)).toBe('open')
    expect(statusLines(reopened)).toEqual([
      'Heropend op 28-11-2026: de sectie moet opnieuw door het Rijk en de provincie worden ondertekend.',
    ])
    // A text changed after one side signed again still says whose signature lapsed, and why.
    const changed = stateOf([
      event('sign', { actor: rijk, hash: HASH, side: 'rijk' }),
      event('sign', { actor: provincie, hash: HASH, side: 'provincie' }),
      event('lock', { hash: HASH }),
      event('lapse', { hash: HASH, side: 'rijk', reason: 'heropend' }),
      event('lapse', { hash: HASH, side: 'provincie', reason: 'heropend' }),
      event('reopen', { actor: provincie, hash: HASH, side: 'provincie' }),
      event('sign', { actor: rijk, hash: OTHER, side: 'rijk' }),
      event('lapse', { hash: OTHER, side: 'rijk', reason: 'gewijzigd na ondertekening' }),
    ])
    expect(statusLines(changed)).toEqual([
      'Heropend op 28-11-2026: de sectie moet opnieuw door het Rijk en de provincie worden ondertekend.',
      'Ondertekening door Rian Rijk vervallen: gewijzigd na ondertekening',
    ])
  })

  it('announces a lock and a reopen, in the interface language', () => {
    const signed = stateOf([event('sign', { actor: rijk, hash: HASH, side: 'rijk' })])
    const locked = stateOf([
      event('sign', { actor: rijk, hash: HASH, side: 'rijk' }),
      event('sign', { actor: provincie, hash: HASH, side: 'provincie' }),
      event('lock', { hash: HASH }),
    ])
    expect(announcementOf(nl, 'Sectie 1', signed, locked)).toBe(
      'Sectie 1 is vergrendeld: beide partijen hebben ondertekend.',
    )
    expect(announcementOf(nl, 'Sectie 1', locked, OPEN_SECTION)).toBe(
      'Sectie 1 is heropend en kan weer worden bewerkt.',
    )
    expect(announcementOf(en, 'Section 1', signed, locked)).toBe('Section 1 is locked: both parties have signed.')
  })

  it('tells every ledger event in Dutch', () => {
    expect(ledgerText(event('sign', { actor: rijk, hash: HASH, side: 'rijk' }))).toBe(
      'Rian Rijk (Ministerie van LVVN) ondertekende voor het Rijk — controlegetal van de tekst ab12cd34',
    )
    expect(ledgerText(event('lock', { hash: HASH }))).toBe(
      'Vergrendeld: beide partijen ondertekenden dezelfde tekst — controlegetal van de tekst ab12cd34',
    )
    expect(ledgerText(event('lapse', { hash: HASH, side: 'provincie', reason: 'heropend' }))).toBe(
      'Ondertekening van de provincie vervallen: heropend — controlegetal van de tekst ab12cd34',
    )
  })
})
