// Images in sections, against the real server and SQLite file: an author uploads a PNG, gets its address
// (the SHA-256 of the bytes), and every member can fetch exactly those bytes; readers and commenters may
// not upload, outsiders see nothing, and a file that is no whole PNG or JPEG (also a JPEG whose compressed
// data is damaged), or too large, is refused with a Dutch reason; every sound JPEG kind is taken. A raw Yjs client (no editor) may place an image of this document in a section,
// but not one of another document or another host: the update gate refuses it with "content".
import { createHash } from 'node:crypto'
import { openDatabase } from '@novex/server'
import { imageSrc, orderedSections, type SectionView } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TestClient } from '../helpers/client.ts'
import { DE_PEEL, VOORSTEL_LIMBURG, VOORSTEL_NB } from '../helpers/documents.ts'
import {
  cmykJpeg,
  damagedJpeg,
  damagedPng,
  jpegImage,
  largerJpeg,
  noisyPng,
  pngImage,
  progressiveJpeg,
  progressiveRestartJpeg,
  sidewaysPhoto,
  truncated,
} from '../helpers/images.ts'
import { forgeFirstSection, sendRawUpdate, witnessAndRawWriter } from '../helpers/rawEdits.ts'
import type { RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let author: string
let witness: TestClient
let raw: RawSocket

beforeAll(async () => {
  server = await startServer()
  // The witness is the Rijk author, who also uploads.
  ;({ witness, witnessCookie: author, raw } = await witnessAndRawWriter(server, DE_PEEL))
})

afterAll(async () => {
  raw.close()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

const imagesUrl = (documentId: string): string => `${server.httpUrl}/api/documents/${documentId}/images`

function upload(documentId: string, bytes: Uint8Array, cookie: string, headers: Record<string, string> = {}) {
  return fetch(imagesUrl(documentId), {
    method: 'POST',
    headers: { cookie, 'content-type': 'image/png', ...headers },
    body: new Uint8Array(bytes),
  })
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } }
  return body.error
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('uploading and fetching', () => {
  it('stores an uploaded PNG under the hash of its bytes and serves exactly those bytes to members', async () => {
    const png = pngImage(64, 40)
    const response = await upload(DE_PEEL, png, author)
    expect(response.status).toBe(201)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({
      imageId: sha256(png),
      mediaType: 'image/png',
      width: 64,
      height: 40,
      src: imageSrc(DE_PEEL, sha256(png)),
    })
    // The same bytes again: the same address, one stored row.
    expect(((await (await upload(DE_PEEL, png, author)).json()) as { imageId: string }).imageId).toBe(sha256(png))
    const db = openDatabase(server.dataDir)
    try {
      const rows = db.prepare('SELECT count(*) AS n FROM document_images WHERE image_id = ?').get(sha256(png))
      expect(rows).toEqual({ n: 1 })
    } finally {
      db.close()
    }
    for (const member of [DEMO.lezer, DEMO.meelezer, DEMO.provincieAuteur]) {
      const fetched = await fetch(`${server.httpUrl}${String(body.src)}`, {
        headers: { cookie: await login(server, member) },
      })
      expect(fetched.status, member).toBe(200)
      expect(fetched.headers.get('content-type')).toBe('image/png')
      expect(fetched.headers.get('cache-control')).toContain('immutable')
      expect(Buffer.from(await fetched.arrayBuffer()).equals(png)).toBe(true)
    }
  })

  it('takes a JPEG too, whatever type the request says it is (the bytes decide)', async () => {
    const jpeg = jpegImage()
    const response = await upload(DE_PEEL, jpeg, author, { 'content-type': 'application/octet-stream' })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({
      imageId: sha256(jpeg),
      mediaType: 'image/jpeg',
      width: 32,
      height: 16,
    })
    const fetched = await fetch(`${server.httpUrl}${imageSrc(DE_PEEL, sha256(jpeg))}`, { headers: { cookie: author } })
    expect(fetched.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await fetched.arrayBuffer()).equals(jpeg)).toBe(true)
  })

  it.each([
    ['a baseline JPEG of 256 × 160 (jpeg-js encoder)', largerJpeg(), 256, 160],
    ['a progressive JPEG', progressiveJpeg(), 40, 24],
    [
      'a progressive JPEG with restart markers (jpeg-js misreads it; libjpeg and browsers do not)',
      progressiveRestartJpeg(),
      40,
      24,
    ],
    ['a CMYK JPEG (Adobe marker, inverted)', cmykJpeg(), 48, 16],
  ])('takes %s: its compressed data is checked and found whole', async (_case, jpeg, width, height) => {
    const response = await upload(DE_PEEL, jpeg, author, { 'content-type': 'image/jpeg' })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ imageId: sha256(jpeg), mediaType: 'image/jpeg', width, height })
  })

  it('keeps a phone photo upright, as it is shown, and the same photo again as the same image', async () => {
    const photo = sidewaysPhoto()
    const response = await upload(DE_PEEL, photo, author, { 'content-type': 'image/jpeg' })
    expect(response.status).toBe(201)
    const stored = (await response.json()) as { imageId: string; width: number; height: number }
    // Its shown size, and other bytes than the ones sent: turned, without the orientation.
    expect(stored).toMatchObject({ width: 20, height: 40 })
    expect(stored.imageId).not.toBe(sha256(photo))
    const fetched = Buffer.from(
      await (
        await fetch(`${server.httpUrl}${imageSrc(DE_PEEL, stored.imageId)}`, { headers: { cookie: author } })
      ).arrayBuffer(),
    )
    expect(sha256(fetched)).toBe(stored.imageId)
    expect(fetched.includes('Exif\0')).toBe(false)
    const again = (await (await upload(DE_PEEL, photo, author)).json()) as { imageId: string }
    expect(again.imageId).toBe(stored.imageId)
  })

  it('lets only authors upload, and shows an image only within its own document to its members', async () => {
    const png = pngImage(8, 8)
    for (const member of [DEMO.lezer, DEMO.meelezer]) {
      const response = await upload(DE_PEEL, png, await login(server, member))
      expect(response.status, member).toBe(403)
      expect((await errorOf(response)).message).toMatch(/geen afbeeldingen plaatsen/)
    }
    const anonymous = await upload(DE_PEEL, png, '')
    expect(anonymous.status).toBe(401)
    // Another site cannot make a member's browser upload (the API's Origin check).
    expect((await upload(DE_PEEL, png, author, { origin: 'https://evil.example' })).status).toBe(403)

    const stored = await upload(DE_PEEL, png, author)
    expect(stored.status).toBe(201)
    const id = sha256(png)
    // The same image id under another document the author may open: not there.
    const elsewhere = await fetch(`${server.httpUrl}${imageSrc(VOORSTEL_NB, id)}`, { headers: { cookie: author } })
    expect(elsewhere.status).toBe(404)
    expect((await errorOf(elsewhere)).code).toBe('image_not_found')
    // A document the ministry's author is no member of: the document itself does not exist for them.
    const outsider = await fetch(`${server.httpUrl}${imageSrc(VOORSTEL_LIMBURG, id)}`, { headers: { cookie: author } })
    expect(outsider.status).toBe(404)
    expect((await errorOf(outsider)).code).toBe('not_found')
    expect((await fetch(`${server.httpUrl}${imageSrc(DE_PEEL, id)}`)).status).toBe(401)
  })

  it.each([
    ['a text file', Buffer.from('Dit is geen afbeelding.'), 415, /geen PNG- of JPEG-afbeelding/],
    ['an SVG (it can carry script)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 415, /geen PNG/],
    ['a GIF', Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'), 415, /geen PNG/],
    ['a PNG cut off in transfer', truncated(pngImage(50, 50)), 415, /niet compleet/],
    ['a PNG whose pixel data is damaged (header and end whole)', damagedPng(), 415, /beschadigd/],
    ['a JPEG that lost part of its compressed data (header and end whole)', damagedJpeg(), 415, /beschadigd/],
    ['an empty file', Buffer.alloc(0), 415, /leeg/],
    ['a PNG larger than 10 MB', Buffer.concat([pngImage(4, 4), Buffer.alloc(10 * 1024 * 1024)]), 413, /te groot/],
  ])('refuses %s with a Dutch reason and stores nothing', async (_case, bytes, status, message) => {
    const response = await upload(DE_PEEL, bytes, author)
    expect(response.status).toBe(status)
    expect((await errorOf(response)).message).toMatch(message)
    const db = openDatabase(server.dataDir)
    try {
      expect(db.prepare('SELECT count(*) AS n FROM document_images WHERE image_id = ?').get(sha256(bytes))).toEqual({
        n: 0,
      })
    } finally {
      db.close()
    }
  })
})

describe('the images one document may hold', () => {
  it('refuses an upload beyond the quota with the reason, and still takes an image the document has', async () => {
    const small = await startServer({ env: { NOVEX_IMAGE_QUOTA_MB: '1' } })
    try {
      const cookie = await login(small, DEMO.rijkAuteur)
      const send = (bytes: Buffer) =>
        fetch(`${small.httpUrl}/api/documents/${DE_PEEL}/images`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'image/png' },
          body: new Uint8Array(bytes),
        })
      const first = noisyPng(600 * 1024)
      expect((await send(first)).status).toBe(201)
      const refused = await send(noisyPng(600 * 1024))
      expect(refused.status).toBe(413)
      const { code, message } = await errorOf(refused)
      expect(code).toBe('image_quota')
      expect(message).toMatch(/^Dit document bevat al 0,6 MB aan afbeeldingen; er past hoogstens 1 MB in\./)
      // The same map again takes no more room: it is the one already there.
      expect((await send(first)).status).toBe(201)
      // Another document has its own room.
      const other = await fetch(`${small.httpUrl}/api/documents/${VOORSTEL_NB}/images`, {
        method: 'POST',
        headers: { cookie: await login(small, DEMO.provincieAuteur), 'content-type': 'image/png' },
        body: new Uint8Array(noisyPng(600 * 1024)),
      })
      expect(other.status).toBe(201)
    } finally {
      await small.stop()
      small.cleanup()
    }
  })
})

describe('images in a section (raw protocol client, no editor)', () => {
  const forge = (change: (section: SectionView) => void): Uint8Array => forgeFirstSection(witness.doc, change)

  const imageNode = (src: string): Y.XmlElement => {
    const element = new Y.XmlElement('image')
    element.setAttribute('src', src)
    element.setAttribute('alt', 'Kaart van het plangebied')
    element.setAttribute('width', 64 as unknown as string)
    element.setAttribute('height', 40 as unknown as string)
    return element
  }

  const imagesIn = (fragment: Y.XmlFragment | undefined): string[] =>
    (fragment?.toArray() ?? [])
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'image')
      .map((node) => String(node.getAttribute('src')))

  const send = (update: Uint8Array): Promise<string | null> => sendRawUpdate(raw, witness, update)

  it('stores an image of this document, and it reaches the other writers', async () => {
    const src = imageSrc(DE_PEEL, sha256(pngImage(64, 40)))
    expect(await send(forge((section) => section.content.insert(1, [imageNode(src)])))).toBeNull()
    await waitFor(() => imagesIn(orderedSections(witness.doc)[0]?.content).includes(src), {
      message: 'the image at the witness',
    })
    expect(imagesIn(orderedSections(readCommitted(server.dataDir, DE_PEEL).doc)[0]?.content)).toContain(src)
  })

  it.each([
    ['of another document', imageSrc(VOORSTEL_NB, 'ab'.repeat(32))],
    ['of another host (a tracking pixel)', 'https://tracker.example.com/p.png'],
    ['embedded as data', 'data:image/png;base64,iVBORw0KGgo='],
  ])('refuses an image %s, and stores none of it', async (_case, src) => {
    const before = imagesIn(orderedSections(readCommitted(server.dataDir, DE_PEEL).doc)[0]?.content)
    expect(await send(forge((section) => section.content.insert(0, [imageNode(src)])))).toBe('content')
    expect(imagesIn(orderedSections(readCommitted(server.dataDir, DE_PEEL).doc)[0]?.content)).toEqual(before)
    expect(imagesIn(orderedSections(witness.doc)[0]?.content)).not.toContain(src)
  })
})
