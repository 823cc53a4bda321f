// The BO-MIRT dossier from a real server: after both parties signed a section, the DOCX, ODT, PDF and
// Markdown exports contain exactly its signed text, every co-sender the document header names (De Peel:
// the Rijk, Noord-Brabant and Limburg; on the title page and as the file's author), and the sign-off
// appendix with the signers and the hash; an unsigned section's text is left out. A table in the signed
// section is a table in every format, with its header row and a cell that spans two columns, and the map
// uploaded to the document and placed in it is embedded with its description, its caption under it.
// Files are opened the way a reader's software would (pdf.js, mammoth, unzip) by the export module's own
// read-back helpers.
import { getSection, orderedSections, type SectionId, sectionPlainText } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  htmlTables,
  readAuthors,
  readDocx,
  readDocxHtml,
  readDocxImages,
  readDocxParagraphs,
  readMarkdown,
  readOdt,
  readOdtImages,
  readOdtParagraphs,
  readOdtTables,
  readPdf,
  readPdfElements,
  readPdfFigures,
  readPdfImages,
} from '../../server/src/export/testing/readBack.ts'
import { connectClient } from '../helpers/client.ts'
import { appendLink, DE_PEEL, tableElement, VOORSTEL_NB } from '../helpers/documents.ts'
import { pngImage } from '../helpers/images.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'

/** The table in the signed section: a header row, and a row whose second cell spans two columns. */
const SIGNED_TABLE = [
  [
    { text: 'Opgave', header: true },
    { text: 'Rijk', header: true },
    { text: 'Provincie', header: true },
  ],
  [{ text: 'Stikstof' }, { text: '−40 % in 2030', attrs: { colspan: 2 } }],
  [{ text: 'Verdroging' }, { text: 'Peelvenen' }, { text: 'hoge zandgronden' }],
]
/** That table as rows of "th:text" / "td:text" cells ("td*2" spans two columns). */
const SIGNED_CELLS = [
  ['th:Opgave', 'th:Rijk', 'th:Provincie'],
  ['td:Stikstof', 'td*2:−40 % in 2030'],
  ['td:Verdroging', 'td:Peelvenen', 'td:hoge zandgronden'],
]

/**
 * Who sends the De Peel perspective, as its header in the app shows them: the Rijk (the ministry that
 * leads the area) and both provinces of the area.
 */
const SENDERS = 'Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg'

/** The map in the signed section, uploaded as an author would. */
const MAP = pngImage(240, 160)
const MAP_ALT = 'Kaart van De Peel met de natte zones'
/** Its caption, as the author typed it (the spaces around it are not part of it). */
const MAP_CAPTION = 'Figuur 1. Natte zones in De Peel. Bron: provincie Noord-Brabant'

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
  first.content.push([tableElement(SIGNED_TABLE)])
  const uploaded = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/images`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'image/png' },
    body: new Uint8Array(MAP),
  })
  expect(uploaded.status).toBe(201)
  const map = new Y.XmlElement('image')
  map.setAttribute('src', ((await uploaded.json()) as { src: string }).src)
  map.setAttribute('alt', MAP_ALT)
  map.setAttribute('caption', `  ${MAP_CAPTION} `)
  first.content.push([map])
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
  documentId: string = DE_PEEL,
): Promise<{ bytes: Uint8Array; type: string | null; disposition: string | null }> {
  const res = await fetch(`${server.httpUrl}/api/documents/${documentId}/export?format=${format}`, {
    headers: { cookie },
  })
  expect(res.status).toBe(200)
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength)
  return { bytes, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') }
}

function expectDossier(text: string): void {
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(`Afzenders: ${SENDERS}`)
  expect(flat).toContain(signed.title)
  expect(flat).toContain(signed.firstWords)
  expect(flat).not.toContain(unsigned.firstWords)
  expect(flat).toContain('Carla Bakker')
  expect(flat).toContain('Daan Visser')
  expect(flat).toContain(hash.slice('sha256:'.length, 'sha256:'.length + 16))
  expect(flat).toContain(targetReference)
}

const cellsOf = (html: string): string[][][] =>
  htmlTables(html).map((rows) =>
    rows.map((cells) => cells.map((c) => `${c.tag}${c.colspan > 1 ? `*${c.colspan}` : ''}:${c.text}`)),
  )

it('exports DOCX with the signed text, its table and the sign-off appendix', async () => {
  const file = await download('docx')
  expect(file.disposition).toContain('.docx')
  expectDossier((await readDocx(file.bytes)).text)
  expect(await readAuthors('docx', file.bytes)).toEqual([SENDERS])
  expect(cellsOf(await readDocxHtml(file.bytes))).toContainEqual(SIGNED_CELLS)
  const images = readDocxImages(file.bytes)
  expect(Object.values(images.media).map((bytes) => Buffer.from(bytes).equals(MAP))).toEqual([true])
  expect(images.drawings.map((d) => d.description)).toEqual([MAP_ALT])
  const paragraphs = readDocxParagraphs(file.bytes)
  const picture = paragraphs.findIndex((p) => p.picture === MAP_ALT)
  expect(paragraphs[picture + 1]).toMatchObject({ style: 'Caption', text: MAP_CAPTION })
})

it('exports ODT with the signed text, its table and the sign-off appendix', async () => {
  const file = await download('odt')
  expect(file.type).toBe('application/vnd.oasis.opendocument.text')
  expectDossier((await readOdt(file.bytes)).text)
  expect(await readAuthors('odt', file.bytes)).toEqual([SENDERS, SENDERS])
  const table = readOdtTables(file.bytes).find((t) => JSON.stringify(t).includes('Peelvenen'))
  expect(table).toMatchObject({ columns: 3, headerRows: 1 })
  expect(
    table?.rows.map((row) => row.map((c) => (c.covered ? '-' : `${c.text}${c.colSpan > 1 ? `*${c.colSpan}` : ''}`))),
  ).toEqual([
    ['Opgave', 'Rijk', 'Provincie'],
    ['Stikstof', '−40 % in 2030*2', '-'],
    ['Verdroging', 'Peelvenen', 'hoge zandgronden'],
  ])
  const images = readOdtImages(file.bytes)
  expect(Object.values(images.pictures).map((bytes) => Buffer.from(bytes).equals(MAP))).toEqual([true])
  expect(images.frames.map((f) => [f.description, f.mimeType])).toEqual([[MAP_ALT, 'image/png']])
  const paragraphs = readOdtParagraphs(file.bytes)
  expect(paragraphs[paragraphs.findIndex((p) => p.frame) + 1]).toMatchObject({ style: 'Caption', text: MAP_CAPTION })
})

it('exports PDF with the signed text, its table and the sign-off appendix', async () => {
  const file = await download('pdf')
  const text = (await readPdf(file.bytes)).text
  expectDossier(text)
  // The author in the document info and in the PDF/A's XMP metadata.
  expect(await readAuthors('pdf', file.bytes)).toEqual([SENDERS, SENDERS])
  const flat = text.replace(/\s+/g, ' ')
  const order = ['Opgave', 'Rijk', 'Provincie', 'Stikstof', '−40 % in 2030', 'Verdroging', 'Peelvenen'].map((w) =>
    flat.indexOf(w, flat.indexOf('Opgave')),
  )
  expect(order.every((at) => at >= 0)).toBe(true)
  expect(order).toEqual([...order].sort((a, b) => a - b))
  expect((await readPdfImages(file.bytes)).map((i) => [i.width, i.height])).toEqual([[240, 160]])
  expect((await readPdfFigures(file.bytes)).map((f) => f.alt)).toEqual([MAP_ALT])
  const elements = await readPdfElements(file.bytes)
  expect(elements[elements.findIndex((e) => e.role === 'Figure') + 1]).toMatchObject({
    role: 'Caption',
    text: MAP_CAPTION,
  })
})

it('exports Markdown with the signed text, its table and the sign-off appendix', async () => {
  const file = await download('md')
  expectDossier(new TextDecoder().decode(file.bytes))
  const cells = cellsOf(readMarkdown(file.bytes).html).find((t) => JSON.stringify(t).includes('Peelvenen'))
  // GFM has no spans: the covered cell stays empty.
  expect(cells).toEqual([SIGNED_CELLS[0], ['td:Stikstof', 'td:−40 % in 2030', 'td:'], SIGNED_CELLS[2]])
  // Markdown has no place for the bytes: the description stands in the text.
  expect(readMarkdown(file.bytes).text).toContain(`Afbeelding: ${MAP_ALT}`)
  expect(readMarkdown(file.bytes).source).toContain(`*Afbeelding: ${MAP_ALT}*\n\n${MAP_CAPTION}\n`)
})

it("names a ruimtelijk voorstel's senders as its header does: the Rijk and its province", async () => {
  const file = await download('md', VOORSTEL_NB)
  expect(readMarkdown(file.bytes).text).toContain('Afzenders: Rijksoverheid en Provincie Noord-Brabant')
})

it('refuses an unknown format with a clear message', async () => {
  const res = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/export?format=exe`, { headers: { cookie } })
  expect(res.status).toBe(400)
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('pdf, docx, odt of md')
})
