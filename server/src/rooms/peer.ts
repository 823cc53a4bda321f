// One socket in one document. Messages are handled strictly in order: until the room is ready they
// wait in a bounded queue (attached before any await, so nothing is missed), then they are handed to
// the room one by one, synchronously.
import {
  type Access,
  CloseCode,
  encodeAccess,
  encodeRefused,
  encodeRights,
  encodeStorage,
  type OrganisationKind,
  RefusalReason,
  type RefusalReasonCode,
} from '@novex/shared'
import type { Logger } from 'pino'
import type { Corkable, TurnEnd } from './turnEnd.ts'

/** The small socket surface a peer needs (ws.WebSocket satisfies it). */
export interface PeerSocket {
  readonly readyState: number
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
  /** Drops the connection without a closing handshake (ws.WebSocket has it). */
  terminate?(): void
}

const OPEN = 1
const NO_IDS: ReadonlySet<number> = new Set()
/** Frames held while the document loads. Hocuspocus caps its pre-auth queue for the same reason. */
const MAX_QUEUED_FRAMES = 1_000
/**
 * Updates held until the client answers our sync step 1 (see holdUntilAnswered): a page that comes
 * back with offline changes sends its first keystrokes before its answer carries those changes over.
 */
const MAX_HELD_UPDATES = 64
const MAX_HELD_BYTES = 256 * 1024
/** A socket whose send buffer grows past this is not reading: close it rather than grow without bound. */
export const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024
const STORAGE_FAULT_DETAIL =
  'Het document kan tijdelijk niet worden opgeslagen en is daarom alleen te lezen. Uw laatste wijzigingen zijn nog niet bewaard.'

export interface PeerInit {
  readonly id: number
  readonly socket: PeerSocket
  /** The document this connection is in. */
  readonly documentId: string
  readonly access: Access
  /** What the membership allows beyond `access` (policy/roleRights.ts), to notice when it changes. */
  readonly roleRights?: string
  /** The session this connection was opened with (its token hash), re-checked when rights change. */
  readonly sessionHash: string
  /** The client asked for application frames (persisted, refused, access). */
  readonly wantsAppFrames: boolean
  readonly user: PeerUser
  readonly logger: Logger
  /** Send-buffer size above which the peer counts as not reading (default 16 MiB). */
  readonly maxBufferedBytes?: number
  /** The raw socket under `socket`, corked by `turn` while the end of a turn sends (turnEnd.ts). */
  readonly stream?: Corkable
  readonly turn?: TurnEnd
}

export interface PeerUser {
  readonly id: string
  readonly name: string
  readonly organisationName: string
  readonly organisationKind: OrganisationKind
}

export class Peer {
  readonly id: number
  readonly documentId: string
  readonly sessionHash: string
  private currentAccess: Access
  private roleRights: string
  readonly wantsAppFrames: boolean
  readonly user: PeerUser
  // The id sets are made on first use: most connections only read, and an idle connection's memory
  // is what the bench compares (an empty Set with its table is ~200 bytes).
  private spokenFor: Set<number> | null = null
  private writtenWith: Set<number> | null = null
  private readonly socket: PeerSocket
  private readonly logger: Logger
  private queue: Uint8Array[] | null = []
  private handler: ((peer: Peer, frame: Uint8Array) => void) | null = null
  private closed = false
  /** The document cannot be written right now: the connection is read-only until it can. */
  private storageFault = false
  private answered = false
  private held: Uint8Array[] | null = null
  private heldBytes = 0
  private readonly maxBufferedBytes: number
  private readonly stream: Corkable | undefined
  private readonly turn: TurnEnd | undefined

  constructor(init: PeerInit) {
    this.stream = init.stream
    this.turn = init.turn
    this.maxBufferedBytes = init.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES
    this.id = init.id
    this.documentId = init.documentId
    this.socket = init.socket
    this.currentAccess = init.access
    this.roleRights = init.roleRights ?? ''
    this.sessionHash = init.sessionHash
    this.wantsAppFrames = init.wantsAppFrames
    this.user = init.user
    this.logger = init.logger
  }

  /** Awareness client ids this connection has spoken for; removed when it leaves. */
  get awarenessIds(): ReadonlySet<number> {
    return this.spokenFor ?? NO_IDS
  }

  /** Yjs client ids this connection has written with. */
  get writerIds(): ReadonlySet<number> {
    return this.writtenWith ?? NO_IDS
  }

  addAwarenessId(clientId: number): void {
    this.spokenFor ??= new Set()
    this.spokenFor.add(clientId)
  }

  deleteAwarenessId(clientId: number): void {
    this.spokenFor?.delete(clientId)
  }

  addWriterId(clientId: number): void {
    this.writtenWith ??= new Set()
    this.writtenWith.add(clientId)
  }

  deleteWriterId(clientId: number): void {
    this.writtenWith?.delete(clientId)
  }

  get isClosed(): boolean {
    return this.closed || this.socket.readyState !== OPEN
  }

  get access(): Access {
    return this.currentAccess
  }

  get canEdit(): boolean {
    return this.currentAccess === 'edit' && !this.storageFault
  }

  /** Changes what this connection may do (a membership changed) and tells the client. */
  setAccess(access: Access): void {
    if (access === this.currentAccess) return
    this.currentAccess = access
    if (!this.storageFault) this.sendApp(encodeAccess(access))
  }

  /** The membership's rights beyond access changed (signatory, trekker): the client asks for them again. */
  setRoleRights(key: string): void {
    if (key === this.roleRights) return
    this.roleRights = key
    this.sendApp(encodeRights())
  }

  /**
   * The document's storage is failing (on) or works again (off). While on, the client is told it may
   * only read, and updates it still sends are refused with reason `storage` rather than accepted into
   * memory without an acknowledgement in sight.
   */
  setStorageFault(on: boolean): void {
    if (on === this.storageFault) return
    this.storageFault = on
    this.sendApp(encodeStorage(on))
    if (this.currentAccess === 'edit') this.sendApp(encodeAccess(on ? 'read' : 'edit'))
  }

  /** The client has not yet answered our sync step 1 with its step 2. */
  get awaitingAnswer(): boolean {
    return !this.answered
  }

  /** Updates are held for the client's answer: a barrier must wait for them (they are not stored yet). */
  get holdsUpdates(): boolean {
    return this.held !== null && this.held.length > 0
  }

  /**
   * Keeps an update the room cannot place yet because it builds on changes the client's answer will
   * bring. False when the client already answered, or too much is held: the update is refused then.
   */
  holdUntilAnswered(update: Uint8Array): boolean {
    if (this.answered) return false
    this.held ??= []
    if (this.held.length >= MAX_HELD_UPDATES || this.heldBytes + update.length > MAX_HELD_BYTES) return false
    this.held.push(update)
    this.heldBytes += update.length
    return true
  }

  /** The client answered: the updates held until now, in the order they came; nothing is held after. */
  answer(): readonly Uint8Array[] {
    this.answered = true
    const held = this.held ?? []
    this.held = null
    this.heldBytes = 0
    return held
  }

  /** Called by the transport for each incoming frame, from the moment the socket exists. */
  receive(frame: Uint8Array): void {
    if (this.closed) return
    if (this.queue !== null) {
      if (this.queue.length >= MAX_QUEUED_FRAMES) {
        this.close(CloseCode.tooLarge, 'too many frames before the document was ready')
        return
      }
      this.queue.push(frame)
      return
    }
    this.handler?.(this, frame)
  }

  /** Starts delivery to the room: drains the queue in order, then delivers live. */
  attach(handler: (peer: Peer, frame: Uint8Array) => void): void {
    this.handler = handler
    const queued = this.queue ?? []
    this.queue = null
    for (const frame of queued) {
      if (this.closed) return
      handler(this, frame)
    }
  }

  send(frame: Uint8Array): void {
    if (this.isClosed) return
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.logger.warn({ peer: this.id }, 'closing a peer that does not read')
      this.close(CloseCode.tooLarge, 'send buffer full')
      // The close frame waits behind the unread data, so the handshake would hold the socket (and its
      // buffer) for ws's 30 s close timeout: drop it now.
      this.socket.terminate?.()
      return
    }
    if (this.stream) this.turn?.hold(this.stream)
    this.socket.send(frame)
  }

  sendApp(frame: Uint8Array): void {
    if (this.wantsAppFrames) this.send(frame)
  }

  /** Why the client is told an update was refused: read-only while the storage fails is `storage`. */
  refusalReason(reason: RefusalReasonCode): RefusalReasonCode {
    return this.storageFault && reason === RefusalReason.readOnly ? RefusalReason.storage : reason
  }

  refuse(reason: RefusalReasonCode, detail: string): void {
    const told = this.refusalReason(reason)
    this.sendApp(encodeRefused(told, told === reason ? detail : STORAGE_FAULT_DETAIL))
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.queue = null
    this.socket.close(code, reason)
  }

  /** Marks the peer closed after the socket closed by itself. */
  markClosed(): void {
    this.closed = true
    this.queue = null
  }
}
