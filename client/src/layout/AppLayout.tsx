// The frame of every page: a skip link, the product bar (with who is logged in) and the page itself.
import type { ReactNode } from 'react'
import { Link, Outlet } from 'react-router'
import { UserMenu } from '../session/UserMenu.tsx'

export function AppLayout({ children }: { readonly children?: ReactNode }) {
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
          <nav aria-label="Hoofdmenu" className="app-header__nav">
            <Link to="/" className="app-header__link">
              Documenten
            </Link>
            <UserMenu />
          </nav>
        </div>
      </header>
      <main id="inhoud" className="app-main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
    </>
  )
}
