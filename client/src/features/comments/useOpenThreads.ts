// The reactions still open on each section of the live document (how many, and the oldest), kept up
// to date with it.
import { type OpenOnSection, openThreadsBySection } from '@novex/shared'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { useCommentsVersion } from './useCommentsVersion.ts'

export type OpenThreads = ReadonlyMap<string, OpenOnSection>

const NONE: OpenThreads = new Map()

export function useOpenThreads(doc: Y.Doc | null): OpenThreads {
  const version = useCommentsVersion(doc)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version says when the map changed.
  return useMemo(() => (doc === null ? NONE : openThreadsBySection(doc)), [doc, version])
}
