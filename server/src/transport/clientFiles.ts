// Serves the built client (CLIENT_DIST): its files, and index.html for a page the client routes itself
// (/document/…, /toegankelijkheid), with `send`, the file sender under Express's serve-static.
//
// Why not sirv (used before): sirv 3 lists the directory once at start and streams a file without
// listening for errors on the stream, so a file removed while the server ran (a new client build put
// in place, whose hashed asset names differ) crashed the whole process with ENOENT, and a file added
// later was never found. `send` looks the file up per request and reports a missing one as an error,
// which becomes a 404 here.
//
// The page fallback: a path that is not a file gets index.html when it is a page, i.e. a browser
// navigation (Accept names text/html, the usual history-API rule) or a path whose last segment has no
// file extension (`curl /`, /document/<id>). A missing script or style gets a 404, not an HTML page with
// status 200 that the browser would try to run.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname } from 'node:path'
import send from 'send'

export type ServeClient = (req: IncomingMessage, res: ServerResponse, notFound: () => void) => void

const INDEX = '/index.html'

export function createClientFiles(root: string): ServeClient {
  const stream = (req: IncomingMessage, res: ServerResponse, path: string, otherwise: () => void): void => {
    send(req, path, { root, index: false, dotfiles: 'ignore', etag: true })
      .on('directory', otherwise)
      .on('error', (error: { status?: number }) => {
        // A file that vanished after the headers went out: the response cannot be finished.
        if (res.headersSent) res.destroy()
        else if (error.status === 404) otherwise()
        else res.writeHead(error.status ?? 500).end()
      })
      .pipe(res)
  }
  return (req, res, notFound) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const page = (req.headers.accept ?? '').includes('text/html') || extname(path) === ''
    stream(req, res, path, () => (page ? stream(req, res, INDEX, notFound) : notFound()))
  }
}
