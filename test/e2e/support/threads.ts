// Comment threads for browser tests: placed through the API on the first words of sections (as the
// province's author), and which card has the focus.
import { orderedSections, type SectionId } from '@novex/shared'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_USERS } from '../../helpers/browser.ts'
import { connectClient } from '../../helpers/client.ts'
import { anchorOver, api, firstText } from '../../helpers/comments.ts'
import type { RunningServer } from '../../helpers/server.ts'
import { login } from '../../helpers/session.ts'

export interface NewThread {
  /** The section's place in the document (0 = the first; -2 = the one before the last). */
  readonly section: number
  readonly body: string
  /** Resolved right after it is placed. */
  readonly resolved?: boolean
}

/** Places the threads in order, as the province's author; returns their ids. */
export async function placeThreads(
  server: RunningServer,
  documentId: string,
  threads: readonly NewThread[],
): Promise<string[]> {
  const cookie = await login(server, DEMO_USERS.provincieAuteur)
  const client = connectClient(server, documentId, { cookie })
  try {
    await client.synced()
    const sections = orderedSections(client.doc)
    const ids: string[] = []
    for (const { section, body, resolved } of threads) {
      const sectionId = (sections.at(section) as { id: SectionId }).id
      const text = firstText(client.doc, sectionId)
      const path = `/api/documents/${documentId}/comments`
      const created = await api<{ id: string }>(server, cookie, 'POST', path, {
        sectionId,
        anchor: anchorOver(text, 0, 8),
        quote: text.toString().slice(0, 8),
        body,
      })
      expect(created.status).toBe(201)
      if (resolved)
        expect((await api(server, cookie, 'POST', `${path}/${created.body.id}/resolve`, {})).status).toBe(200)
      ids.push(created.body.id)
    }
    return ids
  } finally {
    client.destroy()
  }
}

/** The thread id of the card that has the focus, or null when the focus is elsewhere. */
export const focusedCard = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const active = document.activeElement
    return active?.getAttribute('data-testid') === 'comment-thread' ? active.getAttribute('data-thread-id') : null
  })
