// Login and logout (POST / DELETE /api/session). The session itself is an HTTP-only cookie.
export type LoginResult = 'ok' | 'bad-credentials' | 'unreachable' | 'error'

export async function logIn(email: string, password: string): Promise<LoginResult> {
  try {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password }),
    })
    if (response.ok) return 'ok'
    return response.status === 401 ? 'bad-credentials' : 'error'
  } catch {
    // fetch rejects only when the server cannot be reached; the caller tells the user so.
    return 'unreachable'
  }
}
