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
import { type FormEvent, type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { fetchLoginMethods, type LoginFailure, type LoginMethods, logIn, providerLoginUrl } from '../api/session.ts'

export function LoginPage() {
  const { t } = useTranslation('session')
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [failure, setFailure] = useState<LoginFailure | null>(null)
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
    setBusy(true)
    const result = await logIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''))
    setBusy(false)
    if (result.ok) {
      void navigate(back)
      return
    }
    setFailure(result)
  }

  const failureText = (f: LoginFailure): ReactNode => {
    switch (f.reason) {
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
      <form className="login-form" onSubmit={(event) => void handleSubmit(event)}>
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
