// A page sends the server its own presence only. y-websocket's provider on its own sends every
// awareness change back out, including each remote caret movement it just received, so every keystroke
// of one person came back to the server from every other open page (client/src/collab/ownPresenceOnly.ts).
// Both pages are watched on the wire (the WebSocket frames Chromium sends), while one person types.
import * as decoding from 'lib0/decoding'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorOf, editorText, openDocument, sectionIds, typeAtEnd } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openTwoUsers, type TwoUsers } from './twoUsers.ts'

/** y-protocols' awareness message: varuint 1, then the update (varuint n, n × (client id, clock, JSON)). */
function awarenessClientIds(payload: string | Buffer): number[] | null {
  if (typeof payload === 'string') return null
  const decoder = decoding.createDecoder(new Uint8Array(payload))
  if (decoding.readVarUint(decoder) !== 1) return null
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const ids: number[] = []
  for (let n = decoding.readVarUint(update); n > 0; n--) {
    ids.push(decoding.readVarUint(update))
    decoding.readVarUint(update)
    decoding.readVarString(update)
  }
  return ids
}

/** Records the client ids of every awareness frame the page sends from now on (reloads it to catch the socket). */
async function watchSentPresence(page: Page, documentId: string): Promise<number[][]> {
  const sent: number[][] = []
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const ids = awarenessClientIds(payload)
      if (ids) sent.push(ids)
    }),
  )
  await openDocument(page, documentId)
  return sent
}

describe('presence on the wire', () => {
  let users: TwoUsers

  beforeAll(async () => {
    users = await openTwoUsers()
  })

  afterAll(async () => {
    await users?.close()
  })

  it('sends the server only its own presence, not the carets it receives', async () => {
    const { rijk, provincie, documentId } = users
    const fromRijk = await watchSentPresence(rijk.page, documentId)
    const fromProvincie = await watchSentPresence(provincie.page, documentId)
    const sectionId = (await sectionIds(rijk.page))[1] ?? ''

    // Each page announces itself once connected: that gives each page's own client id.
    const ownId = async (sent: number[][], who: string): Promise<number> =>
      waitFor(() => sent[0]?.[0] ?? null, { timeout: 15_000, message: `${who}'s first presence frame` })
    const rijkId = await ownId(fromRijk, 'the Rijk author')
    // The province author works in the section too, so it receives the Rijk author's caret there.
    await editorOf(provincie.page, sectionId).click()
    const provincieId = await ownId(fromProvincie, 'the provincial author')
    expect(provincieId).not.toBe(rijkId)
    const provincieFramesBefore = fromProvincie.length
    const rijkFramesBefore = fromRijk.length

    const typed = ' Twaalf tekens'
    await typeAtEnd(rijk.page, sectionId, typed)
    await waitFor(async () => (await editorText(provincie.page, sectionId)).includes(typed), {
      timeout: 15_000,
      message: 'the typed text on the provincial author’s page',
    })
    await provincie.page
      .locator('.collaboration-carets__label', { hasText: 'Anne de Vries' })
      .waitFor({ state: 'attached', timeout: 15_000 })

    // The Rijk page sent its caret as it typed; the province page received it (the label is shown)…
    // Not one frame per key: on a busy machine Chromium and ProseMirror fold several keys into one
    // transaction, and so into one caret change (CI once saw 6 frames for 14 keys).
    expect(fromRijk.length - rijkFramesBefore).toBeGreaterThanOrEqual(1)
    expect(fromRijk.flat().every((id) => id === rijkId)).toBe(true)
    // …and sent none of it back: every frame it sent speaks for itself only, and it sent nothing
    // while only the other person moved (at most a renewal of its own state).
    expect(fromProvincie.flat().filter((id) => id !== provincieId)).toEqual([])
    expect(fromProvincie.length - provincieFramesBefore).toBeLessThanOrEqual(1)

    // Its own presence still goes out: moving into another section sends its state.
    const otherSection = (await sectionIds(provincie.page))[2] ?? ''
    const framesBeforeMove = fromProvincie.length
    await editorOf(provincie.page, otherSection).click()
    await waitFor(() => fromProvincie.length > framesBeforeMove, {
      timeout: 15_000,
      message: 'the provincial author’s presence after moving to another section',
    })
    expect(fromProvincie.at(-1)).toEqual([provincieId])
  })
})
