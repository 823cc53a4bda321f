// Logging in over the real API, for tests: returns the session cookie to send with requests and sockets.
import type { RunningServer } from './server.ts'

export const DEMO_PASSWORD = 'novex-demo'

export const DEMO = {
  rijkAuteur: 'rijk.auteur@novex.example',
  provincieAuteur: 'provincie.auteur@novex.example',
  rijkOndertekenaar: 'rijk.ondertekenaar@novex.example',
  provincieOndertekenaar: 'provincie.ondertekenaar@novex.example',
  meelezer: 'meelezer@novex.example',
  lezer: 'lezer@novex.example',
} as const

/** Logs in and returns the `name=value` cookie pair. Throws with the server's message on failure. */
export async function login(server: RunningServer, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`)
  const setCookie = res.headers.get('set-cookie')
  const pair = setCookie?.split(';')[0]
  if (!pair) throw new Error('no session cookie')
  return pair
}

/** A session cookie for every demo account, by its key in DEMO. */
export async function loginEveryone(server: RunningServer): Promise<Record<keyof typeof DEMO, string>> {
  const keys = Object.keys(DEMO) as (keyof typeof DEMO)[]
  const cookies = await Promise.all(keys.map((key) => login(server, DEMO[key])))
  return Object.fromEntries(keys.map((key, i) => [key, cookies[i] ?? ''])) as Record<keyof typeof DEMO, string>
}
