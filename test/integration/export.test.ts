// The BO-MIRT dossier from a real server: after both parties signed a section, the DOCX, ODT, PDF and
// Markdown exports contain exactly its signed text, the co-senders, and the sign-off appendix with the
// signers and the hash; an unsigned section's text is left out. Files are opened the way a reader's
// software would (pdf.js, mammoth, unzip) by the export module's own read-back helpers.
import { getSection, orderedSections, type SectionId, sectionPlainText } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readDocx, readOdt, readPdf } from '../../server/src/export/testing/readBack.ts'
import { connectClient } from '../helpers/client.ts'
import { appendLink, DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'

let server: RunningServer
let cookie: string
let signed: { id: SectionId; title: string; firstWords: string }
let unsigned: { id: SectionId; firstWords: string }
let hash: string
let targetReference: string

beforeAll(async () => {
  server = await startServer()
  cookie = await login(server, DEMO.rijkAuteur)
  const client = connectClient(server, DE_PEEL, { cookie })
  await client.synced()
  const [first, second] = orderedSections(client.doc)
  if (!first || !second) throw new Error('demo document has too few sections')
  const words = (id: SectionId): string => {
    const view = getSection(client.doc, id)
    return view ? sectionPlainText(view).split(/\s+/).slice(0, 4).join(' ') : ''
  }
  // A link in the signed section: exports show it as a readable reference.
  const voorstel = connectClient(server, VOORSTEL_NB, { cookie: await login(server, DEMO.provincieAuteur) })
  await voorstel.synced()
  const target = orderedSections(voorstel.doc)[1]
  if (!target) throw new Error('voorstel has too few sections')
  targetReference = `zie Ruimtelijk voorstel Noord-Brabant, § 2 ${target.title.toString()}`
  voorstel.destroy()
  appendLink(first.content, 'Voor de woningbouw: ', VOORSTEL_NB, target.id)
  await client.saved()
  signed = { id: first.id, title: first.title.toString(), firstWords: words(first.id) }
  unsigned = { id: second.id, firstWords: words(second.id) }
  client.destroy()
  await sign(server, await login(server, DEMO.rijkOndertekenaar), DE_PEEL, signed.id)
  const answer = await sign<{ state: { locked: { hash: string } } }>(
    server,
    await login(server, DEMO.provincieOndertekenaar),
    DE_PEEL,
    signed.id,
  )
  hash = answer.body.state.locked.hash
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

async function download(
  format: string,
): Promise<{ bytes: Uint8Array; type: string | null; disposition: string | null }> {
  const res = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/export?format=${format}`, { headers: { cookie } })
  expect(res.status).toBe(200)
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength)
  return { bytes, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') }
}

function expectDossier(text: string): void {
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain('Ministerie van LVVN')
  expect(flat).toContain('Provincie Noord-Brabant')
  expect(flat).toContain(signed.title)
  expect(flat).toContain(signed.firstWords)
  expect(flat).not.toContain(unsigned.firstWords)
  expect(flat).toContain('Carla Bakker')
  expect(flat).toContain('Daan Visser')
  expect(flat).toContain(hash.slice('sha256:'.length, 'sha256:'.length + 16))
  expect(flat).toContain(targetReference)
}

it('exports DOCX with the signed text and the sign-off appendix', async () => {
  const file = await download('docx')
  expect(file.disposition).toContain('.docx')
  expectDossier((await readDocx(file.bytes)).text)
})

it('exports ODT with the signed text and the sign-off appendix', async () => {
  const file = await download('odt')
  expect(file.type).toBe('application/vnd.oasis.opendocument.text')
  expectDossier((await readOdt(file.bytes)).text)
})

it('exports PDF with the signed text and the sign-off appendix', async () => {
  const file = await download('pdf')
  expectDossier((await readPdf(file.bytes)).text)
})

it('exports Markdown with the signed text and the sign-off appendix', async () => {
  const file = await download('md')
  expectDossier(new TextDecoder().decode(file.bytes))
})

it('refuses an unknown format with a clear message', async () => {
  const res = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/export?format=exe`, { headers: { cookie } })
  expect(res.status).toBe(400)
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('pdf, docx, odt of md')
})
