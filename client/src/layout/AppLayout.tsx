// The frame of every page: a skip link (and beside it those the page adds: PageSkipLink), the product
// bar (with who is logged in), the page itself and a footer with the accessibility statement (which
// must be reachable from every page).
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { UserMenu } from '../session/UserMenu.tsx'
import { type UnsavedWork, UnsavedWorkRegistration } from '../session/unsavedWork.ts'
import { PageSkipLinkSlot } from './PageSkipLinkSlot.ts'

export function AppLayout({ children }: { readonly children?: ReactNode }) {
  const { t } = useTranslation('common')
  const [pageSkipLinks, setPageSkipLinks] = useState<HTMLElement | null>(null)
  // The open document's changes the server does not hold yet: "Uitloggen" waits for them.
  const [unsaved, setUnsaved] = useState<UnsavedWork | null>(null)
  return (
    <UnsavedWorkRegistration value={setUnsaved}>
      <PageSkipLinkSlot value={pageSkipLinks}>
        <a className="skip-link" href="#inhoud">
          {t('skipToContent')}
        </a>
        <div ref={setPageSkipLinks} className="page-skip-links" />
        <header className="app-header">
          <div className="app-header__inner">
            <Link to="/" className="app-header__brand">
              <span className="app-header__logo" aria-hidden="true" />
              <span>
                {t('appName')}
                <span className="app-header__tagline">{t('tagline')}</span>
              </span>
            </Link>
            <nav aria-label={t('mainMenu')} className="app-header__nav">
              <Link to="/" className="app-header__link">
                {t('documents')}
              </Link>
              <LanguageSwitch />
              <UserMenu unsaved={unsaved} />
            </nav>
          </div>
        </header>
        <main id="inhoud" className="app-main" tabIndex={-1}>
          {children ?? <Outlet />}
        </main>
        <footer className="app-footer">
          <div className="app-footer__inner">
            <p className="app-footer__senders">{t('footer.senders')}</p>
            <nav aria-label={t('footer.label')}>
              <Link to="/toegankelijkheid" className="app-footer__link" data-testid="accessibility-link">
                {t('footer.accessibility')}
              </Link>
            </nav>
          </div>
        </footer>
      </PageSkipLinkSlot>
    </UnsavedWorkRegistration>
  )
}
