import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppLayout } from './layout/AppLayout.tsx'
import { AccessibilityStatementPage } from './pages/AccessibilityStatementPage.tsx'
import { DocumentListPage } from './pages/DocumentListPage.tsx'
import { LoginPage } from './pages/LoginPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { SessionGate } from './session/SessionGate.tsx'

// The editor (Tiptap, Yjs, the sync stack) loads with the first document, not with the list.
const DocumentPage = lazy(() => import('./pages/DocumentPage.tsx').then((m) => ({ default: m.DocumentPage })))
const ReadinessPage = lazy(() => import('./pages/ReadinessPage.tsx').then((m) => ({ default: m.ReadinessPage })))
const WisselwerkingPage = lazy(() =>
  import('./pages/WisselwerkingPage.tsx').then((m) => ({ default: m.WisselwerkingPage })),
)
const VersionsPage = lazy(() => import('./pages/VersionsPage.tsx').then((m) => ({ default: m.VersionsPage })))

/** A page whose code loads on first use, with a status line while it does. */
function LazyPage({ loading, children }: { readonly loading: string; readonly children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="empty-state" role="status">
          {loading}
        </p>
      }
    >
      {children}
    </Suspense>
  )
}

export function App() {
  const { t } = useTranslation('common')
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<SessionGate />}>
          <Route index element={<DocumentListPage />} />
          <Route
            path="document/:documentId"
            element={
              <LazyPage loading={t('loading.document')}>
                <DocumentPage />
              </LazyPage>
            }
          />
          <Route
            path="document/:documentId/gereed"
            element={
              <LazyPage loading={t('loading.overview')}>
                <ReadinessPage />
              </LazyPage>
            }
          />
          <Route
            path="document/:documentId/versies"
            element={
              <LazyPage loading={t('loading.versions')}>
                <VersionsPage />
              </LazyPage>
            }
          />
          <Route
            path="gebied/:areaId/wisselwerking"
            element={
              <LazyPage loading={t('loading.overview')}>
                <WisselwerkingPage />
              </LazyPage>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        {/* Public: no login needed, so everyone can read the accessibility statement. */}
        <Route element={<AppLayout />}>
          <Route path="inloggen" element={<LoginPage />} />
          <Route path="toegankelijkheid" element={<AccessibilityStatementPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  )
}
