import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { inspectFrame } from './inspectFrame.ts'
import { inspectUpdate, MAX_CLOCK } from './inspectUpdate.ts'

const bytes = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

function realUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('sections').set('a', 'rank')
  const fragment = doc.getXmlFragment('x')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText('héllo 👋')])
  fragment.insert(0, [p])
  doc.getText('t').insert(0, 'tekst', { bold: true })
  doc.getArray('l').insert(0, [1, 2.5, 'x', { a: [true, null] }, new Uint8Array([1])])
  doc.getText('t').delete(1, 2)
  return Y.encodeStateAsUpdate(doc)
}

describe('inspectUpdate', () => {
  it('accepts real updates, merged updates and the empty update', () => {
    expect(inspectUpdate(realUpdate())).toEqual({ ok: true })
    expect(inspectUpdate(Y.mergeUpdates([realUpdate(), realUpdate()]))).toEqual({ ok: true })
    expect(inspectUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ ok: true })
  })

  it('refuses zero bytes, truncations, trailing bytes and V2 updates', () => {
    const update = realUpdate()
    expect(inspectUpdate(new Uint8Array()).ok).toBe(false)
    for (let cut = 1; cut < update.length; cut++) expect(inspectUpdate(update.subarray(0, cut)).ok).toBe(false)
    expect(inspectUpdate(new Uint8Array([...update, 0])).ok).toBe(false)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'V2')
    expect(inspectUpdate(Y.encodeStateAsUpdateV2(doc)).ok).toBe(false)
  })

  it('refuses struct counts the bytes cannot hold (yjs#687) and absurd clocks', () => {
    const bomb = bytes((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 10_000_000)
      encoding.writeVarUint(e, 5)
      encoding.writeVarUint(e, 0)
    })
    expect(inspectUpdate(bomb).ok).toBe(false)
    const farGc = bytes((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 5)
      encoding.writeVarUint(e, 0)
      encoding.writeUint8(e, 0)
      encoding.writeVarUint(e, 2 ** 52)
      encoding.writeVarUint(e, 0)
    })
    expect(inspectUpdate(farGc).ok).toBe(false)
    const farDelete = bytes((e) => {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 5)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, MAX_CLOCK)
      encoding.writeVarUint(e, 1)
    })
    expect(inspectUpdate(farDelete).ok).toBe(false)
  })
})

describe('inspectFrame', () => {
  it('classifies valid frames and refuses unknown types', () => {
    const update = bytes((e) => {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 2)
      encoding.writeVarUint8Array(e, realUpdate())
    })
    expect(inspectFrame(update)).toEqual({ ok: true, kind: 'update' })
    expect(inspectFrame(new Uint8Array([3]))).toEqual({ ok: true, kind: 'control' })
    expect(inspectFrame(new Uint8Array([104, 7]))).toEqual({ ok: true, kind: 'control' })
    expect(inspectFrame(new Uint8Array([2, 0])).ok).toBe(false)
    expect(inspectFrame(new Uint8Array([0, 9, 0])).ok).toBe(false)
    expect(inspectFrame(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])).ok).toBe(false)
    expect(inspectFrame(new Uint8Array([1, 5, 1, 2])).ok).toBe(false)
  })
})
