// One open document: the Y.Doc, its IndexedDB copy (offline edits survive a reload), the sync
// provider and the connection/save state the UI shows. Created and destroyed by a document session
// (openDocumentSession, from useCollab's effect), never during render. After a refusal the session
// replaces it with one rebuilt from the server's state (`rebuildFrom`, see replayPending).
import { type Access, APP_PARAM, CloseCode, encodeBarrier, shouldReconnect } from '@novex/shared'
import type { Schema } from '@tiptap/pm/model'
import { clearDocument } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { apiError } from '../api/documents.ts'
import { sendRequest } from '../api/request.ts'
import { fetchSession } from '../api/session.ts'
import { captureCaretSpot } from '../editor/caretSpot.ts'
import { createStore, type Store } from './createStore.ts'
import { installAppMessageHandlers, type Refusal } from './installAppMessageHandlers.ts'
import { type LocalCopy, openLocalCopy } from './localCopy.ts'
import { type LocalUser, presenceUser } from './localUser.ts'
import { sendOwnPresenceOnly } from './ownPresenceOnly.ts'
import { JitteredWebsocketProvider } from './reconnectBackoff.ts'
import { needsRebuild, type Recovery, settledBySave } from './refusalRecovery.ts'
import { browserPacingSchedulers, paceRemoteMessages } from './remotePacing.ts'
import { type ReplayReport, replayPending } from './replayPending.ts'
import { resumeWhenLoggedIn } from './resumeWhenLoggedIn.ts'
import { rotateClientId } from './rotateClientId.ts'
import { createSaveTracker } from './saveTracker.ts'
import { type UnsavedSection, unsavedSections } from './unsavedText.ts'
import { type Ask, upgradeRefusal } from './upgradeRefusal.ts'

export interface NumberedRefusal extends Refusal {
  readonly id: number
  /** Set when the refusal made the page rebuild the document. */
  readonly recovery?: Recovery
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
  /** The server cannot write the document right now (it is read-only until it can; the page says why). */
  readonly storageFault: boolean
  /**
   * Counts the server's word that the user's rights beyond access changed (signatory, trekker): what
   * the page asked about them (useSignatory, the review state, the sign-off overview) is asked again.
   */
  readonly rightsVersion: number
  readonly refusals: readonly NumberedRefusal[]
  /** The server closed the connection for good (shouldReconnect said no). */
  readonly closed: { readonly code: number; readonly reason: string } | null
  /** Refused, and being rebuilt from the server's state: the user's changes are not all replayed yet. */
  readonly rebuilding: boolean
  /**
   * The server cannot load the document (CloseCode.unavailable: a stored row is corrupt and it waits for
   * an operator, or storage failed while loading). The page keeps trying; until the next sync it is not
   * the user's network that keeps the changes in this browser.
   */
  readonly unavailable: boolean
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
  /**
   * Ends the connection and closes the local copy (its data stays) but keeps the document, which
   * the caller then owns: the rebuilt document replays from it.
   */
  detach(): Promise<Y.Doc>
  /** Refused again and again: stop connecting and say so (the text stays in this browser). */
  giveUp(): void
  /**
   * The user chose to drop the changes the server refused because they may only read or comment (they
   * can never be sent from this page; it offered them to copy first, and the server kept their text):
   * the document is fetched from the server again without them and the local copy is replaced, so they
   * are not sent, and refused, again on every visit. Does nothing unless the page can rebuild.
   */
  discardUnsaved(): void
  /**
   * The server had closed for good, and the reason is gone (the user logged in again, see
   * resumeWhenLoggedIn): connect again, which sends what was typed meanwhile.
   */
  resume(): void
  /**
   * The text this page added that the server has not confirmed, per section (unsavedText.ts); null
   * before the page has heard from the server, when that cannot be told.
   */
  unsavedSections(): UnsavedSection[] | null
  destroy(): void
}

export interface CollabOptions {
  readonly documentId: string
  readonly user: LocalUser
  /** Defaults to the page's window (location, online/offline events). */
  readonly window?: Window
  /**
   * False for a page that follows the document without working in it (the readiness view): it
   * announces no presence, so nobody sees its visitor as present in the document. Default true.
   */
  readonly presence?: boolean
  /** Called once, when a refusal means the document must be rebuilt (see refusalRecovery). */
  readonly onRebuildNeeded?: () => void
  /** Called once, when the user chose to drop the refused changes (discardUnsaved). */
  readonly onDiscardRequested?: () => void
  /** Start from the server's state, not the local copy, and replay what `previous` holds. */
  readonly rebuildFrom?: RebuildSource
}

export interface RebuildSource {
  /**
   * The refused document. Its editors stay on the page, and keep taking the user's keys, until the
   * replay has read it; `release` then ends it.
   */
  readonly previous: Y.Doc
  /**
   * Called once, right after the replay read `previous`: the rebuilt document takes over the page and
   * the refused one is closed, local copy included. Resolves once that copy may be replaced.
   */
  readonly release: () => Promise<void>
  readonly refusals: readonly NumberedRefusal[]
  readonly schema: Schema
  /** Wait before connecting (the rebuild guard's backoff). */
  readonly delayMs: number
  /** Drop the changes of `previous` instead of replaying them (the user chose to, discardUnsaved). */
  readonly discard?: boolean
}

/** Transaction origin of the replay (a local change: it is sent and must be acknowledged). */
export const REPLAY_ORIGIN = { replay: 'refused-changes' } as const

/** How long the sync waits for the local copy before it connects without it. */
const LOCAL_LOAD_TIMEOUT_MS = 3_000

export function syncUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/sync`
}

export function createCollab(options: CollabOptions): Collab {
  const { documentId, user, window: win = window, rebuildFrom } = options
  const doc = new Y.Doc()
  const state = createStore<CollabState>({
    connection: 'connecting',
    synced: false,
    failedSinceSync: false,
    browserOnline: win.navigator.onLine,
    saved: false,
    localLoaded: false,
    access: null,
    storageFault: false,
    rightsVersion: 0,
    refusals: rebuildFrom?.refusals ?? [],
    closed: null,
    rebuilding: rebuildFrom !== undefined,
    unavailable: false,
  })
  const patch = (change: Partial<CollabState>): void => state.update((current) => ({ ...current, ...change }))

  // One local copy per user and document: another user on this browser never sends this one's edits.
  // A rebuilt document starts without it: the stored copy holds the refused changes, and stays as it
  // is (a reload would replay from it) until the replay is done and replaces it.
  const localName = `novex:${user.id}:${documentId}`
  let local: LocalCopy | null = rebuildFrom ? null : openLocalCopy(localName, doc, win)
  let pendingReplay = rebuildFrom ?? null

  // Reconnects with jittered backoff, so that a restarting server is not hit by every client at once.
  const provider = new JitteredWebsocketProvider(syncUrl(win.location), documentId, doc, {
    connect: false,
    params: { [APP_PARAM]: '1' },
    disableBc: true,
    shouldReconnect: (event) => shouldReconnect(event.code),
  })
  const presence: PresenceState = { user: presenceUser(user), section: null }
  const stopOwnPresence = sendOwnPresenceOnly(provider)
  // Without a local state the provider sends none, on connecting or as a renewal.
  provider.awareness.setLocalState(options.presence === false ? null : presence)

  const tracker = createSaveTracker({
    doc,
    isServerOrigin: (origin) => origin === provider,
    sendBarrier: (seq) => {
      const ws = provider.ws
      if (!provider.synced || ws === null || ws.readyState !== WebSocket.OPEN) return false
      ws.send(encodeBarrier(seq))
      return true
    },
    onSavedChange: (saved) => {
      patch({ saved })
      // Everything is stored now, also what was refused while the server could not store it.
      if (saved && state.get().refusals.some((r) => settledBySave(r.reason)))
        state.update((current) => ({ ...current, refusals: current.refusals.filter((r) => !settledBySave(r.reason)) }))
    },
  })

  let nextRefusalId = Math.max(0, ...state.get().refusals.map((r) => r.id)) + 1
  let rebuildRequested = false
  /** Stops sending and hands the document to the session for a rebuild (`ask`), after the provider's handler returned. */
  const handOver = (ask: (() => void) | undefined): void => {
    rebuildRequested = true
    suspended = true
    patch({ rebuilding: true })
    // Not from inside the provider's message handler, which still uses the socket after we return.
    setTimeout(() => {
      // Nothing more goes out from a document the server will not accept.
      provider.disconnect()
      ask?.()
    }, 0)
  }
  const handleRefused = (refusal: Refusal): void => {
    const rebuild = !rebuildRequested && options.onRebuildNeeded !== undefined && needsRebuild(refusal.reason)
    const recovery: Recovery | undefined = rebuild ? { phase: 'rebuilding', section: currentSection() } : undefined
    const numbered: NumberedRefusal = { ...refusal, id: nextRefusalId++, ...(recovery ? { recovery } : {}) }
    state.update((current) => ({ ...current, refusals: [...current.refusals, numbered] }))
    if (rebuild) handOver(options.onRebuildNeeded)
  }
  const currentSection = (): string | null => {
    const section = provider.awareness.getLocalState()?.section
    return typeof section === 'string' ? section : null
  }
  installAppMessageHandlers(provider, {
    onPersisted: (seq, clocks) => tracker.handlePersisted(seq, clocks),
    onServerStateVector: (stateVector) => tracker.handleServerStateVector(stateVector),
    onAccess: (access) => patch({ access }),
    onStorage: (storageFault) => patch({ storageFault }),
    onRights: () => state.update((current) => ({ ...current, rightsVersion: current.rightsVersion + 1 })),
    onRefused: handleRefused,
  })
  // Installed last: it holds others' changes while the user types, and hands them on unchanged.
  const pacing = paceRemoteMessages(provider, browserPacingSchedulers(win))

  const updateRecoveries = (change: (recovery: Recovery) => Recovery): void =>
    state.update((current) => ({
      ...current,
      refusals: current.refusals.map((r) =>
        r.recovery?.phase === 'rebuilding' ? { ...r, recovery: change(r.recovery) } : r,
      ),
    }))

  // The rebuilt document holds exactly the server's state the moment the first sync completes: replay
  // then, synchronously, before `synced` is published, so the page never shows the server's text as
  // saved without the user's changes, and the save tracker sees the replay before it can say "saved".
  const replay = (source: RebuildSource): void => {
    let report: ReplayReport | null = null
    try {
      report = source.discard
        ? { replayed: [], refused: [] }
        : replayPending({ previous: source.previous, rebuilt: doc, schema: source.schema, origin: REPLAY_ORIGIN })
    } catch (error) {
      // Keep the stored copy (a reload tries again) and tell the user; never drop their text quietly.
      console.error('Uw wijzigingen konden niet opnieuw worden toegepast', error)
    }
    // Where the user's caret is in the refused document's editors, which are about to be replaced.
    const caret = captureCaretSpot(win.document)
    const released = source.release()
    patch({ rebuilding: false })
    if (report === null) {
      updateRecoveries((r) => ({ phase: 'gave-up', section: r.section, caret }))
      return
    }
    const { refused } = report
    updateRecoveries((r) => ({ phase: 'replayed', refused, section: r.section, caret }))
    void replaceLocalCopy(released)
  }
  const replaceLocalCopy = async (released: Promise<void>): Promise<void> => {
    try {
      // The refused document's copy is still open until it is released.
      await released
      await clearDocument(localName)
    } catch (error) {
      console.error('De oude lokale kopie kon niet worden verwijderd', error)
      return
    }
    // A new copy stores the whole rebuilt document at once (y-indexeddb writes the state on open).
    if (!destroyed) local = openLocalCopy(localName, doc, win)
  }

  provider.on('status', ({ status }) => patch({ connection: status }))
  provider.on('sync', (synced: boolean) => {
    if (synced && pendingReplay !== null) {
      const source = pendingReplay
      pendingReplay = null
      replay(source)
    }
    patch(synced ? { synced, failedSinceSync: false, unavailable: false } : { synced })
    if (synced) tracker.handleSynced()
  })
  provider.on('connection-close', (event) => {
    if (event?.code === CloseCode.unavailable) patch({ unavailable: true })
    // wsconnected is still true here when the socket that closed had been open. Rotate after the
    // provider has let go of that socket, so the new id is never announced through the dying one.
    if (provider.wsconnected) queueMicrotask(() => rotateClientId(doc, provider.awareness))
    // A connection that never opened may have been refused for good at the upgrade: ask why.
    else askWhyRefused()
    // Refused and closed on purpose: the rebuild's connection is what the page waits for now.
    // The next connection says again whether the document can be written.
    patch(
      state.get().rebuilding
        ? { synced: false, storageFault: false }
        : { synced: false, failedSinceSync: true, storageFault: false },
    )
  })
  provider.on('connection-error', () => patch({ failedSinceSync: true }))

  // One question at a time; the answer acts as the server's close code would have on an open connection:
  // a final one closes the page's connection, `unavailable` says why the page keeps trying.
  let asking = false
  const ask: Ask = async (path) => {
    try {
      const response = await sendRequest('GET', path, apiError)
      return { status: response.status, body: await response.json().catch(() => null) }
    } catch {
      return { status: 0, body: null }
    }
  }
  const askWhyRefused = (): void => {
    if (asking || destroyed || !state.get().browserOnline) return
    asking = true
    void upgradeRefusal(documentId, ask)
      .then((code) => {
        const current = state.get()
        if (code === null || destroyed || current.closed !== null || current.connection === 'connected') return
        if (shouldReconnect(code)) {
          patch({ unavailable: code === CloseCode.unavailable })
          return
        }
        provider.disconnect()
        patch({ closed: { code, reason: 'refused at the upgrade' } })
      })
      .finally(() => {
        asking = false
      })
  }
  provider.on('closed', ({ code, reason }) => patch({ closed: { code, reason } }))

  // The browser knows before the socket does: stop (and later resume) at once instead of waiting
  // for a dead socket to time out, and without a stream of failing reconnects while offline.
  const handleOffline = (): void => {
    patch({ browserOnline: false })
    provider.disconnect()
  }
  let destroyed = false
  let suspended = false
  const connectIfReady = (): void => {
    const current = state.get()
    if (destroyed || suspended) return
    if (current.localLoaded && current.browserOnline && current.closed === null) provider.connect()
  }
  const handleOnline = (): void => {
    patch({ browserOnline: true })
    connectIfReady()
  }
  win.addEventListener('offline', handleOffline)
  win.addEventListener('online', handleOnline)
  const resume = (): void => {
    if (destroyed || state.get().closed === null) return
    patch({ closed: null })
    connectIfReady()
  }
  const stopResumeWatch = resumeWhenLoggedIn({
    closedCode: () => state.get().closed?.code ?? null,
    userId: user.id,
    whoIsLoggedIn: async () => (await fetchSession()).id,
    resume,
    window: win,
  })

  // Connect only once the local copy is in the doc. Then the sync exchange sends the server exactly
  // what it lacks. Loaded after the sync, the local copy would go out as one update that also carries
  // everyone else's changes the server already has (and that it refuses as foreign structs).
  // A local store that does not answer (blocked or broken IndexedDB) must not keep us offline.
  // A rebuilt document has no local copy to wait for; it waits for the rebuild guard's backoff instead.
  let localTimer: ReturnType<typeof setTimeout> | null = setTimeout(
    () => markLocalLoaded(),
    rebuildFrom ? rebuildFrom.delayMs : LOCAL_LOAD_TIMEOUT_MS,
  )
  const markLocalLoaded = (): void => {
    if (localTimer !== null) clearTimeout(localTimer)
    localTimer = null
    if (state.get().localLoaded) return
    patch({ localLoaded: true })
    connectIfReady()
  }
  local?.whenSynced.then(markLocalLoaded, (error: unknown) => {
    console.error('Lokale kopie (IndexedDB) kon niet worden geladen', error)
    markLocalLoaded()
  })

  let detached = false
  const stop = (): Promise<void> => {
    destroyed = true
    if (localTimer !== null) clearTimeout(localTimer)
    win.removeEventListener('offline', handleOffline)
    win.removeEventListener('online', handleOnline)
    stopResumeWatch()
    tracker.destroy()
    stopOwnPresence()
    // What others changed and is still held goes into the doc (a rebuild replays from it).
    pacing.destroy()
    provider.destroy()
    pendingReplay = null
    return local ? local.destroy() : Promise.resolve()
  }

  return {
    documentId,
    doc,
    provider,
    awareness: provider.awareness,
    state,
    dismissRefusal: (id) =>
      state.update((current) => ({ ...current, refusals: current.refusals.filter((r) => r.id !== id) })),
    async detach() {
      detached = true
      await stop()
      return doc
    },
    giveUp() {
      suspended = true
      provider.disconnect()
      patch({ rebuilding: false, failedSinceSync: true })
      updateRecoveries((r) => ({ phase: 'gave-up', section: r.section, caret: null }))
    },
    discardUnsaved() {
      if (destroyed || rebuildRequested || options.onDiscardRequested === undefined) return
      handOver(options.onDiscardRequested)
    },
    resume,
    unsavedSections() {
      const confirmed = tracker.confirmedState()
      return confirmed === null ? null : unsavedSections(doc, confirmed)
    },
    destroy() {
      if (!destroyed) void stop()
      // A detached document belongs to the rebuild that replays from it.
      if (!detached) doc.destroy()
    },
  }
}
