// Edits made without an editor, for tests of what the server refuses: an update forged on a fresh replica
// of the document (a new client id), and sending it over a raw socket with a witness that proves the
// server processed it.
import { MessageType, orderedSections, type SectionView } from '@novex/shared'
import * as Y from 'yjs'
import { connectClient, type TestClient } from './client.ts'
import { readFrame, syncUpdate } from './frames.ts'
import { openRaw, type RawSocket } from './rawSocket.ts'
import type { RunningServer } from './server.ts'
import { DEMO, login } from './session.ts'
import { waitFor } from './waitFor.ts'

/**
 * The two writers of a document these tests need: the Rijk author's full client (the witness, with the
 * editor's view of the document) and the provincial author's raw socket, which sends what no editor would.
 */
export async function witnessAndRawWriter(
  server: RunningServer,
  documentId: string,
): Promise<{ readonly witness: TestClient; readonly witnessCookie: string; readonly raw: RawSocket }> {
  const witnessCookie = await login(server, DEMO.rijkAuteur)
  const witness = connectClient(server, documentId, { cookie: witnessCookie })
  await witness.synced()
  const outcome = await openRaw(`${server.wsUrl}/${documentId}?app=1`, {
    cookie: await login(server, DEMO.provincieAuteur),
  })
  if (outcome.kind !== 'open') throw new Error('could not connect')
  return { witness, witnessCookie, raw: outcome.socket }
}

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
