// Text suggestions ("tekstvoorstel") through the real API and real Yjs clients: anyone who may comment
// proposes wording for text within one paragraph; the server quotes its own text of the range (not the
// client's), refuses what cannot be a suggestion, and lets only authors record that they took it over
// (their edit itself goes through the update gate like any other), never into a signed-off section. It
// resolves the thread only for someone who may resolve it.
import { type CommentThread, commentsMap, getSection, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchoredText, anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { type DEMO, loginEveryone } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface ErrorAnswer {
  readonly error: { readonly code: string }
}

let server: RunningServer
let author: TestClient
let cookies: Record<keyof typeof DEMO, string>
let sections: SectionId[]
const path = `/api/documents/${DE_PEEL}/comments`

beforeAll(async () => {
  server = await startServer()
  cookies = await loginEveryone(server)
  author = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
  await author.synced()
  sections = orderedSections(author.doc).map((s) => s.id)
})

afterAll(async () => {
  author.destroy()
  await server.stop()
  server.cleanup()
})

const text = (index: number): Y.XmlText => firstText(author.doc, sections[index] as SectionId)

/** A suggestion on characters [from, to) of the first paragraph of section `index`. */
const proposal = (index: number, from: number, to: number, suggestion: string) => ({
  sectionId: sections[index],
  anchor: anchorOver(text(index), from, to),
  quote: 'wat de pagina ook zegt',
  body: 'Preciezer, graag.',
  suggestion,
})

/** What an author's editor does for "Voorstel overnemen": replace the range, as one edit of theirs. */
async function takeOver(index: number, from: number, to: number, suggestion: string): Promise<void> {
  const paragraph = text(index)
  author.doc.transact(() => {
    paragraph.delete(from, to - from)
    paragraph.insert(from, suggestion)
  })
  await author.saved()
}

describe('text suggestions', () => {
  it('are proposed by a meelezer, quoting the server’s own text of the range', async () => {
    const original = text(0).toString().slice(0, 10)
    const created = await api<CommentThread>(server, cookies.meelezer, 'POST', path, proposal(0, 0, 10, 'De opgave'))
    expect(created.status).toBe(201)
    expect(created.body.quote).toBe(original)
    expect(created.body.suggestion).toEqual({ text: 'De opgave', appliedBy: null, appliedAt: null })
    await waitFor(() => commentsMap(author.doc).get(created.body.id)?.suggestion?.text === 'De opgave', {
      message: 'the suggestion to arrive live',
    })
  })

  it('are refused across paragraphs, over several lines, unchanged, too long, or from a reader', async () => {
    // From the first paragraph's text to after that paragraph, in the section itself: not one paragraph.
    const content = getSection(author.doc, sections[0] as SectionId)?.content
    if (content === undefined) throw new Error('no section')
    const afterParagraph = Y.createRelativePositionFromTypeIndex(content, 1, -1)
    const across = {
      ...proposal(0, 0, 5, 'x'),
      anchor: {
        start: anchorOver(text(0), 0, 1).start,
        end: Buffer.from(Y.encodeRelativePosition(afterParagraph)).toString('base64'),
      },
    }
    const cases: [unknown, string, string][] = [
      [across, 'meelezer', 'suggestion_range'],
      [proposal(0, 0, 5, 'twee\nregels'), 'meelezer', 'suggestion_multiline'],
      [proposal(0, 0, 5, text(0).toString().slice(0, 5)), 'meelezer', 'suggestion_unchanged'],
      [proposal(0, 0, 5, 'x'.repeat(1_001)), 'meelezer', 'suggestion_too_long'],
      [proposal(0, 0, 5, 'Anders'), 'lezer', 'cannot_comment'],
    ]
    for (const [body, who, code] of cases) {
      const answer = await api<ErrorAnswer>(server, cookies[who as keyof typeof DEMO], 'POST', path, body)
      expect(answer.body.error.code, code).toBe(code)
    }
  })

  it('are taken over by an author, who may not close a water board’s thread: it stays open for them', async () => {
    const created = await api<CommentThread>(server, cookies.meelezer, 'POST', path, proposal(0, 0, 4, 'Het doel'))
    const threadPath = `${path}/${created.body.id}/suggestion/applied`
    // A meelezer may propose, not take over.
    const byReader = await api<ErrorAnswer>(server, cookies.meelezer, 'POST', threadPath, {})
    expect(byReader.status).toBe(403)
    expect(byReader.body.error.code).toBe('cannot_edit')

    await takeOver(0, 0, 4, 'Het doel')
    const applied = await api<CommentThread>(server, cookies.provincieAuteur, 'POST', threadPath, {
      anchor: anchorOver(text(0), 0, 'Het doel'.length),
    })
    expect(applied.status).toBe(200)
    expect(applied.body.suggestion?.appliedBy?.name).toBe('Bram Jansen')
    expect(applied.body.status).toBe('open')
    expect(anchoredText(author.doc, applied.body.anchor)).toBe('Het doel')
    expect(text(0).toString().startsWith('Het doel')).toBe(true)

    const again = await api<ErrorAnswer>(server, cookies.provincieAuteur, 'POST', threadPath, {})
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('suggestion_applied')
  })

  it('resolve the thread when taken over by a trekker, and are refused on a resolved thread', async () => {
    const first = await api<CommentThread>(server, cookies.meelezer, 'POST', path, proposal(1, 0, 3, 'Wij'))
    await takeOver(1, 0, 3, 'Wij')
    const applied = await api<CommentThread>(
      server,
      cookies.rijkOndertekenaar,
      'POST',
      `${path}/${first.body.id}/suggestion/applied`,
      {},
    )
    expect(applied.body.status).toBe('resolved')
    expect(applied.body.resolvedBy?.organisationName).toBe(applied.body.suggestion?.appliedBy?.organisationName)

    const second = await api<CommentThread>(server, cookies.meelezer, 'POST', path, proposal(1, 5, 9, 'anders'))
    await api(server, cookies.meelezer, 'POST', `${path}/${second.body.id}/resolve`)
    const late = await api<ErrorAnswer>(
      server,
      cookies.provincieAuteur,
      'POST',
      `${path}/${second.body.id}/suggestion/applied`,
      {},
    )
    expect(late.body.error.code).toBe('thread_resolved')
    const none = await api<CommentThread>(server, cookies.meelezer, 'POST', path, {
      ...proposal(1, 0, 3, ''),
      suggestion: undefined,
    })
    const withoutSuggestion = await api<ErrorAnswer>(
      server,
      cookies.provincieAuteur,
      'POST',
      `${path}/${none.body.id}/suggestion/applied`,
      {},
    )
    expect(withoutSuggestion.body.error.code).toBe('no_suggestion')
  })

  it('are never recorded as taken over in a section both parties signed', async () => {
    const created = await api<CommentThread>(server, cookies.meelezer, 'POST', path, proposal(2, 0, 5, ''))
    expect(created.status).toBe(201)
    expect(created.body.suggestion?.text).toBe('')
    await sign(server, cookies.rijkOndertekenaar, DE_PEEL, sections[2] as SectionId)
    await sign(server, cookies.provincieOndertekenaar, DE_PEEL, sections[2] as SectionId)
    const refused = await api<ErrorAnswer>(
      server,
      cookies.provincieAuteur,
      'POST',
      `${path}/${created.body.id}/suggestion/applied`,
      {},
    )
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('section_locked')
    expect(commentsMap(author.doc).get(created.body.id)?.suggestion?.appliedBy).toBeNull()
  })
})
