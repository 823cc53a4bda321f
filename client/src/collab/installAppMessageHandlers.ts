// Teaches a y-websocket provider the application frames of our sync protocol (MessageType >= 100 in
// @novex/shared) and lets the client peek at the server's sync step 1 (its state vector). These
// handlers are the only place in the client that reads those frames.
import {
  type Access,
  isAccess,
  MessageType,
  type PersistedClock,
  readPersisted,
  readRefused,
  readStorage,
  SyncStep,
} from '@novex/shared'
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface Refusal {
  readonly reason: string
  readonly detail: string
}

export interface AppMessageHandlers {
  readonly onPersisted: (seq: number, clocks: readonly PersistedClock[]) => void
  readonly onRefused: (refusal: Refusal) => void
  readonly onAccess: (access: Access) => void
  /** The document cannot be written right now (true), or can again (false). */
  readonly onStorage: (failing: boolean) => void
  /** The user's rights beyond access (signatory, trekker) changed: what was asked about them is stale. */
  readonly onRights: () => void
  readonly onServerStateVector: (stateVector: Map<number, number>) => void
}

type MessageHandler = WebsocketProvider['messageHandlers'][number]

export function installAppMessageHandlers(provider: WebsocketProvider, handlers: AppMessageHandlers): void {
  const syncHandler = provider.messageHandlers[MessageType.sync]
  if (!syncHandler) throw new Error('y-websocket provider without a sync handler')
  const peekingSyncHandler: MessageHandler = (encoder, decoder, target, emitSynced, messageType) => {
    const peek = decoding.clone(decoder)
    if (decoding.readVarUint(peek) === SyncStep.step1) {
      handlers.onServerStateVector(Y.decodeStateVector(decoding.readVarUint8Array(peek)))
    }
    syncHandler(encoder, decoder, target, emitSynced, messageType)
  }
  provider.messageHandlers[MessageType.sync] = peekingSyncHandler
  provider.messageHandlers[MessageType.persisted] = (_encoder, decoder) => {
    const { seq, clocks } = readPersisted(decoder)
    handlers.onPersisted(seq, clocks)
  }
  provider.messageHandlers[MessageType.refused] = (_encoder, decoder) => {
    handlers.onRefused(readRefused(decoder))
  }
  provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
    const access = decoding.readVarString(decoder)
    if (isAccess(access)) handlers.onAccess(access)
  }
  provider.messageHandlers[MessageType.storage] = (_encoder, decoder) => {
    handlers.onStorage(readStorage(decoder))
  }
  provider.messageHandlers[MessageType.rights] = () => {
    handlers.onRights()
  }
}
