// Logging in with e-mail address and password (POST /api/session). In production the login runs
// through the organisation's identity provider; this form serves the demo and test accounts.
import { Alert, Button, FormFieldTextInput, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { type LoginFailure, logIn } from '../api/session.ts'

export function LoginPage() {
  const { t } = useTranslation('session')
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [failure, setFailure] = useState<LoginFailure | null>(null)
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
      <Paragraph purpose="lead">{t('login.intro')}</Paragraph>
      {params.get('reden') === 'inactief' && (
        <Alert type="info" data-testid="idle-ended">
          {t('login.idleEnded')}
        </Alert>
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
