// The rooms in memory. A document is loaded once even when many clients join at the same moment
// (concurrent joins share one load promise) and unloaded when its last peer has left and its last
// write succeeded; a room whose write failed stays in memory and keeps retrying.
import { GroupCommit } from './groupCommit.ts'
import type { Peer } from './peer.ts'
import { Room, type RoomDeps } from './room.ts'
import { TurnEnd } from './turnEnd.ts'

/** What every room gets; the manager adds its own `onIdle` and the group commit all rooms share. */
export type RoomManagerDeps = Omit<RoomDeps, 'onIdle' | 'schedule' | 'commits'> & {
  /** Runs once when a document is loaded, before any peer joins (e.g. to bring the sign-off mirror up to date). */
  readonly onLoaded?: (room: Room) => void
}

export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly deps: RoomManagerDeps
  private readonly commits: GroupCommit
  /** Where the group commit and every room's presence broadcast run; peers' sockets are corked by it. */
  readonly turnEnd = new TurnEnd()

  constructor(deps: RoomManagerDeps) {
    this.deps = deps
    this.commits = new GroupCommit({
      store: deps.store,
      clientIds: deps.clientIds,
      metrics: deps.metrics,
      logger: deps.logger,
      schedule: this.turnEnd.schedule,
    })
  }

  get openRooms(): number {
    return this.rooms.size
  }

  get openPeers(): number {
    let n = 0
    for (const room of this.rooms.values()) n += room.peerCount
    return n
  }

  /** Loads the room if needed and adds the peer to it. */
  async join(documentId: string, peer: Peer): Promise<Room> {
    for (;;) {
      const room = this.rooms.get(documentId) ?? (await this.load(documentId))
      if (room.isDestroyed) continue
      if (peer.isClosed) return room
      room.addPeer(peer)
      return room
    }
  }

  /**
   * Runs `work` on the document's room, loading it if needed; the room is not unloaded while the work
   * runs. The work itself must be synchronous between reading and changing the document.
   */
  async withRoom<T>(documentId: string, work: (room: Room) => T): Promise<T> {
    for (;;) {
      const room = this.rooms.get(documentId) ?? (await this.load(documentId))
      if (room.isDestroyed) continue
      room.hold()
      try {
        return work(room)
      } finally {
        room.release()
      }
    }
  }

  /** Every live connection with its room, for re-checking rights. */
  *livePeers(): Generator<{ room: Room; peer: Peer }> {
    for (const room of this.rooms.values()) for (const peer of room.livePeers) yield { room, peer }
  }

  /** Writes every room's pending updates; returns the ids of rooms that could not be saved. */
  flushAll(): string[] {
    this.commits.commitNow(this.rooms.values())
    const unsaved: string[] = []
    for (const room of this.rooms.values()) if (!room.isSaved) unsaved.push(room.id)
    return unsaved
  }

  closeAll(code: number, reason: string): void {
    for (const room of this.rooms.values()) room.closeAll(code, reason)
  }

  private load(documentId: string): Promise<Room> {
    const existing = this.loading.get(documentId)
    if (existing) return existing
    const promise = Promise.resolve().then(() => {
      const state = this.deps.store.load(documentId)
      this.deps.metrics.documentLoads++
      const room = new Room(documentId, state, {
        ...this.deps,
        commits: this.commits,
        schedule: this.turnEnd.schedule,
        onIdle: (idle) => this.unload(idle),
      })
      this.rooms.set(documentId, room)
      this.deps.onLoaded?.(room)
      this.deps.logger.debug({ documentId, updates: state.updates.length }, 'document loaded')
      return room
    })
    this.loading.set(documentId, promise)
    const forget = (): void => {
      this.loading.delete(documentId)
    }
    promise.then(forget, forget)
    return promise
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.id) !== room) return
    this.rooms.delete(room.id)
    room.destroy()
    this.deps.logger.debug({ documentId: room.id }, 'document unloaded')
  }
}
