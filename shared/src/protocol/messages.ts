// Wire message codes on /sync/<documentId>. y-websocket framing: every frame starts with a varuint
// message type. 0-3 are the y-protocols types that an unmodified WebsocketProvider speaks; the
// application types (>= 100) are sent only to a client that asked for them with the query parameter
// `?app=1` on the sync URL (APP_PARAM), so a stock provider never receives a frame it cannot read.
// Byte layout: PROTOCOL.md next to this file.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * server → client: everything this connection sent before barrier `seq` is committed to storage (or
   * was refused, with a `refused` frame first). Payload: varuint seq, varuint n, n × (clientId, clock)
   * — the committed clocks of the client ids this connection wrote with.
   */
  persisted: 101,
  /** server → client: an update of yours was refused and not applied. Payload: varString reason code, varString detail. */
  refused: 102,
  /** server → client: what this connection may do. Payload: varString access ('edit' | 'comment' | 'read'). */
  access: 103,
  /**
   * client → server: "tell me when all I sent so far is committed". Payload: varuint seq. A barrier,
   * not a clock: a delete-only update advances no clock, so clocks alone cannot say "saved".
   */
  barrier: 104,
  /**
   * server → client: the document cannot be written right now (1), or can again (0). Sent beside
   * `access: read` / `access: edit`, so the page can say why it is read-only. Payload: varuint 0 | 1.
   */
  storage: 105,
  /**
   * server → client: what the user's membership lets them do beyond `access` (sign for a side, manage
   * the ijkmomenten as a trekker) changed; the page asks for it again. No payload.
   */
  rights: 106,
} as const

export type MessageTypeCode = (typeof MessageType)[keyof typeof MessageType]

export const SyncStep = { step1: 0, step2: 1, update: 2 } as const

/** Query parameter on the sync URL by which a client asks for the application messages. */
export const APP_PARAM = 'app'
export const APP_PROTOCOL_VERSION = 1

export type Access = 'edit' | 'comment' | 'read'

export function isAccess(value: unknown): value is Access {
  return value === 'edit' || value === 'comment' || value === 'read'
}

export interface PersistedClock {
  readonly client: number
  readonly clock: number
}

export function encodeBarrier(seq: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.barrier)
  encoding.writeVarUint(e, seq)
  return encoding.toUint8Array(e)
}

export function encodePersisted(seq: number, clocks: readonly PersistedClock[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.persisted)
  encoding.writeVarUint(e, seq)
  encoding.writeVarUint(e, clocks.length)
  for (const { client, clock } of clocks) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
  }
  return encoding.toUint8Array(e)
}

/** Reads the payload of a `persisted` frame; the decoder is positioned after the type. */
export function readPersisted(d: decoding.Decoder): { seq: number; clocks: PersistedClock[] } {
  const seq = decoding.readVarUint(d)
  const n = decoding.readVarUint(d)
  const clocks: PersistedClock[] = []
  for (let i = 0; i < n; i++) clocks.push({ client: decoding.readVarUint(d), clock: decoding.readVarUint(d) })
  return { seq, clocks }
}

export const RefusalReason = {
  readOnly: 'read-only',
  malformed: 'malformed',
  foreignClient: 'foreign-client',
  serverOwned: 'server-owned',
  locked: 'locked',
  unresolved: 'unresolved',
  schema: 'schema',
  storage: 'storage',
  /** Section content the editor's schema does not allow (unknown node, mark or attribute, script link). */
  content: 'content',
  /** The document lies ter instemming or is adopted (status/documentStatus.ts): no section may change. */
  frozen: 'frozen',
} as const

export type RefusalReasonCode = (typeof RefusalReason)[keyof typeof RefusalReason]

export function encodeRefused(reason: RefusalReasonCode, detail: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.refused)
  encoding.writeVarString(e, reason)
  encoding.writeVarString(e, detail)
  return encoding.toUint8Array(e)
}

export function readRefused(d: decoding.Decoder): { reason: string; detail: string } {
  return { reason: decoding.readVarString(d), detail: decoding.readVarString(d) }
}

export function encodeAccess(access: Access): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.access)
  encoding.writeVarString(e, access)
  return encoding.toUint8Array(e)
}

export function readAccess(d: decoding.Decoder): Access | null {
  const value = decoding.readVarString(d)
  return isAccess(value) ? value : null
}

export function encodeRights(): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.rights)
  return encoding.toUint8Array(e)
}

export function encodeStorage(failing: boolean): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.storage)
  encoding.writeVarUint(e, failing ? 1 : 0)
  return encoding.toUint8Array(e)
}

/** True: the document cannot be written right now. */
export function readStorage(d: decoding.Decoder): boolean {
  return decoding.readVarUint(d) === 1
}
