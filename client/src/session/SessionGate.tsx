// Pages behind the login: loads the session once; without one, sends the user to the login page and
// back here afterwards. While logged in, the idle timeout runs (IdleTimeout).
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { fetchSessionInfo } from '../api/session.ts'
import { useApi } from '../api/useApi.ts'
import { AppLayout } from '../layout/AppLayout.tsx'
import { LoadFailure } from '../pages/LoadFailure.tsx'
import { cachedSessionUser, rememberSessionUser } from './cachedSession.ts'
import { IdleTimeout } from './IdleTimeout.tsx'
import { SessionContext } from './SessionContext.ts'

export function SessionGate() {
  const { t } = useTranslation('common')
  const location = useLocation()
  const session = useApi(async (signal) => {
    const info = await fetchSessionInfo(signal)
    rememberSessionUser(window.localStorage, info.user)
    return info
  }, 'session')
  // Without a connection (status 0) the last user of this browser may go on working on local copies.
  const offlineUser = session.state === 'failed' && session.status === 0 ? cachedSessionUser(window.localStorage) : null
  if (offlineUser) {
    return (
      <SessionContext.Provider value={offlineUser}>
        <AppLayout />
      </SessionContext.Provider>
    )
  }
  if (session.state === 'failed' && session.status === 401) {
    const back = encodeURIComponent(location.pathname + location.search)
    return <Navigate to={`/inloggen?terug=${back}`} replace />
  }
  if (session.state === 'loading') {
    return (
      <AppLayout>
        <p className="empty-state" role="status">
          {t('loading.page')}
        </p>
      </AppLayout>
    )
  }
  if (session.state === 'failed') {
    return (
      <AppLayout>
        <div className="page page--narrow">
          <LoadFailure status={session.status} message={session.message} code={session.code} />
        </div>
      </AppLayout>
    )
  }
  return (
    <SessionContext.Provider value={session.value.user}>
      <AppLayout />
      <IdleTimeout idleSeconds={session.value.idleSeconds} />
    </SessionContext.Provider>
  )
}
