// A browser in miniature for logins through the identity provider: a cookie jar (as one browser keeps
// cookies for 127.0.0.1, where ports are not told apart), following redirects hop by hop between our
// server and the provider, and the provider's own "log out here?" page.
import type { RunningServer } from './server.ts'

/** Cookies by name. */
export type Jar = Map<string, string>

export const cookieHeader = (jar: Jar): string => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

export function keepCookies(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';')
    const at = pair.indexOf('=')
    const name = pair.slice(0, at).trim()
    const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || pair.slice(at + 1) === ''
    if (gone) jar.delete(name)
    else jar.set(name, pair.slice(at + 1))
  }
}

export interface Landing {
  /** Where the browser ends up on our server: a page (path and query), after the last redirect. */
  readonly at: string
  readonly jar: Jar
  /** Every address the browser was sent to, in order. */
  readonly hops: URL[]
}

/** Follows redirects from `start` until a page of our server (not /api/) is reached. */
export async function follow(server: RunningServer, start: string, jar: Jar = new Map()): Promise<Landing> {
  const hops: URL[] = []
  let url = new URL(start, server.httpUrl)
  for (let hop = 0; hop < 20; hop++) {
    hops.push(url)
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } })
    keepCookies(jar, response)
    await response.arrayBuffer()
    const location = response.headers.get('location')
    if (response.status < 300 || response.status >= 400 || location === null) {
      throw new Error(`stopped at ${url} with ${response.status}`)
    }
    url = new URL(location, url)
    if (url.origin === server.httpUrl && !url.pathname.startsWith('/api/')) {
      return { at: `${url.pathname}${url.search}`, jar, hops: [...hops, url] }
    }
  }
  throw new Error('too many redirects')
}

/** The e-mail address of the session's user, or null when the jar holds no live session. */
export async function whoAmI(server: RunningServer, jar: Jar): Promise<string | null> {
  const response = await fetch(`${server.httpUrl}/api/session`, { headers: { cookie: cookieHeader(jar) } })
  if (response.status !== 200) return null
  const body = (await response.json()) as { user: { email: string } }
  return body.user.email
}

/**
 * Opens the provider's end-session page (`endSession`: its URL, with or without id_token_hint) and answers
 * "Ja, uitloggen" on it. Returns where the provider then sends the browser (null: it shows a page).
 */
export async function confirmProviderLogout(endSession: URL, jar: Jar): Promise<string | null> {
  const page = await fetch(endSession, { headers: { cookie: cookieHeader(jar) } })
  keepCookies(jar, page)
  const html = await page.text()
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1]
  if (action === undefined || xsrf === undefined) throw new Error(`no logout form at ${endSession}: ${html}`)
  const confirm = await fetch(new URL(action, endSession), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  })
  keepCookies(jar, confirm)
  await confirm.arrayBuffer()
  return confirm.headers.get('location')
}
