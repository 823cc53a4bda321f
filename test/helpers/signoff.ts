// The sign-off API over real HTTP, for tests.
import type { RunningServer } from './server.ts'

export interface ApiAnswer<T> {
  readonly status: number
  readonly body: T
}

export async function postJson<T>(
  server: RunningServer,
  cookie: string,
  path: string,
  body: unknown,
): Promise<ApiAnswer<T>> {
  const res = await fetch(`${server.httpUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

export async function getJson<T>(server: RunningServer, cookie: string, path: string): Promise<ApiAnswer<T>> {
  const res = await fetch(`${server.httpUrl}${path}`, { headers: { cookie } })
  return { status: res.status, body: (await res.json()) as T }
}

const sectionPath = (documentId: string, sectionId: string, action: string): string =>
  `/api/documents/${documentId}/sections/${sectionId}/${action}`

export const sign = <T = unknown>(
  server: RunningServer,
  cookie: string,
  documentId: string,
  sectionId: string,
  hash?: string,
): Promise<ApiAnswer<T>> =>
  postJson<T>(server, cookie, sectionPath(documentId, sectionId, 'signoff'), hash === undefined ? {} : { hash })

export const reopen = <T = unknown>(
  server: RunningServer,
  cookie: string,
  documentId: string,
  sectionId: string,
  reason: string,
): Promise<ApiAnswer<T>> => postJson<T>(server, cookie, sectionPath(documentId, sectionId, 'reopen'), { reason })
