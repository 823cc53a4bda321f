// The frame of every page: a skip link, the product bar and the page itself.
import { Link, Outlet } from 'react-router'

export function AppLayout() {
  return (
    <>
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            <span className="app-header__logo" aria-hidden="true" />
            <span>
              NOVEX Co-auteur
              <span className="app-header__tagline">Samen schrijven aan ontwikkelperspectieven</span>
            </span>
          </Link>
          <nav aria-label="Hoofdmenu">
            <Link to="/" className="app-header__link">
              Documenten
            </Link>
          </nav>
        </div>
      </header>
      <main id="inhoud" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}
