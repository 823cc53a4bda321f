// A thread's anchor follows the text it was placed on: through concurrent inserts and deletes around
// and inside the range, through a restart and through compaction. When the text is deleted the thread
// stays, with its quote.
import { type CommentThread, commentsMap, orderedSections, type SectionId } from '@novex/shared'
import { expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchoredText, anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

it('keeps anchors on their text through edits, a restart and compaction', async () => {
  // Compact after every few batches so the run crosses compaction several times.
  let server = await startServer({ env: { NOVEX_COMPACT_AFTER: '5' } })
  const cookie = await login(server, DEMO.provincieAuteur)
  let client: TestClient = connectClient(server, DE_PEEL, { cookie })
  await client.synced()
  const other = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await other.synced()
  const sectionId = (orderedSections(client.doc)[0] as { id: SectionId }).id
  const text = firstText(client.doc, sectionId)
  text.insert(0, 'Het ankerwoord staat hier. ')
  await client.saved()
  const quote = 'ankerwoord'
  const from = text.toString().indexOf(quote)
  const created = await api<CommentThread>(server, cookie, 'POST', `/api/documents/${DE_PEEL}/comments`, {
    sectionId,
    anchor: anchorOver(text, from, from + quote.length),
    quote,
    body: 'Wat bedoelen we hiermee?',
  })
  expect(created.status).toBe(201)
  const anchor = created.body.anchor

  // Concurrent edits: before the range (from the other client), after it, and inside it.
  await waitFor(() => firstText(other.doc, sectionId).toString().includes(quote), {
    message: 'text at the other client',
  })
  firstText(other.doc, sectionId).insert(0, 'Vooraf ingevoegd. ')
  const local = firstText(client.doc, sectionId)
  local.insert(local.toString().indexOf(quote) + quote.length, ' (nader uit te werken)')
  await Promise.all([client.saved(), other.saved()])
  await waitFor(() => firstText(client.doc, sectionId).toString().startsWith('Vooraf'), { message: 'convergence' })
  expect(anchoredText(client.doc, anchor)).toBe(quote)
  const inside = firstText(client.doc, sectionId)
  inside.insert(inside.toString().indexOf(quote) + 5, '-')
  await client.saved()
  expect(anchoredText(client.doc, anchor)).toBe('anker-woord')

  // Restart (the log has been compacted along the way): the anchor still resolves on fresh replicas.
  client.destroy()
  other.destroy()
  await server.stop()
  server = await startServer({ dataDir: server.dataDir, env: { NOVEX_COMPACT_AFTER: '5' } })
  client = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.provincieAuteur) })
  await client.synced()
  expect(anchoredText(client.doc, anchor)).toBe('anker-woord')

  // Deleting the anchored text leaves the thread, with its quote.
  const again = firstText(client.doc, sectionId)
  again.delete(again.toString().indexOf('anker-woord'), 'anker-woord'.length)
  await client.saved()
  expect(anchoredText(client.doc, anchor)).toBe('')
  const thread = await waitFor(() => commentsMap(client.doc).get(created.body.id), { message: 'the thread' })
  expect(thread.quote).toBe(quote)
  client.destroy()
  await server.stop()
  server.cleanup()
}, 90_000)
