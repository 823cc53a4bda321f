import { MessageType } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { HOLD_MS, type PacingSchedulers, paceRemoteMessages, type RemotePacing, TYPING_MS } from './remotePacing.ts'

/** A frame from the server, handled as y-websocket's socket handler does; returns the reply (empty if none). */
function receive(provider: WebsocketProvider, frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  const encoder = encoding.createEncoder()
  const messageType = decoding.readVarUint(decoder)
  provider.messageHandlers[messageType]?.(encoder, decoder, provider, true, messageType)
  return encoding.length(encoder) > 1 ? encoding.toUint8Array(encoder) : new Uint8Array()
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Someone else's edit, as the server broadcasts it. */
function remoteEdit(remote: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array = new Uint8Array()
  const capture = (u: Uint8Array): void => {
    update = u
  }
  remote.on('update', capture)
  remote.getText('t').insert(remote.getText('t').length, text)
  remote.off('update', capture)
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    syncProtocol.writeUpdate(e, update)
  })
}

function remoteCaret(remote: awarenessProtocol.Awareness, at: number): Uint8Array {
  remote.setLocalStateField('cursor', at)
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]))
  })
}

describe('paceRemoteMessages', () => {
  let doc: Y.Doc
  let provider: WebsocketProvider
  let remoteDoc: Y.Doc
  let remoteAwareness: awarenessProtocol.Awareness
  let clock: number
  let paints: (() => void)[]
  let timers: { at: number; callback: () => void }[]
  let pacing: RemotePacing
  let unpacedSync: WebsocketProvider['messageHandlers'][number] | undefined

  const schedulers: PacingSchedulers = {
    afterPaint: (callback) => {
      paints.push(callback)
      return () => {
        paints = paints.filter((c) => c !== callback)
      }
    },
    after: (ms, callback) => {
      const timer = { at: clock + ms, callback }
      timers.push(timer)
      return () => {
        timers = timers.filter((t) => t !== timer)
      }
    },
    now: () => clock,
  }
  /** The frame that shows the local change is painted. */
  const paint = (): void => {
    const due = paints
    paints = []
    for (const callback of due) callback()
  }
  const advance = (ms: number): void => {
    clock += ms
    const due = timers.filter((t) => t.at <= clock)
    timers = timers.filter((t) => t.at > clock)
    for (const timer of due) timer.callback()
  }
  const typeLocally = (text: string): void => doc.getText('t').insert(0, text)
  const text = (): string => doc.getText('t').toString()
  const caretOfRemote = (): unknown => provider.awareness.getStates().get(remoteAwareness.clientID)?.cursor

  beforeEach(() => {
    doc = new Y.Doc()
    // Never connected: the test hands it the server's frames itself.
    provider = new WebsocketProvider('ws://localhost:1', 'doc', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    })
    remoteDoc = new Y.Doc()
    remoteAwareness = new awarenessProtocol.Awareness(remoteDoc)
    clock = 10_000
    paints = []
    timers = []
    unpacedSync = provider.messageHandlers[MessageType.sync]
    pacing = paceRemoteMessages(provider, schedulers)
  })

  afterEach(() => {
    pacing.destroy()
    provider.destroy()
    remoteAwareness.destroy()
  })

  it('applies others’ changes at once while the user is not typing', () => {
    receive(provider, remoteEdit(remoteDoc, 'water'))
    receive(provider, remoteCaret(remoteAwareness, 3))
    expect(text()).toBe('water')
    expect(caretOfRemote()).toBe(3)
    expect(pacing.held()).toBe(0)
  })

  it('holds others’ changes and carets while the user types, and applies them in order after the frame of the next keystroke', () => {
    typeLocally('a')
    paint()
    advance(40)
    receive(provider, remoteEdit(remoteDoc, 'water'))
    receive(provider, remoteCaret(remoteAwareness, 5))
    receive(provider, remoteEdit(remoteDoc, ' en natuur'))
    expect(text()).toBe('a')
    expect(caretOfRemote()).toBeUndefined()
    expect(pacing.held()).toBe(3)

    advance(60)
    typeLocally('b')
    // The keystroke's own frame comes first; the held changes right after it.
    expect(text()).toBe('ba')
    paint()
    expect(pacing.held()).toBe(0)
    expect(text()).toContain('water en natuur')
    expect(caretOfRemote()).toBe(5)
    // Converged with the other side.
    Y.applyUpdate(remoteDoc, Y.encodeStateAsUpdate(doc))
    expect(remoteDoc.getText('t').toString()).toBe(text())
  })

  it('holds a change no longer than HOLD_MS when no keystroke follows', () => {
    typeLocally('a')
    paint()
    receive(provider, remoteEdit(remoteDoc, 'water'))
    advance(HOLD_MS - 1)
    expect(text()).toBe('a')
    advance(1)
    expect(text()).toContain('water')
    expect(pacing.held()).toBe(0)
  })

  it('stops holding once the user has not typed for TYPING_MS', () => {
    typeLocally('a')
    paint()
    advance(TYPING_MS)
    receive(provider, remoteEdit(remoteDoc, 'water'))
    expect(text()).toContain('water')
  })

  it('never holds the handshake or the application frames, even while the user types', () => {
    typeLocally('a')
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MessageType.sync)
      syncProtocol.writeSyncStep1(e, remoteDoc)
    })
    const reply = receive(provider, step1)
    // Answered at once with what the server lacks (our 'a').
    const decoder = decoding.createDecoder(reply)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync)
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2)

    remoteDoc.getText('t').insert(0, 'water')
    const step2 = frame((e) => {
      encoding.writeVarUint(e, MessageType.sync)
      syncProtocol.writeSyncStep2(e, remoteDoc, Y.encodeStateVector(doc))
    })
    receive(provider, step2)
    expect(text()).toContain('water')
    expect(provider.synced).toBe(true)

    let persisted = 0
    provider.messageHandlers[MessageType.persisted] = () => {
      persisted += 1
    }
    receive(
      provider,
      frame((e) => encoding.writeVarUint(e, MessageType.persisted)),
    )
    expect(persisted).toBe(1)
    expect(pacing.held()).toBe(0)
  })

  it('applies what is held when it ends, and gives the provider its handlers back', () => {
    typeLocally('a')
    receive(provider, remoteEdit(remoteDoc, 'water'))
    expect(pacing.held()).toBe(1)
    pacing.destroy()
    expect(text()).toContain('water')
    expect(provider.messageHandlers[MessageType.sync]).toBe(unpacedSync)
    typeLocally('b')
    receive(provider, remoteEdit(remoteDoc, ' en natuur'))
    expect(text()).toContain('water en natuur')
  })
})
