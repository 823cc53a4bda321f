// Edits made without an editor, for tests of what the server refuses: an update forged on a fresh replica
// of the document (a new client id), and sending it over a raw socket with a witness that proves the
// server processed it.
import { MessageType, orderedSections, type SectionView } from '@novex/shared'
import * as Y from 'yjs'
import type { TestClient } from './client.ts'
import { readFrame, syncUpdate } from './frames.ts'
import type { RawSocket } from './rawSocket.ts'
import { waitFor } from './waitFor.ts'

/** The update `change` makes to the first section of a fresh replica of `from`. */
export function forgeFirstSection(from: Y.Doc, change: (section: SectionView) => void): Uint8Array {
  const forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(from))
  const section = orderedSections(forged)[0]
  if (!section) throw new Error('no section')
  const updates: Uint8Array[] = []
  forged.on('update', (u: Uint8Array) => updates.push(u))
  forged.transact(() => change(section))
  return Y.mergeUpdates(updates)
}

/**
 * Sends the update over the raw socket; the reason of its refusal, or null when the server took it. The
 * witness's own edit afterwards (to the second section's title) proves the update was processed first.
 */
export async function sendRawUpdate(raw: RawSocket, witness: TestClient, update: Uint8Array): Promise<string | null> {
  const before = raw.frames.length
  raw.send(syncUpdate(update))
  orderedSections(witness.doc)[1]?.title.insert(0, '+')
  await witness.saved()
  await waitFor(() => raw.frames.length > before, { message: 'an answer to the raw client' })
  return (
    raw.frames
      .slice(before)
      .map(readFrame)
      .find((f) => f.type === MessageType.refused)?.strings?.[0] ?? null
  )
}
