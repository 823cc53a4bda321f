// The server serves the built client from CLIENT_DIST while that directory changes under it, as when a
// new client build is put in place beside a running server: a file that disappears is a 404 (it used to
// crash the process), a file that appears is served, and pages the client routes get index.html.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../helpers/server.ts'

const INDEX = '<!doctype html><title>NOVEX testclient</title>'

let server: RunningServer
let dist: string

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'novex-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), INDEX)
  writeFileSync(join(dist, 'assets', 'app-oud.js'), 'console.log("oud")')
  server = await startServer({ env: { CLIENT_DIST: dist } })
})

afterAll(async () => {
  await server?.stop()
  server?.cleanup()
  rmSync(dist, { recursive: true, force: true })
})

const get = (path: string, accept = '*/*'): Promise<Response> =>
  fetch(`${server.httpUrl}${path}`, { headers: { accept } })

describe('the built client', () => {
  it('serves its files, and index.html for the pages it routes itself', async () => {
    const script = await get('/assets/app-oud.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toMatch(/javascript/)
    expect(await script.text()).toBe('console.log("oud")')
    for (const [path, accept] of [
      ['/', '*/*'],
      ['/document/novex-de-peel-perspectief', '*/*'],
      ['/document/een.id.met.punten', 'text/html,application/xhtml+xml'],
      ['/toegankelijkheid', 'text/html'],
    ] as const) {
      const page = await get(path, accept)
      expect(page.status, path).toBe(200)
      expect(page.headers.get('content-type'), path).toMatch(/text\/html/)
      expect(await page.text(), path).toBe(INDEX)
    }
  })

  it('answers 404 for a script that is not there, not an HTML page', async () => {
    const missing = await get('/assets/bestaat-niet.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).not.toMatch(/text\/html/)
  })

  it('keeps running when a new build replaces the files: the old ones are 404, the new ones served', async () => {
    unlinkSync(join(dist, 'assets', 'app-oud.js'))
    writeFileSync(join(dist, 'assets', 'app-nieuw.js'), 'console.log("nieuw")')
    expect((await get('/assets/app-oud.js')).status).toBe(404)
    const fresh = await get('/assets/app-nieuw.js')
    expect(fresh.status).toBe(200)
    expect(await fresh.text()).toBe('console.log("nieuw")')
    expect((await get('/healthz')).status).toBe(200)
    expect(server.process.exitCode).toBeNull()
  })
})
