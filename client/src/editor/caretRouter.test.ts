import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type CaretRouter, createCaretRouter, fragmentOfCaret } from './caretRouter.ts'

/** A remote client's caret at `index` in the first paragraph of `fragment` (as y-prosemirror encodes it). */
function caretIn(fragment: Y.XmlFragment, index: number): { anchor: unknown; head: unknown } {
  const paragraph = fragment.get(0) as Y.XmlElement
  const text = paragraph.get(0) as Y.XmlText
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index))
  return { anchor: position, head: position }
}

function sectionWithText(doc: Y.Doc, name: string, text: string): Y.XmlFragment {
  const fragment = doc.getXmlFragment(name)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  fragment.insert(0, [paragraph])
  return fragment
}

describe('createCaretRouter', () => {
  let doc: Y.Doc
  let local: Awareness
  let remote: Awareness
  let first: Y.XmlFragment
  let second: Y.XmlFragment
  let frames: (() => void)[]
  let afterFrames: (() => void)[]
  let router: CaretRouter
  let calls: { first: number; second: number }

  /** The remote client's awareness as it arrives over the wire. */
  const sendRemote = (cursor: unknown): void => {
    remote.setLocalStateField('cursor', cursor)
    local.getStates().set(remote.clientID, remote.getLocalState() ?? {})
    local.emit('change', [{ added: [], updated: [remote.clientID], removed: [] }, 'remote'])
  }
  const runFrame = (): void => {
    const pending = frames
    frames = []
    for (const frame of pending) frame()
  }

  beforeEach(() => {
    doc = new Y.Doc()
    first = sectionWithText(doc, 'first', 'Water en natuur')
    second = sectionWithText(doc, 'second', 'Landbouw')
    local = new Awareness(doc)
    remote = new Awareness(new Y.Doc())
    remote.setLocalState({ user: { name: 'Bram' } })
    frames = []
    afterFrames = []
    router = createCaretRouter(doc, local, {
      beforePaint: (callback) => {
        frames.push(callback)
        return () => {
          frames = frames.filter((f) => f !== callback)
        }
      },
      afterPaint: (callback) => {
        afterFrames.push(callback)
        return () => {
          afterFrames = afterFrames.filter((f) => f !== callback)
        }
      },
    })
    calls = { first: 0, second: 0 }
    router.forFragment(first).on('change', () => calls.first++)
    router.forFragment(second).on('change', () => calls.second++)
  })

  afterEach(() => {
    local.destroy()
    remote.destroy()
  })

  it('finds the section content that holds a caret', () => {
    expect(fragmentOfCaret(doc, caretIn(second, 3))).toBe(second)
    expect(fragmentOfCaret(doc, null)).toBeNull()
  })

  it('tells only the editor the caret is in, once per frame however often it moved', () => {
    sendRemote(caretIn(first, 1))
    sendRemote(caretIn(first, 2))
    sendRemote(caretIn(first, 3))
    expect(calls).toEqual({ first: 0, second: 0 })
    runFrame()
    expect(calls).toEqual({ first: 1, second: 0 })
  })

  it('tells both editors when a caret moves from one section to another, and the old one when it leaves', () => {
    sendRemote(caretIn(first, 1))
    runFrame()
    sendRemote(caretIn(second, 1))
    runFrame()
    expect(calls).toEqual({ first: 2, second: 1 })
    local.getStates().delete(remote.clientID)
    local.emit('change', [{ added: [], updated: [], removed: [remote.clientID] }, 'remote'])
    runFrame()
    expect(calls).toEqual({ first: 2, second: 2 })
  })

  it('clears a caret that was routed before its text arrived from the editor it was drawn in since', () => {
    const early = new Y.Doc()
    const late = early.getXmlFragment('late')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Later aangekomen')])
    late.insert(0, [paragraph])
    sendRemote(caretIn(late, 2))
    runFrame()
    expect(calls).toEqual({ first: 0, second: 0 })
    // The text arrives (the remote change redraws that editor itself, with the caret in it).
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(early))
    const arrived = doc.getXmlFragment('late')
    const view = router.forFragment(arrived)
    let arrivedCalls = 0
    view.on('change', () => arrivedCalls++)
    sendRemote(caretIn(first, 1))
    runFrame()
    expect(arrivedCalls).toBe(1)
    expect(calls).toEqual({ first: 1, second: 0 })
  })

  it('redraws nothing for changes of our own caret or of fields that move no caret', () => {
    local.setLocalStateField('cursor', caretIn(first, 2))
    expect(frames).toHaveLength(0)
    sendRemote(caretIn(first, 1))
    runFrame()
    remote.setLocalStateField('section', 'ergens')
    sendRemote(caretIn(first, 1))
    runFrame()
    expect(calls).toEqual({ first: 1, second: 0 })
  })

  it('publishes our caret after the frame, only its last position, and other fields at once', () => {
    local.setLocalState({ user: { name: 'Ik' } })
    const view = router.forFragment(first)
    view.setLocalStateField('cursor', caretIn(first, 3))
    view.setLocalStateField('cursor', caretIn(first, 4))
    view.setLocalStateField('user', { name: 'Ik zelf' })
    expect(local.getLocalState()).toEqual({ user: { name: 'Ik zelf' } })
    expect(afterFrames).toHaveLength(1)
    afterFrames[0]?.()
    expect(local.getLocalState()?.cursor).toEqual(caretIn(first, 4))
    view.setLocalStateField('cursor', null)
    afterFrames[1]?.()
    expect(local.getLocalState()?.cursor).toBeNull()
    expect(router.forFragment(second).getStates()).toBe(local.getStates())
  })

  it('does not publish our caret again where it did not move (the plugin re-sets it after remote changes)', () => {
    local.setLocalState({ user: { name: 'Ik' } })
    const sent: unknown[] = []
    local.on('update', () => sent.push(local.getLocalState()?.cursor))
    const view = router.forFragment(first)
    view.setLocalStateField('cursor', caretIn(first, 3))
    afterFrames[0]?.()
    expect(sent).toEqual([caretIn(first, 3)])
    view.setLocalStateField('cursor', caretIn(first, 3))
    afterFrames[1]?.()
    expect(sent).toHaveLength(1)
    view.setLocalStateField('cursor', caretIn(first, 5))
    afterFrames[2]?.()
    expect(sent).toEqual([caretIn(first, 3), caretIn(first, 5)])
  })
})
