// The demo's friction point ("schuurpunt") as an open comment thread: in the De Peel perspective, the
// province asks how "no new intensive livestock near the Peelvenen" fits the voorstel's room for the
// growth of agrifood, and the Rijk answers. So a first visit shows a reaction beside the text, as a
// document in review would (DOMAIN.md: "a good demo also carries one friction point").
import { randomUUID } from 'node:crypto'
import { type CommentAuthor, type CommentThread, commentsMap, listSections } from '@novex/shared'
import * as Y from 'yjs'

/** The sentence the thread is about, in the perspective's "ruimtelijke keuzes" (perspectiveTexts.ts). */
export const SCHUURPUNT_QUOTE = 'Geen nieuwe intensieve veehouderij binnen de bufferzones rond de Peelvenen.'

const QUESTION =
  'Schuurpunt met ons ruimtelijk voorstel (3. Landbouw, natuur en landschap): daar blijft groei van de ' +
  'veehouderij mogelijk buiten de overgangszones. Vallen de bufferzones hier samen met onze overgangszones? ' +
  'Graag een gezamenlijke keuze vóór IJkmoment 2.'
const ANSWER =
  'De bufferzones zijn ruimer dan de overgangszones. Zullen we beide kaarten naast elkaar leggen op de ' +
  'volgende gebiedstafel?'

const encode = (position: Y.RelativePosition): string =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64')

/** The text node of the section's paragraph that starts with the quote; null when the text changed. */
function quotedText(doc: Y.Doc): { sectionId: string; text: Y.XmlText } | null {
  for (const section of listSections(doc)) {
    if (section.component !== 'ruimtelijke-keuzes') continue
    for (const paragraph of section.content.toArray()) {
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
      if (text instanceof Y.XmlText && text.toString().startsWith(SCHUURPUNT_QUOTE)) {
        return { sectionId: section.id, text }
      }
    }
  }
  return null
}

/** Adds the open thread (province asks, Rijk answers) to the built perspective; false when its text is not there. */
export function addSchuurpunt(
  doc: Y.Doc,
  people: { readonly province: CommentAuthor; readonly rijk: CommentAuthor },
  now: number,
): boolean {
  const found = quotedText(doc)
  if (found === null) return false
  const message = (author: CommentAuthor, body: string, at: number) => ({
    id: randomUUID(),
    author,
    body,
    mentions: [],
    at,
    editedAt: null,
    deleted: false,
  })
  const thread: CommentThread = {
    id: randomUUID(),
    sectionId: found.sectionId,
    anchor: {
      start: encode(Y.createRelativePositionFromTypeIndex(found.text, 0, 0)),
      end: encode(Y.createRelativePositionFromTypeIndex(found.text, SCHUURPUNT_QUOTE.length, -1)),
    },
    quote: SCHUURPUNT_QUOTE,
    suggestion: null,
    round: null,
    carriedInto: [],
    status: 'open',
    openedBy: people.province,
    openedAt: now - 60_000,
    resolvedBy: null,
    resolvedAt: null,
    messages: [message(people.province, QUESTION, now - 60_000), message(people.rijk, ANSWER, now)],
  }
  commentsMap(doc).set(thread.id, thread)
  return true
}
