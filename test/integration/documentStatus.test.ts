// The status of an ontwikkelperspectief past its third ijkmoment, through the real API and real Yjs
// clients: only a trekker submits it for consent, only after IJkmoment 3 and with all eight components
// signed by both parties; from then on the server refuses every change to its sections, from any
// client, until the submission is withdrawn with a reason; consent and adoption each need one trekker of
// the Rijk and one of the region, with a real date that is not in the future and the meeting or decision.

import { createHash } from 'node:crypto'
import { openDatabase } from '@novex/server'
import {
  appendSection,
  documentStatus,
  orderedSections,
  RefusalReason,
  readReview,
  readStatusRecord,
  type SectionId,
  type StatusRecord,
  statusOf,
  type VersionSummary,
} from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, firstText } from '../helpers/comments.ts'
import { DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { type DEMO, loginEveryone } from '../helpers/session.ts'
import { getJson, postJson, reopen, sign } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface StatusAnswer {
  readonly status: string
  readonly record: StatusRecord
  readonly archived?: { readonly name: string; readonly format: string } | null
  readonly error?: { readonly code: string }
}

let server: RunningServer
let cookies: Record<keyof typeof DEMO, string>
let writer: TestClient
const clients: TestClient[] = []
let components: SectionId[]

const statusPath = (action: string, documentId = DE_PEEL) => `/api/documents/${documentId}/status/${action}`
const act = (who: keyof typeof DEMO, action: string, body: unknown = {}, documentId = DE_PEEL) =>
  postJson<StatusAnswer>(server, cookies[who], statusPath(action, documentId), body)
const codeOf = (answer: { body: StatusAnswer }): string | undefined => answer.body.error?.code

const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
const tomorrow = (): string => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)

/** The named versions as "kind: name". */
async function versionNames(): Promise<string[]> {
  const answer = await getJson<VersionSummary[]>(server, cookies.lezer, `/api/documents/${DE_PEEL}/versions`)
  return answer.body.map((version) => `${version.kind}: ${version.name}`)
}

/** A fresh client of the provincial author (one whose change was refused keeps it in its document). */
async function freshWriter(): Promise<TestClient> {
  const client = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
  clients.push(client)
  await client.synced()
  return client
}

/** Changes a section's title as the provincial author; the server's reason for refusing it. */
async function refusalOf(text: string): Promise<string | undefined> {
  const client = await freshWriter()
  orderedSections(client.doc)[0]?.title.insert(0, text)
  await waitFor(() => client.refusals.length > 0, { message: 'the edit refused' })
  return client.refusals[0]?.reason
}

beforeAll(async () => {
  server = await startServer()
  cookies = await loginEveryone(server)
  writer = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
  await writer.synced()
  components = orderedSections(writer.doc)
    .filter((s) => s.component !== null)
    .map((s) => s.id)
})

afterAll(async () => {
  for (const client of [writer, ...clients]) client.destroy()
  await server.stop()
  server.cleanup()
})

describe('the status of an ontwikkelperspectief', () => {
  it('is submitted only by a trekker, only after IJkmoment 3, and only with every component signed', async () => {
    expect(statusOf(writer.doc)).toBe('concept')
    expect(codeOf(await act('rijkOndertekenaar', 'submit'))).toBe('not_after_ijkmoment_3')
    expect(codeOf(await act('rijkAuteur', 'submit'))).toBe('not_trekker')
    expect(codeOf(await act('rijkOndertekenaar', 'submit', {}, VOORSTEL_NB))).toBe('no_status_process')

    for (const step of ['open', 'close', 'open', 'close', 'open']) {
      const answer = await postJson(server, cookies.rijkOndertekenaar, `/api/documents/${DE_PEEL}/review/${step}`, {})
      expect(answer.status, step).toBe(200)
    }
    await waitFor(() => statusOf(writer.doc) === 'ijkmoment-3', { message: 'ijkmoment 3 live' })
    // Round 3 still runs.
    expect(codeOf(await act('rijkOndertekenaar', 'submit'))).toBe('not_after_ijkmoment_3')
    await postJson(server, cookies.rijkOndertekenaar, `/api/documents/${DE_PEEL}/review/close`, {})
    expect(codeOf(await act('rijkOndertekenaar', 'submit'))).toBe('not_ready')

    expect(components).toHaveLength(8)
    for (const id of components) {
      expect((await sign(server, cookies.rijkOndertekenaar, DE_PEEL, id)).status).toBe(200)
      expect((await sign(server, cookies.provincieOndertekenaar, DE_PEEL, id)).status).toBe(200)
    }
    const submitted = await act('provincieOndertekenaar', 'submit', { note: 'Voor het BO-MIRT van november' })
    expect(submitted.status).toBe(200)
    expect(submitted.body.status).toBe('ter-instemming')
    // The document's own metadata says it too (the page shows it until its copy is synced).
    const detail = await getJson<{ status?: string }>(server, cookies.lezer, `/api/documents/${DE_PEEL}`)
    expect(detail.body.status).toBe('ter-instemming')
    expect(submitted.body.record.decisions.at(-1)).toMatchObject({
      kind: 'submitted',
      note: 'Voor het BO-MIRT van november',
      by: { name: 'Daan Visser', side: 'provincie' },
    })
    await waitFor(() => statusOf(writer.doc) === 'ter-instemming', { message: 'the status live at the client' })
    expect(await versionNames()).toContain('submitted: Ter instemming aangeboden')
  })

  it('refuses every change to its sections from then on, and reopening a section', async () => {
    expect(await refusalOf('Gewijzigd na aanbieding: ')).toBe(RefusalReason.frozen)
    const reopened = await reopen<StatusAnswer>(
      server,
      cookies.rijkOndertekenaar,
      DE_PEEL,
      components[0] as SectionId,
      'Nog een correctie',
    )
    expect(reopened.status).toBe(409)
    expect(codeOf(reopened)).toBe('document_frozen')
  })

  it('is withdrawn only with a reason, and can then change and be submitted again', async () => {
    expect(codeOf(await act('rijkOndertekenaar', 'withdraw', { reason: '  ' }))).toBe('reason_required')
    const withdrawn = await act('rijkOndertekenaar', 'withdraw', { reason: 'De Tweede Kamer vraagt om uitstel.' })
    expect(withdrawn.body.status).toBe('ijkmoment-3')
    await waitFor(() => statusOf(writer.doc) === 'ijkmoment-3', { message: 'unfrozen live' })
    // The document can change again: a new section (the signed ones stay locked: sign-off is apart).
    const client = await freshWriter()
    appendSection(client.doc, { title: 'Bijlage na intrekking', component: null, parent: null })
    await client.saved()
    expect(client.refusals).toEqual([])
    expect((await act('rijkOndertekenaar', 'submit')).body.status).toBe('ter-instemming')
  })

  it('is onderschreven after one consent of each side, and vastgesteld after one adoption of each', async () => {
    const consent = (who: keyof typeof DEMO, body: unknown) => act(who, 'consent', body)
    expect(codeOf(await consent('rijkOndertekenaar', { date: tomorrow(), reference: 'BO-MIRT' }))).toBe('future_date')
    expect(codeOf(await consent('rijkOndertekenaar', { date: '2026-02-30', reference: 'BO-MIRT' }))).toBe(
      'invalid_date',
    )
    expect(codeOf(await consent('rijkOndertekenaar', { date: yesterday(), reference: '' }))).toBe('reference_required')
    expect(codeOf(await act('rijkOndertekenaar', 'adopt', { date: yesterday(), reference: 'x' }))).toBe('not_consented')

    const rijk = await consent('rijkOndertekenaar', { date: yesterday(), reference: 'BO-MIRT najaar 2026' })
    expect(rijk.body.status).toBe('ter-instemming')
    expect(codeOf(await consent('rijkOndertekenaar', { date: yesterday(), reference: 'nogmaals' }))).toBe(
      'already_recorded',
    )
    const regio = await consent('provincieOndertekenaar', { date: yesterday(), reference: 'BO-MIRT najaar 2026' })
    expect(regio.body.status).toBe('onderschreven')
    expect(codeOf(await act('rijkOndertekenaar', 'withdraw', { reason: 'Te laat' }))).toBe('already_consented')

    expect(
      (await act('provincieOndertekenaar', 'adopt', { date: yesterday(), reference: 'Besluit GS 2026-123' })).body
        .status,
    ).toBe('onderschreven')
    const adopted = await act('rijkOndertekenaar', 'adopt', { date: yesterday(), reference: 'Ministerraad' })
    expect(adopted.body.status).toBe('vastgesteld')
    expect(adopted.body.archived).toMatchObject({ name: 'Vastgesteld dossier (PDF/A)', format: 'pdf' })
    await waitFor(() => statusOf(writer.doc) === 'vastgesteld', { message: 'vastgesteld live' })
    expect(documentStatus(readReview(writer.doc), readStatusRecord(writer.doc))).toBe('vastgesteld')
    expect(await refusalOf('Na vaststelling: ')).toBe(RefusalReason.frozen)
    // Comments still work, but no suggestion is recorded as taken over.
    const paragraph = firstText(writer.doc, components[0] as SectionId)
    const thread = await postJson<{ id: string }>(server, cookies.meelezer, `/api/documents/${DE_PEEL}/comments`, {
      sectionId: components[0],
      anchor: anchorOver(paragraph, 0, 4),
      quote: '',
      body: 'Voor de volgende versie.',
      suggestion: 'Het doel',
    })
    expect(thread.status).toBe(201)
    const applied = await postJson<StatusAnswer>(
      server,
      cookies.provincieAuteur,
      `/api/documents/${DE_PEEL}/comments/${thread.body.id}/suggestion/applied`,
      {},
    )
    expect(codeOf(applied)).toBe('document_frozen')
    // The document list says where each perspective stands, and how many threads are open, without
    // loading the documents; a voorstel has no status.
    const list = await getJson<{ id: string; status?: string; openThreads?: number }[]>(
      server,
      cookies.provincieAuteur,
      '/api/documents',
    )
    // Open: the demo's friction point and the suggestion above.
    expect(list.body.find((d) => d.id === DE_PEEL)).toMatchObject({ status: 'vastgesteld', openThreads: 2 })
    const voorstel = list.body.find((d) => d.id === VOORSTEL_NB)
    expect(voorstel?.status).toBeUndefined()
    expect(voorstel?.openThreads).toBe(0)
    // What was submitted (twice) and what was adopted are named versions in the Versiegeschiedenis.
    expect((await versionNames()).filter((name) => !name.startsWith('round'))).toEqual([
      'submitted: Ter instemming aangeboden',
      'submitted: Ter instemming aangeboden',
      'adopted: Vastgesteld',
    ])
  })

  it('keeps the adopted dossier as PDF/A, byte for byte with its SHA-256, and makes it after a restart if it was missing', async () => {
    interface Archived {
      readonly id: number
      readonly name: string
      readonly sha256: string
      readonly size: number
    }
    const listed = await getJson<Archived[]>(server, cookies.lezer, `/api/documents/${DE_PEEL}/archive`)
    expect(listed.body).toHaveLength(1)
    const [kept] = listed.body
    expect(kept).toMatchObject({ name: 'Vastgesteld dossier (PDF/A)' })
    const download = async (): Promise<Buffer> => {
      const response = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/archive/${kept?.id}`, {
        headers: { cookie: cookies.lezer },
      })
      expect(response.headers.get('content-type')).toBe('application/pdf')
      return Buffer.from(await response.arrayBuffer())
    }
    const bytes = await download()
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.toString('latin1')).toContain('pdfaid:part')
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept?.sha256)
    expect((await download()).equals(bytes)).toBe(true)

    // Lost (say the export threads were busy at the adoption): the next start makes it.
    writer.destroy()
    for (const client of clients) client.destroy()
    clients.length = 0
    await server.stop()
    const db = openDatabase(server.dataDir)
    db.prepare('DELETE FROM archived_dossiers').run()
    db.close()
    server = await startServer({ dataDir: server.dataDir })
    cookies = await loginEveryone(server)
    writer = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
    await writer.synced()
    const again = async () =>
      (await getJson<Archived[]>(server, cookies.lezer, `/api/documents/${DE_PEEL}/archive`)).body
    await waitFor(async () => (await again()).length === 1, { timeout: 20_000, message: 'the dossier archived again' })
    expect((await again())[0]?.name).toBe('Vastgesteld dossier (PDF/A)')
  }, 60_000)
})
