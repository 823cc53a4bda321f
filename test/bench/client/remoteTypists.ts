// The remote people of the client benchmark: real y-websocket providers in this process, each logged in
// as another demo author, typing into a paragraph of their own at a fixed rate (random phase) and moving
// their caret with every keystroke, in the awareness format the page's caret plugin reads (`cursor` with
// relative positions, `section`, `user`). The page under test sees their edits and carets arrive.
import { getSection, type SectionId } from '@novex/shared'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../../helpers/client.ts'
import type { RunningServer } from '../../helpers/server.ts'
import { benchLogin } from './benchLogin.ts'

export interface TypistPlace {
  readonly email: string
  readonly sectionId: string
  /** Index of the paragraph in the section's content. */
  readonly paragraph: number
}

/** One edit of a remote typist: when it was made and how long its paragraph's text was after it. */
export interface SentEdit {
  /** Date.now() when the edit was made (and handed to the provider). */
  readonly at: number
  readonly textLength: number
}

export interface RemoteTypists {
  /** Edits sent so far by all typists. */
  edits(): number
  /** The edits of typist `index` (in `places` order) so far. */
  sent(index: number): readonly SentEdit[]
  /** Stops typing, waits until the server committed everything and closes the connections. */
  stop(): Promise<void>
}

const COLORS = ['#c0392b', '#16a085', '#8e44ad'] as const
const WORDS = 'de provincie en het rijk werken samen aan het ontwikkelperspectief '

function textOf(client: TestClient, place: TypistPlace): Y.XmlText {
  const section = getSection(client.doc, place.sectionId as SectionId)
  const element = section?.content.get(place.paragraph)
  const text = element instanceof Y.XmlElement ? element.get(0) : null
  if (!(text instanceof Y.XmlText)) throw new Error(`no paragraph ${place.paragraph} in section ${place.sectionId}`)
  return text
}

export async function startRemoteTypists(
  server: RunningServer,
  documentId: string,
  places: readonly TypistPlace[],
  editsPerSecond: number,
): Promise<RemoteTypists> {
  const clients = await Promise.all(
    places.map(async (place) => connectClient(server, documentId, { cookie: await benchLogin(server, place.email) })),
  )
  await Promise.all(clients.map((client) => client.synced()))
  let edits = 0
  const sent: SentEdit[][] = places.map(() => [])
  const timers: NodeJS.Timeout[] = []
  const interval = 1000 / editsPerSecond
  places.forEach((place, index) => {
    const client = clients[index] as TestClient
    const text = textOf(client, place)
    let caret = Math.floor(text.length / 2)
    const showCaret = (): void => {
      const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, caret))
      client.provider.awareness.setLocalState({
        user: { name: place.email, color: COLORS[index % COLORS.length] },
        section: place.sectionId,
        cursor: { anchor: position, head: position },
      })
    }
    showCaret()
    const type = (): void => {
      caret = Math.min(caret, text.length)
      text.insert(caret, WORDS[edits % WORDS.length] ?? ' ')
      caret += 1
      edits += 1
      sent[index]?.push({ at: Date.now(), textLength: text.length })
      showCaret()
    }
    // A random phase, so the three do not type in the same millisecond.
    timers.push(
      setTimeout(() => {
        type()
        timers.push(setInterval(type, interval))
      }, Math.random() * interval),
    )
  })
  return {
    edits: () => edits,
    sent: (index) => sent[index] ?? [],
    async stop() {
      for (const timer of timers) clearInterval(timer)
      try {
        await Promise.all(clients.map((client) => client.saved(30_000)))
        const refused = clients.flatMap((client) => client.refusals)
        if (refused.length > 0) throw new Error(`remote typists' edits were refused: ${JSON.stringify(refused)}`)
      } finally {
        for (const client of clients) client.destroy()
      }
    },
  }
}
