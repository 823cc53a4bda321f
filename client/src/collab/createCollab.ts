// One open document: the Y.Doc, its IndexedDB copy (offline edits survive a reload), the sync
// provider and the connection/save state the UI shows. Created and destroyed by useCollab inside a
// React effect, never during render.
import { type Access, APP_PARAM, encodeBarrier, shouldReconnect } from '@novex/shared'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createStore, type Store } from './createStore.ts'
import { installAppMessageHandlers, type Refusal } from './installAppMessageHandlers.ts'
import { type LocalUser, presenceUser } from './localUser.ts'
import { rotateClientId } from './rotateClientId.ts'
import { createSaveTracker } from './saveTracker.ts'

export interface NumberedRefusal extends Refusal {
  readonly id: number
}

export interface CollabState {
  readonly connection: 'connecting' | 'connected' | 'disconnected'
  /** The provider exchanged state with the server on the current connection. */
  readonly synced: boolean
  /** A connection attempt failed or dropped since the last sync. */
  readonly failedSinceSync: boolean
  readonly browserOnline: boolean
  /** Every local change is acknowledged as persisted (meaningful only while synced). */
  readonly saved: boolean
  /** The IndexedDB copy has been loaded. */
  readonly localLoaded: boolean
  readonly access: Access | null
  readonly refusals: readonly NumberedRefusal[]
  /** The server closed the connection for good (shouldReconnect said no). */
  readonly closed: { readonly code: number; readonly reason: string } | null
}

/** The local awareness state: `user` (name, colour) and the section the user works in. */
export interface PresenceState {
  readonly user: Readonly<Record<string, string>>
  readonly section: string | null
}

export interface Collab {
  readonly documentId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
  readonly state: Store<CollabState>
  dismissRefusal(id: number): void
  destroy(): void
}

export interface CollabOptions {
  readonly documentId: string
  readonly user: LocalUser
  /** Defaults to the page's window (location, online/offline events). */
  readonly window?: Window
}

/** How long the sync waits for the local copy before it connects without it. */
const LOCAL_LOAD_TIMEOUT_MS = 3_000

export function syncUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/sync`
}

export function createCollab({ documentId, user, window: win = window }: CollabOptions): Collab {
  const doc = new Y.Doc()
  const state = createStore<CollabState>({
    connection: 'connecting',
    synced: false,
    failedSinceSync: false,
    browserOnline: win.navigator.onLine,
    saved: false,
    localLoaded: false,
    access: null,
    refusals: [],
    closed: null,
  })
  const patch = (change: Partial<CollabState>): void => state.update((current) => ({ ...current, ...change }))

  // One local copy per user and document: another user on this browser never sends this one's edits.
  const local = new IndexeddbPersistence(`novex:${user.id}:${documentId}`, doc)

  const provider = new WebsocketProvider(syncUrl(win.location), documentId, doc, {
    connect: false,
    params: { [APP_PARAM]: '1' },
    disableBc: true,
    shouldReconnect: (event) => shouldReconnect(event.code),
  })
  const presence: PresenceState = { user: presenceUser(user), section: null }
  provider.awareness.setLocalState(presence)

  const tracker = createSaveTracker({
    doc,
    isServerOrigin: (origin) => origin === provider,
    sendBarrier: (seq) => {
      const ws = provider.ws
      if (!provider.synced || ws === null || ws.readyState !== WebSocket.OPEN) return false
      ws.send(encodeBarrier(seq))
      return true
    },
    onSavedChange: (saved) => patch({ saved }),
  })

  let nextRefusalId = 1
  installAppMessageHandlers(provider, {
    onPersisted: (seq, clocks) => tracker.handlePersisted(seq, clocks),
    onServerStateVector: (stateVector) => tracker.handleServerStateVector(stateVector),
    onAccess: (access) => patch({ access }),
    onRefused: (refusal) =>
      state.update((current) => ({ ...current, refusals: [...current.refusals, { ...refusal, id: nextRefusalId++ }] })),
  })

  provider.on('status', ({ status }) => patch({ connection: status }))
  provider.on('sync', (synced: boolean) => {
    patch(synced ? { synced, failedSinceSync: false } : { synced })
    if (synced) tracker.handleSynced()
  })
  provider.on('connection-close', () => {
    // wsconnected is still true here when the socket that closed had been open. Rotate after the
    // provider has let go of that socket, so the new id is never announced through the dying one.
    if (provider.wsconnected) queueMicrotask(() => rotateClientId(doc, provider.awareness))
    patch({ synced: false, failedSinceSync: true })
  })
  provider.on('connection-error', () => patch({ failedSinceSync: true }))
  provider.on('closed', ({ code, reason }) => patch({ closed: { code, reason } }))

  // The browser knows before the socket does: stop (and later resume) at once instead of waiting
  // for a dead socket to time out, and without a stream of failing reconnects while offline.
  const handleOffline = (): void => {
    patch({ browserOnline: false })
    provider.disconnect()
  }
  let destroyed = false
  const connectIfReady = (): void => {
    const current = state.get()
    if (destroyed) return
    if (current.localLoaded && current.browserOnline && current.closed === null) provider.connect()
  }
  const handleOnline = (): void => {
    patch({ browserOnline: true })
    connectIfReady()
  }
  win.addEventListener('offline', handleOffline)
  win.addEventListener('online', handleOnline)

  // Connect only once the local copy is in the doc. Then the sync exchange sends the server exactly
  // what it lacks. Loaded after the sync, the local copy would go out as one update that also carries
  // everyone else's changes the server already has (and that it refuses as foreign structs).
  // A local store that does not answer (blocked or broken IndexedDB) must not keep us offline.
  let localTimer: ReturnType<typeof setTimeout> | null = setTimeout(() => markLocalLoaded(), LOCAL_LOAD_TIMEOUT_MS)
  const markLocalLoaded = (): void => {
    if (localTimer !== null) clearTimeout(localTimer)
    localTimer = null
    if (state.get().localLoaded) return
    patch({ localLoaded: true })
    connectIfReady()
  }
  local.whenSynced.then(markLocalLoaded, (error: unknown) => {
    console.error('Lokale kopie (IndexedDB) kon niet worden geladen', error)
    markLocalLoaded()
  })

  return {
    documentId,
    doc,
    provider,
    awareness: provider.awareness,
    state,
    dismissRefusal: (id) =>
      state.update((current) => ({ ...current, refusals: current.refusals.filter((r) => r.id !== id) })),
    destroy() {
      destroyed = true
      if (localTimer !== null) clearTimeout(localTimer)
      win.removeEventListener('offline', handleOffline)
      win.removeEventListener('online', handleOnline)
      tracker.destroy()
      provider.destroy()
      void local.destroy()
      doc.destroy()
    },
  }
}
