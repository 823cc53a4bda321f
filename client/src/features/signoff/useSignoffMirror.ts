// Live reads of the server-owned sign-off mirror (`doc.getMap('signoffs')`) through Y events: one
// section's state for its view, or all states for the panel, the readiness view and announcements.
// Only the server writes the mirror; the client never does.
import { readSignoff, type SectionSignoff, signoffMirror } from '@novex/shared'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/** One section's sign-off state; re-renders only when that section's entry is replaced. */
export function useSectionSignoff(doc: Y.Doc, sectionId: string): SectionSignoff {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mirror = signoffMirror(doc)
      mirror.observe(onChange)
      return () => mirror.unobserve(onChange)
    },
    [doc],
  )
  // Y.Map hands out the same stored object until the server replaces the entry, and an absent entry
  // reads as the shared OPEN_SECTION constant: a stable snapshot, as useSyncExternalStore needs.
  return useSyncExternalStore(subscribe, () => readSignoff(doc, sectionId))
}

/** Every section's sign-off state, with a version that grows on each change of the mirror. */
export function useSignoffMirror(doc: Y.Doc | null): {
  readonly states: ReadonlyMap<string, SectionSignoff>
  readonly version: number
} {
  const [snapshot, setSnapshot] = useState<{ states: ReadonlyMap<string, SectionSignoff>; version: number }>({
    states: new Map(),
    version: 0,
  })
  useEffect(() => {
    if (doc === null) return
    const mirror = signoffMirror(doc)
    const read = (): void =>
      setSnapshot((current) => ({ states: new Map(mirror.entries()), version: current.version + 1 }))
    read()
    mirror.observe(read)
    return () => mirror.unobserve(read)
  }, [doc])
  return snapshot
}
