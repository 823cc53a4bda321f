// Sign-off through the real API: one signature, a lapse when the text changes, the lock when both
// parties signed the same text, a reopen that takes both parties, and locks that survive a restart
// and verify against the stored content.
import { getSection, orderedSections, readSignoff, type SectionId, sectionHash } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { appendParagraph, DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { getJson, postJson, reopen, sign } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface SignAnswer {
  readonly locked: boolean
  readonly state: { readonly locked: { readonly hash: string } | null; readonly signatures: readonly unknown[] }
}
interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string }
}

let server: RunningServer
let author: TestClient
let rijk: string
let provincie: string
let sections: SectionId[]

beforeAll(async () => {
  server = await startServer()
  author = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await author.synced()
  sections = orderedSections(author.doc).map((s) => s.id)
  rijk = await login(server, DEMO.rijkOndertekenaar)
  provincie = await login(server, DEMO.provincieOndertekenaar)
})

afterAll(async () => {
  author.destroy()
  await server.stop()
  server.cleanup()
})

const id = (index: number): SectionId => sections[index] as SectionId
const content = (sectionId: SectionId): Y.XmlFragment => {
  const view = getSection(author.doc, sectionId)
  if (!view) throw new Error('no section')
  return view.content
}

describe('sign-off', { timeout: 90_000 }, () => {
  it('records one signature without locking, and refuses non-signatories', async () => {
    const first = await sign<SignAnswer>(server, rijk, DE_PEEL, id(0))
    expect(first.status).toBe(200)
    expect(first.body.locked).toBe(false)
    expect(first.body.state.signatures).toHaveLength(1)
    const again = await sign<ErrorAnswer>(server, rijk, DE_PEEL, id(0))
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('already_signed')
    const author = await sign<ErrorAnswer>(server, await login(server, DEMO.rijkAuteur), DE_PEEL, id(0))
    expect(author.status).toBe(403)
    const reader = await sign<ErrorAnswer>(server, await login(server, DEMO.lezer), DE_PEEL, id(0))
    expect(reader.status).toBe(403)
  })

  it('lets a signature lapse when the text changes, and then does not lock on the other signature', async () => {
    await sign(server, rijk, DE_PEEL, id(1))
    appendParagraph(content(id(1)), 'Een wijziging na de eerste handtekening.')
    await author.saved()
    await waitFor(() => readSignoff(author.doc, id(1)).lapsed.length === 1, { message: 'the lapse in the mirror' })
    expect(readSignoff(author.doc, id(1)).lapsed[0]?.reason).toBe('gewijzigd na ondertekening')
    const second = await sign<SignAnswer>(server, provincie, DE_PEEL, id(1))
    expect(second.body.locked).toBe(false)
    const overview = await getJson<{ ledger: { kind: string; sectionId: string }[] }>(
      server,
      rijk,
      `/api/documents/${DE_PEEL}/signoffs`,
    )
    expect(overview.body.ledger.filter((e) => e.sectionId === id(1)).map((e) => e.kind)).toEqual([
      'sign',
      'lapse',
      'sign',
    ])
  })

  it('refuses a signature on a hash the signer did not see', async () => {
    const stale = await sign<ErrorAnswer>(server, provincie, DE_PEEL, id(2), `sha256:${'0'.repeat(64)}`)
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('content_changed')
  })

  it('locks when both parties signed the same text, live for every client', async () => {
    const view = getSection(author.doc, id(0))
    if (!view) throw new Error('no section')
    const hash = sectionHash(view)
    const second = await sign<SignAnswer>(server, provincie, DE_PEEL, id(0), hash)
    expect(second.body.locked).toBe(true)
    expect(second.body.state.locked?.hash).toBe(hash)
    await waitFor(() => readSignoff(author.doc, id(0)).locked?.hash === hash, { message: 'the lock in the mirror' })
    const readiness = await getJson<{ ready: boolean; components: { sectionId: string; locked: boolean }[] }>(
      server,
      rijk,
      `/api/documents/${DE_PEEL}/readiness`,
    )
    expect(readiness.body.ready).toBe(false)
    expect(readiness.body.components.find((c) => c.sectionId === id(0))?.locked).toBe(true)
  })

  it('takes both parties to reopen', async () => {
    const noReason = await reopen<ErrorAnswer>(server, rijk, DE_PEEL, id(0), '  ')
    expect(noReason.body.error.code).toBe('reason_required')
    const byAuthor = await reopen<ErrorAnswer>(server, await login(server, DEMO.rijkAuteur), DE_PEEL, id(0), 'Fout')
    expect(byAuthor.status).toBe(403)
    const request = await reopen<{ reopened: boolean }>(server, rijk, DE_PEEL, id(0), 'Cijfers woningbouw zijn herzien')
    expect(request.body.reopened).toBe(false)
    const sameSide = await reopen<ErrorAnswer>(server, rijk, DE_PEEL, id(0), 'Nogmaals')
    expect(sameSide.body.error.code).toBe('waiting_for_other_side')
    expect(readSignoff(author.doc, id(0)).locked).not.toBeNull()
    const confirm = await reopen<{ reopened: boolean }>(server, provincie, DE_PEEL, id(0), '')
    expect(confirm.body.reopened).toBe(true)
    await waitFor(() => readSignoff(author.doc, id(0)).locked === null, { message: 'the unlock in the mirror' })
    expect(readSignoff(author.doc, id(0)).signatures).toHaveLength(0)
    appendParagraph(content(id(0)), 'Weer te bewerken na heropenen.')
    await author.saved()
    expect(author.refusals).toEqual([])
  })

  it('keeps locks and their hashes over a restart, and verifies them', async () => {
    await sign(server, rijk, DE_PEEL, id(3))
    const locked = await sign<SignAnswer>(server, provincie, DE_PEEL, id(3))
    expect(locked.body.locked).toBe(true)
    const hash = locked.body.state.locked?.hash
    author.destroy()
    await server.stop()
    server = await startServer({ dataDir: server.dataDir })
    const cookie = await login(server, DEMO.rijkAuteur)
    author = connectClient(server, DE_PEEL, { cookie })
    await author.synced()
    expect(readSignoff(author.doc, id(3)).locked?.hash).toBe(hash)
    const overview = await getJson<{ sections: { sectionId: string; verified: boolean; hash: string }[] }>(
      server,
      cookie,
      `/api/documents/${DE_PEEL}/signoffs`,
    )
    const row = overview.body.sections.find((s) => s.sectionId === id(3))
    expect(row).toMatchObject({ verified: true, hash })
    expect(server.logs.some((line) => line.includes('HASH MISMATCH'))).toBe(false)
    appendParagraph(content(id(3)), 'Na de herstart mag dit niet.')
    await waitFor(() => author.refusals.some((r) => r.reason === 'locked'), { message: 'refusal after restart' })
  })

  it('answers 404 for a section that does not exist and 400 for bad input', async () => {
    const missing = await sign<ErrorAnswer>(
      server,
      await login(server, DEMO.rijkOndertekenaar),
      DE_PEEL,
      'bestaatniet123',
    )
    expect(missing.status).toBe(404)
    const bad = await postJson<ErrorAnswer>(
      server,
      await login(server, DEMO.rijkOndertekenaar),
      `/api/documents/${DE_PEEL}/sections/${id(4)}/signoff`,
      { hash: 'niet-een-hash' },
    )
    expect(bad.status).toBe(400)
  })
})
