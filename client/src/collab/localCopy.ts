// The IndexedDB copy of one document (y-indexeddb), written just after the frame that shows a change
// instead of inside the change's own task.
//
// Why: y-indexeddb opens an IndexedDB transaction for every Yjs update, synchronously in the update's
// task; while someone types that is every keystroke, inside the time between the key and the frame
// that shows it (issue 7). Here the updates of a frame are collected, merged and handed to the same
// store call once the frame is painted, so the copy is at most one frame behind; a page that is being
// hidden, frozen or closed writes at once (`pagehide`, `visibilitychange`, `freeze`), and so does
// closing the copy, so no change that reached the doc is left out.
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { afterPaint } from './afterPaint.ts'

/** If no frame comes (a hidden page draws none), write after this long anyway. */
const LATEST_WRITE_MS = 100

export interface LocalCopy {
  /** Resolves once the stored copy has been applied to the doc. */
  readonly whenSynced: Promise<unknown>
  /** Writes what is waiting now. */
  flush(): void
  /** Writes what is waiting and closes the store (its data stays). */
  destroy(): Promise<void>
}

export function openLocalCopy(name: string, doc: Y.Doc, win: Window = window): LocalCopy {
  const persistence = new IndexeddbPersistence(name, doc)
  // Its own per-update writer is replaced by ours (the same call, once per frame).
  doc.off('update', persistence._storeUpdate)
  const pending: Uint8Array[] = []
  let cancel: (() => void) | null = null

  const flush = (): void => {
    cancel?.()
    cancel = null
    if (pending.length === 0) return
    const update = pending.length === 1 ? pending[0] : Y.mergeUpdates(pending)
    pending.length = 0
    if (update) persistence._storeUpdate(update, null)
  }
  const handleUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates applied from the store itself are in it already.
    if (origin === persistence) return
    pending.push(update)
    if (cancel === null) cancel = afterPaint(win, flush, LATEST_WRITE_MS)
  }
  const handleHidden = (): void => {
    if (win.document.visibilityState === 'hidden') flush()
  }

  doc.on('update', handleUpdate)
  // y-indexeddb closes itself when the doc is destroyed; what waits goes in first.
  doc.on('destroy', flush)
  win.addEventListener('pagehide', flush)
  win.addEventListener('freeze', flush)
  win.document.addEventListener('visibilitychange', handleHidden)

  return {
    whenSynced: persistence.whenSynced,
    flush,
    destroy() {
      flush()
      doc.off('update', handleUpdate)
      doc.off('destroy', flush)
      win.removeEventListener('pagehide', flush)
      win.removeEventListener('freeze', flush)
      win.document.removeEventListener('visibilitychange', handleHidden)
      return persistence.destroy()
    },
  }
}
