// What a page shows when its data could not be loaded: log in (401), no access (403) or try again.
import { Link, useLocation } from 'react-router'

export function LoadFailure({ status, message }: { readonly status: number; readonly message: string }) {
  const location = useLocation()
  if (status === 401) {
    const back = encodeURIComponent(location.pathname + location.search)
    return (
      <div className="notice notice--info" role="alert">
        <p>U bent niet (meer) ingelogd.</p>
        <p>
          <Link to={`/inloggen?terug=${back}`}>Log in</Link> om verder te gaan.
        </p>
      </div>
    )
  }
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {status === 403
          ? 'U heeft geen toegang tot dit onderdeel.'
          : status === 0
            ? 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.'
            : message}
      </p>
      <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
        Opnieuw proberen
      </button>
    </div>
  )
}
