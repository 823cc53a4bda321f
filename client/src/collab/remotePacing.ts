// While the user types, other people's changes and carets are drawn just after the frame that shows the
// user's own keystroke, not whenever they arrive.
//
// Why (issue 7): a remote change that arrives between two keystrokes makes the page draw a frame of its
// own. A keystroke that comes in the 16.7 ms after such a frame must wait for the next display frame, up
// to a whole frame more before the user sees their letter. With three other people typing, that was the
// slowest 5-20 % of keystrokes in the client benchmark. Held until just after the frame of a keystroke,
// the remote frame falls right after the user's own, and the gap before the next key stays free.
//
// What is held: other people's document updates (sync "update" messages) and awareness (carets,
// presence), in the order they arrived, and only while the user types (a local change less than
// TYPING_MS ago). They wait at most HOLD_MS, so at the usual 5–10 keys a second a remote change appears
// at most one keystroke later. Everything else goes through at once: the sync handshake (step 1 and 2),
// the acknowledgements, refusals, access and storage messages. Yjs updates commute, so applying a held
// update after those changes nothing but the moment it is drawn. Nothing held is lost: the server has
// stored every update before it sends it, and `flush` applies what waits when the connection ends.
import { MessageType, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { afterPaint } from './afterPaint.ts'

/** A local change this recent means the user is typing. */
export const TYPING_MS = 1_000
/** The longest a remote change waits to be drawn. */
export const HOLD_MS = 250

type MessageHandler = WebsocketProvider['messageHandlers'][number]

export interface PacingSchedulers {
  /** Runs the callback just after the next frame is painted; returns its cancel function. */
  readonly afterPaint: (callback: () => void) => () => void
  /** Runs the callback after `ms`; returns its cancel function. */
  readonly after: (ms: number, callback: () => void) => () => void
  readonly now: () => number
}

export interface RemotePacing {
  /** How many received messages wait to be applied. */
  held(): number
  /** Applies every held message now. */
  flush(): void
  /** Applies what is held and gives the provider its own handlers back. */
  destroy(): void
}

export function browserPacingSchedulers(win: Window): PacingSchedulers {
  return {
    afterPaint: (callback) => afterPaint(win, callback, HOLD_MS),
    after: (ms, callback) => {
      const timer = setTimeout(callback, ms)
      return () => clearTimeout(timer)
    },
    now: () => win.performance.now(),
  }
}

interface HeldMessage {
  readonly handler: MessageHandler
  readonly messageType: number
  /** The message after its type, copied: the decoder's buffer belongs to the socket event. */
  readonly body: Uint8Array
}

/** Only others' updates and awareness are held; the handshake and the application frames never are. */
function isHoldable(messageType: number, decoder: decoding.Decoder): boolean {
  if (messageType === MessageType.awareness) return true
  if (messageType !== MessageType.sync) return false
  return decoding.readVarUint(decoding.clone(decoder)) === SyncStep.update
}

/**
 * Installs the pacing on the provider's sync and awareness handlers. Install it after every other
 * handler wrapper (installAppMessageHandlers), so that what it holds is handled as before, only later.
 */
export function paceRemoteMessages(provider: WebsocketProvider, schedulers: PacingSchedulers): RemotePacing {
  const doc = provider.doc
  const originals = new Map<number, MessageHandler>()
  const queue: HeldMessage[] = []
  let lastLocalChange = Number.NEGATIVE_INFINITY
  let cancelAfterPaint: (() => void) | null = null
  let cancelLatest: (() => void) | null = null

  const flush = (): void => {
    cancelAfterPaint?.()
    cancelLatest?.()
    cancelAfterPaint = cancelLatest = null
    for (const held of queue.splice(0)) {
      // Neither an update nor an awareness message is answered, so the encoder is not sent.
      held.handler(encoding.createEncoder(), decoding.createDecoder(held.body), provider, false, held.messageType)
    }
  }

  const typing = (): boolean => schedulers.now() - lastLocalChange < TYPING_MS

  const handleUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (!transaction.local) return
    lastLocalChange = schedulers.now()
    // What waits now, or arrives before this change is on the screen, is drawn right after that frame.
    if (cancelAfterPaint === null) cancelAfterPaint = schedulers.afterPaint(flush)
  }
  doc.on('update', handleUpdate)

  for (const messageType of [MessageType.sync, MessageType.awareness]) {
    const original = provider.messageHandlers[messageType]
    if (!original) throw new Error(`y-websocket provider without a handler for message ${messageType}`)
    originals.set(messageType, original)
    const pacing: MessageHandler = (encoder, decoder, target, emitSynced, type) => {
      // An update or awareness message behind held ones waits too, so they are applied in the order they came.
      if (!isHoldable(type, decoder) || (queue.length === 0 && !typing())) {
        original(encoder, decoder, target, emitSynced, type)
        return
      }
      queue.push({ handler: original, messageType: type, body: decoding.readTailAsUint8Array(decoder).slice() })
      if (cancelLatest === null) cancelLatest = schedulers.after(HOLD_MS, flush)
    }
    provider.messageHandlers[messageType] = pacing
  }

  return {
    held: () => queue.length,
    flush,
    destroy() {
      flush()
      doc.off('update', handleUpdate)
      for (const [messageType, original] of originals) provider.messageHandlers[messageType] = original
    },
  }
}
