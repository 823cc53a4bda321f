// Which documents cannot be written right now (a full disk, a locked or read-only database) and which
// are quarantined (a stored row is corrupt). The store reports; the transport listens and tells the
// clients of a failing document that it is temporarily read-only, and lets them write again when the
// next write succeeds.
export type HealthListener = (documentId: string, failing: boolean) => void
export type QuarantineListener = (documentId: string, reason: string) => void

export interface StorageHealth {
  isFailing(documentId: string): boolean
  isQuarantined(documentId: string): boolean
  readonly failingCount: number
  readonly quarantinedCount: number
  onChange(listener: HealthListener): void
  onQuarantine(listener: QuarantineListener): void
  writeFailed(documentId: string): void
  writeSucceeded(documentId: string): void
  quarantine(documentId: string, reason: string): void
}

export function createStorageHealth(): StorageHealth {
  const failing = new Set<string>()
  /** Quarantined document → why. */
  const quarantined = new Map<string, string>()
  const listeners: HealthListener[] = []
  const quarantineListeners: QuarantineListener[] = []
  const notify = (documentId: string, isFailing: boolean): void => {
    for (const listener of listeners) listener(documentId, isFailing)
  }
  return {
    isFailing: (documentId) => failing.has(documentId),
    isQuarantined: (documentId) => quarantined.has(documentId),
    get failingCount() {
      return failing.size
    },
    get quarantinedCount() {
      return quarantined.size
    },
    onChange: (listener) => {
      listeners.push(listener)
    },
    onQuarantine: (listener) => {
      quarantineListeners.push(listener)
      // Documents quarantined before anyone listened (a start-up check loaded them) are reported too.
      for (const [documentId, reason] of quarantined) listener(documentId, reason)
    },
    writeFailed: (documentId) => {
      if (failing.has(documentId)) return
      failing.add(documentId)
      notify(documentId, true)
    },
    writeSucceeded: (documentId) => {
      if (!failing.delete(documentId)) return
      notify(documentId, false)
    },
    quarantine: (documentId, reason) => {
      if (quarantined.has(documentId)) return
      quarantined.set(documentId, reason)
      for (const listener of quarantineListeners) listener(documentId, reason)
    },
  }
}
