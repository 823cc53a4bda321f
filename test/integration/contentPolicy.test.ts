// The content policy with a raw client that has edit rights and bypasses the editor: a table as the
// editor writes it is stored and reaches the others; a table cell with a span the exports cannot lay
// out, a column width that is no list of widths, an event-handler attribute or a script link is
// refused with the reason "content", and none of it is stored.
import { orderedSections, type SectionView } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TestClient } from '../helpers/client.ts'
import { DE_PEEL, tableElement } from '../helpers/documents.ts'
import { forgeFirstSection, sendRawUpdate, witnessAndRawWriter } from '../helpers/rawEdits.ts'
import type { RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let witness: TestClient
let raw: RawSocket

beforeAll(async () => {
  server = await startServer()
  ;({ witness, raw } = await witnessAndRawWriter(server, DE_PEEL))
})

afterAll(async () => {
  raw.close()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

const forge = (change: (section: SectionView) => void): Uint8Array => forgeFirstSection(witness.doc, change)

/** A table as the editor writes it, with the given attributes on its last cell. */
function table(lastCell: Record<string, unknown>): Y.XmlElement {
  return tableElement([
    [
      { text: 'Opgave', header: true },
      { text: 'Doel 2030', header: true },
    ],
    [{ text: 'Stikstof' }, { text: '−40 %', attrs: lastCell }],
  ])
}

const tableTexts = (fragment: Y.XmlFragment): string[] =>
  fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'table')
    .map((node) => node.toString())

const send = (update: Uint8Array): Promise<string | null> => sendRawUpdate(raw, witness, update)

it('stores a table as the editor writes it, and it reaches the other writers', async () => {
  const refusal = await send(
    forge((section) => section.content.insert(1, [table({ colwidth: [160, 120], align: 'right' })])),
  )
  expect(refusal).toBeNull()
  const first = orderedSections(witness.doc)[0]
  if (!first) throw new Error('no section')
  await waitFor(() => tableTexts(first.content).length === 1, { message: 'the table at the witness' })
  expect(tableTexts(first.content)[0]).toContain('<tableheader colspan="1" rowspan="1"><paragraph>Opgave')
  const stored = orderedSections(readCommitted(server.dataDir, DE_PEEL).doc)[0]
  expect(tableTexts(stored?.content ?? new Y.XmlFragment())).toEqual(tableTexts(first.content))
})

it.each([
  ['a span of no columns', { colspan: 0 }],
  ['a span beyond 64 rows', { rowspan: 65 }],
  ['a span written as text', { colspan: '2' }],
  ['a column width that is not a list of widths', { colwidth: 'x'.repeat(200) }],
  ['an alignment the editor has not', { align: 'justify' }],
  ['an event handler', { onclick: 'alert(1)' }],
])('refuses a table cell with %s, and stores none of it', async (_case, lastCell) => {
  const rowsBefore = readCommitted(server.dataDir, DE_PEEL).rows
  const tablesBefore = tableTexts(orderedSections(witness.doc)[0]?.content ?? new Y.XmlFragment()).length
  expect(await send(forge((section) => section.content.insert(0, [table(lastCell)])))).toBe('content')
  const committed = readCommitted(server.dataDir, DE_PEEL)
  // Only the witness's title edit was stored.
  expect(committed.rows).toBe(rowsBefore + 1)
  expect(tableTexts(orderedSections(committed.doc)[0]?.content ?? new Y.XmlFragment())).toHaveLength(tablesBefore)
  expect(tableTexts(orderedSections(witness.doc)[0]?.content ?? new Y.XmlFragment())).toHaveLength(tablesBefore)
})

it('refuses a script link inside a table cell', async () => {
  const scripted = table({})
  const text = new Y.XmlText()
  const update = forge((section) => {
    section.content.insert(0, [scripted])
    const lastRow = scripted.get(1) as Y.XmlElement
    const lastCell = lastRow.get(1) as Y.XmlElement
    ;(lastCell.get(0) as Y.XmlElement).insert(1, [text])
    text.insert(0, 'klik', { link: { href: 'javascript:alert(1)' } })
  })
  expect(await send(update)).toBe('content')
})
