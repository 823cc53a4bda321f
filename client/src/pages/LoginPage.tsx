// Logging in. When the server has an identity provider (OIDC_ISSUER; SSO-Rijk or the province's), its
// button comes first: the browser goes there and comes back logged in (server/src/api/oidcApi.ts), or
// back here with a reason (`?fout=`), said in plain words. The e-mail and password form is always there
// too (the demo and test accounts, and accounts without the provider).

import { isProviderLoginFailure, safeReturnPath } from '@novex/shared'
import {
  Alert,
  Button,
  ButtonLink,
  FormFieldTextInput,
  Heading,
  Paragraph,
} from '@rijkshuisstijl-community/components-react'
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { fetchLoginMethods, type LoginFailure, type LoginMethods, logIn, providerLoginUrl } from '../api/session.ts'

/** What the form itself finds wrong before asking the server (its own words, not the server's field names). */
type InputProblem = { readonly reason: 'email-missing' | 'email-invalid' | 'password-missing' }

/** The field to put the focus in after a failure, so the person can correct it at once. */
const FIELD_OF: Readonly<Record<LoginFailure['reason'] | InputProblem['reason'], 'email' | 'password'>> = {
  'email-missing': 'email',
  'email-invalid': 'email',
  'password-missing': 'password',
  'invalid-credentials': 'password',
  'too-many-attempts': 'email',
  unreachable: 'password',
  other: 'email',
}

function inputProblem(email: string, password: string): InputProblem | null {
  if (email === '') return { reason: 'email-missing' }
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { reason: 'email-invalid' }
  if (password === '') return { reason: 'password-missing' }
  return null
}

export function LoginPage() {
  const { t } = useTranslation('session')
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [failure, setFailure] = useState<LoginFailure | InputProblem | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const [busy, setBusy] = useState(false)
  const [methods, setMethods] = useState<LoginMethods | null>(null)
  const back = safeReturnPath(params.get('terug'))
  const providerFailure = params.get('fout')

  useEffect(() => {
    const abort = new AbortController()
    void fetchLoginMethods(abort.signal).then((found) => {
      if (!abort.signal.aborted) setMethods(found)
    })
    return () => abort.abort()
  }, [])

  const handleSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    const problem = inputProblem(email, password)
    if (problem !== null) {
      show(problem)
      return
    }
    setBusy(true)
    const result = await logIn(email, password)
    setBusy(false)
    if (result.ok) {
      void navigate(back)
      return
    }
    show(result)
  }

  /** Says what went wrong and puts the focus in the field to correct (else it is lost to the page). */
  const show = (shown: LoginFailure | InputProblem): void => {
    setFailure(shown)
    const field = formRef.current?.elements.namedItem(FIELD_OF[shown.reason])
    if (field instanceof HTMLInputElement) {
      field.focus()
      if (shown.reason === 'invalid-credentials') field.select()
    }
  }

  const failureText = (f: LoginFailure | InputProblem): ReactNode => {
    switch (f.reason) {
      case 'email-missing':
        return t('login.emailMissing')
      case 'email-invalid':
        return t('login.emailInvalid')
      case 'password-missing':
        return t('login.passwordMissing')
      case 'invalid-credentials':
        return t('login.invalidCredentials')
      case 'too-many-attempts':
        return t('login.tooManyAttempts', { count: f.minutes })
      case 'unreachable':
        return t('login.unreachable')
      case 'other':
        // An answer the client does not know: the server's own (Dutch) words, else a general text.
        return f.message === null ? (
          t('login.failed')
        ) : (
          <span lang="nl" translate="no">
            {f.message}
          </span>
        )
    }
  }

  return (
    <div className="page page--narrow">
      <title>{t('common:pageTitle', { page: t('login.title') })}</title>
      <Heading level={1}>{t('login.title')}</Heading>
      <Paragraph purpose="lead">{t(methods?.oidc ? 'login.provider.providerIntro' : 'login.intro')}</Paragraph>
      {params.get('reden') === 'inactief' && (
        <Alert type="info" data-testid="idle-ended">
          {t('login.idleEnded')}
        </Alert>
      )}
      {isProviderLoginFailure(providerFailure) && (
        <Alert type="error" role="alert" data-testid="provider-failure">
          {t(`login.provider.${providerFailure}`)}
        </Alert>
      )}
      {methods?.oidc && (
        <div className="login-provider">
          <ButtonLink appearance="primary-action-button" href={providerLoginUrl(back)} data-testid="provider-login">
            {methods.oidc.label}
          </ButtonLink>
          <Heading level={2} className="login-provider__or">
            {t('login.provider.orPassword')}
          </Heading>
        </div>
      )}
      {/* The form checks its fields itself, in words, rather than the browser's bubbles. */}
      <form ref={formRef} className="login-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        {failure && (
          <Alert type="error" role="alert" className="login-form__error">
            {failureText(failure)}
          </Alert>
        )}
        <FormFieldTextInput label={t('login.email')} name="email" type="email" autoComplete="username" required />
        <FormFieldTextInput
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </Button>
      </form>
    </div>
  )
}
