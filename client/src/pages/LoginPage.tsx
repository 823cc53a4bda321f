// Logging in with e-mail address and password (POST /api/session). In production the login runs
// through the organisation's identity provider; this form serves the demo and test accounts.
import { type FormEvent, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { logIn } from '../api/session.ts'

export function LoginPage() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    const result = await logIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''))
    setBusy(false)
    if (result.ok) {
      const back = params.get('terug')
      void navigate(back?.startsWith('/') && !back.startsWith('//') ? back : '/')
      return
    }
    setError(result.message)
  }

  return (
    <div className="page page--narrow">
      <title>Inloggen — NOVEX Co-auteur</title>
      <h1>Inloggen</h1>
      <form className="login-form" onSubmit={(event) => void handleSubmit(event)}>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="login-email">E-mailadres</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="login-password">Wachtwoord</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </button>
      </form>
    </div>
  )
}
