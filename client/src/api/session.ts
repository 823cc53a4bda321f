// Login, logout and "who am I" (POST / DELETE / GET /api/session). The session itself is an HTTP-only
// cookie; the client never sees the token.
import { isOrganisationKind, type OrganisationKind } from '@novex/shared'
import { ApiError } from './documents.ts'

export interface SessionUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: OrganisationKind }
}

export type LoginResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

export async function logIn(email: string, password: string): Promise<LoginResult> {
  let response: Response
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password }),
    })
  } catch {
    // fetch rejects only when the server cannot be reached.
    return { ok: false, message: 'De server is niet bereikbaar. Probeer het later opnieuw.' }
  }
  if (response.ok) return { ok: true }
  const body: unknown = await response.json().catch(() => null)
  return { ok: false, message: serverMessage(body) ?? 'Inloggen is niet gelukt. Probeer het opnieuw.' }
}

export async function logOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' })
}

/** The logged-in user; throws ApiError(401) when there is no live session. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser> {
  let response: Response
  try {
    response = await fetch('/api/session', { credentials: 'same-origin', signal })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, 'De server is niet bereikbaar.')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiError(response.status, serverMessage(body) ?? `Fout ${response.status}`)
  const user = parseUser(isRecord(body) ? body.user : null)
  if (!user) throw new ApiError(500, 'Onverwacht antwoord van de server.')
  return user
}

function parseUser(value: unknown): SessionUser | null {
  if (!isRecord(value) || !isRecord(value.organisation)) return null
  const { id, email, name } = value
  const org = value.organisation
  if (typeof id !== 'string' || typeof email !== 'string' || typeof name !== 'string') return null
  if (typeof org.id !== 'string' || typeof org.name !== 'string' || !isOrganisationKind(org.kind)) return null
  return { id, email, name, organisation: { id: org.id, name: org.name, kind: org.kind } }
}

function serverMessage(body: unknown): string | null {
  if (!isRecord(body) || !isRecord(body.error)) return null
  return typeof body.error.message === 'string' ? body.error.message : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
