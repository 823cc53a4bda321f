// The open page's work the server does not hold yet (a document's last changes), for "Uitloggen": the
// header's user menu waits for it instead of logging out over it. The document page registers it
// (useUnsavedWork); the frame of the app (AppLayout) keeps the one registered and hands it to the menu.
import { createContext, useContext, useEffect } from 'react'

export interface UnsavedWork {
  /** Everything this page changed is stored on the server ("Opgeslagen"). */
  isSaved(): boolean
  /** Resolves once it is; rejects when `signal` aborts first. */
  untilSaved(signal: AbortSignal): Promise<void>
  /** Whether the page can save now (false: offline, or the server cannot store the document). */
  canSave(): boolean
  /** The number of the latest refusal on this page (0: none); they only grow. Refused text is shown, not saved. */
  latestRefusal(): number
  /** Calls `listener` when any of the above may have changed. */
  subscribe(listener: () => void): () => void
}

export type RegisterUnsavedWork = (work: UnsavedWork | null) => void

export const UnsavedWorkRegistration = createContext<RegisterUnsavedWork>(() => {})

/** Registers `work` for as long as the calling page shows it. */
export function useUnsavedWork(work: UnsavedWork | null): void {
  const register = useContext(UnsavedWorkRegistration)
  useEffect(() => {
    if (work === null) return
    register(work)
    return () => register(null)
  }, [register, work])
}
