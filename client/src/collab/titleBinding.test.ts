import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextChange, oneLine } from './titleBinding.ts'

function textWith(value: string): Y.Text {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  text.insert(0, value)
  return text
}

describe('applyTextChange', () => {
  it('turns the old value into the new one', () => {
    for (const [from, to] of [
      ['Hoofdopgave', 'De hoofdopgave'],
      ['De hoofdopgave', 'De opgave'],
      ['abc', 'abXc'],
      ['abc', ''],
      ['', 'nieuw'],
      ['aaaa', 'aa'],
    ] as const) {
      const text = textWith(from)
      applyTextChange(text, to, null)
      expect(text.toString()).toBe(to)
    }
  })

  it('touches only the changed middle, so a concurrent edit elsewhere survives', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Samenhang met plannen')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    applyTextChange(a.getText('t'), 'Samenhang met lopende plannen', null)
    applyTextChange(b.getText('t'), 'Samenhang met plannen en trajecten', null)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(a.getText('t').toString()).toBe('Samenhang met lopende plannen en trajecten')
    expect(b.getText('t').toString()).toBe(a.getText('t').toString())
  })

  it('never splits a surrogate pair', () => {
    // Both emoji share the high surrogate; the diff must replace the whole character.
    const text = textWith('Kaart 🗺 klaar')
    applyTextChange(text, 'Kaart 🗻 klaar', null)
    expect(text.toString()).toBe('Kaart 🗻 klaar')
  })

  it('makes one transaction with the given origin', () => {
    const text = textWith('titel')
    const origins: unknown[] = []
    text.doc?.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const origin = { binding: 'test' }
    applyTextChange(text, 'Titel!', origin)
    expect(origins).toEqual([origin])
  })
})

describe('oneLine', () => {
  it('turns every kind of line break into one space, so a pasted title stays one line', () => {
    expect(oneLine('Samenhang met\nlopende\r\nplannen\ren\u2028trajecten')).toBe(
      'Samenhang met lopende plannen en trajecten',
    )
    expect(oneLine('Hoofdopgave')).toBe('Hoofdopgave')
  })
})
