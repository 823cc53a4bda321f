// A document the server cannot open (a corrupt stored row: quarantined until an administrator repairs it)
// must not take the links of the documents that are fine down with it. Before, every links answer that
// touched it (outgoing links, backlinks, the link picker, the wisselwerking) failed with 500, so the
// links panel of a healthy document said it could not be loaded. Now its part is marked unavailable:
// a link into it keeps the title it last had with state `unavailable`, a backlink from it keeps its
// sentence, the picker offers none of its sections, the wisselwerking shows it as a column without
// sections (or, for the perspective, says why there is no matrix), and a request about it alone says
// in Dutch that it is unavailable (503), never a server fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from '../helpers/comments.ts'
import { DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { type LinkedPair, linkPerspectiveAndVoorstel } from '../helpers/linkedPair.ts'
import { addCorruptRow } from '../helpers/quarantine.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

interface Link {
  readonly sourceSectionId: string
  readonly targetDocumentId: string
  readonly targetSectionId: string
  readonly state: string
  readonly title?: string
  readonly documentTitle?: string
}
interface Backlink {
  readonly sourceDocumentId: string
  readonly sourceSectionId: string
  readonly sourceTitle: string
  readonly sourceAvailable: boolean
  readonly context: string
}
interface Target {
  readonly documentId: string
}
interface WisselwerkingDocument {
  readonly documentId: string
  readonly sections: readonly unknown[]
  readonly available: boolean
}
interface Wisselwerking {
  readonly perspective: WisselwerkingDocument | null
  readonly perspectiveMissing?: string
  readonly voorstellen: readonly WisselwerkingDocument[]
  readonly links: readonly { readonly sourceDocumentId: string; readonly state: string }[]
}
interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string }
}

let server: RunningServer
let pair: LinkedPair

/** Stops the server, puts a corrupt row into the document's log, and starts it again on the same data. */
async function corrupt(documentId: string): Promise<void> {
  await server.stop()
  addCorruptRow(server.dataDir, documentId)
  server = await startServer({ dataDir: server.dataDir })
}

beforeAll(async () => {
  server = await startServer()
  pair = await linkPerspectiveAndVoorstel(server)
}, 60_000)

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

describe('a linked voorstel the server cannot open', { timeout: 60_000 }, () => {
  let rijk: string
  beforeAll(async () => {
    await corrupt(VOORSTEL_NB)
    rijk = await login(server, DEMO.rijkAuteur)
  }, 60_000)

  it('keeps the perspective\'s link to it, with the title it last had, as "unavailable"', async () => {
    const answer = await api<Link[]>(server, rijk, 'GET', `/api/documents/${DE_PEEL}/links`)
    expect(answer.status).toBe(200)
    expect(answer.body.find((l) => l.targetSectionId === pair.voorstelTarget)).toMatchObject({
      sourceSectionId: pair.perspectiveSource,
      targetDocumentId: VOORSTEL_NB,
      state: 'unavailable',
      title: pair.voorstelTargetTitle,
      documentTitle: 'Ruimtelijk voorstel Noord-Brabant',
    })
  })

  it('keeps its backlink into the perspective with the sentence, marked as from an unavailable document', async () => {
    const answer = await api<Backlink[]>(server, rijk, 'GET', `/api/documents/${DE_PEEL}/backlinks`)
    expect(answer.status).toBe(200)
    expect(answer.body.find((b) => b.sourceDocumentId === VOORSTEL_NB)).toMatchObject({
      sourceSectionId: pair.voorstelSource,
      sourceTitle: '',
      sourceAvailable: false,
      context: expect.stringContaining('Dit sluit aan bij'),
    })
  })

  it('offers none of its sections to link to, and still those of the perspective', async () => {
    const answer = await api<Target[]>(server, rijk, 'GET', `/api/documents/${DE_PEEL}/link-targets?q=`)
    expect(answer.status).toBe(200)
    expect(answer.body.some((t) => t.documentId === VOORSTEL_NB)).toBe(false)
    expect(answer.body.length).toBeGreaterThan(0)
  })

  it('shows it in the wisselwerking as a column without sections, its links kept', async () => {
    const answer = await api<Wisselwerking>(server, rijk, 'GET', '/api/areas/de-peel/wisselwerking')
    expect(answer.status).toBe(200)
    expect(answer.body.perspective).toMatchObject({ documentId: DE_PEEL, available: true })
    expect(answer.body.voorstellen.find((v) => v.documentId === VOORSTEL_NB)).toEqual(
      expect.objectContaining({ sections: [], available: false }),
    )
    expect(answer.body.links).toContainEqual(
      expect.objectContaining({ sourceDocumentId: DE_PEEL, state: 'unavailable' }),
    )
  })

  it('answers a question about that link alone with 503 and a Dutch reason', async () => {
    const query = new URLSearchParams({
      sourceSection: pair.perspectiveSource,
      targetDocument: VOORSTEL_NB,
      targetSection: pair.voorstelTarget,
    })
    const answer = await api<ErrorBody>(server, rijk, 'GET', `/api/documents/${DE_PEEL}/links/changes?${query}`)
    expect(answer.status).toBe(503)
    expect(answer.body.error).toEqual({
      code: 'document_unavailable',
      message: 'Dit document is tijdelijk niet beschikbaar. De beheerder is gewaarschuwd.',
    })
  })
})

describe('a perspective the server cannot open', { timeout: 60_000 }, () => {
  it('gives the wisselwerking no matrix, and says the perspective is unavailable', async () => {
    await corrupt(DE_PEEL)
    const province = await login(server, DEMO.provincieAuteur)
    const answer = await api<Wisselwerking>(server, province, 'GET', '/api/areas/de-peel/wisselwerking')
    expect(answer.status).toBe(200)
    expect(answer.body.perspective).toBeNull()
    expect(answer.body.perspectiveMissing).toBe('unavailable')
    expect(answer.body.voorstellen.map((v) => v.documentId)).toContain(VOORSTEL_NB)
  })
})
