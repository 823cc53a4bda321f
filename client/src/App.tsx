import { type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppLayout } from './layout/AppLayout.tsx'
import { AccessibilityStatementPage } from './pages/AccessibilityStatementPage.tsx'
import { DocumentListPage } from './pages/DocumentListPage.tsx'
import { LoginPage } from './pages/LoginPage.tsx'
import { lazyPage } from './pages/lazyPage.ts'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { PageBoundary } from './pages/PageBoundary.tsx'
import { SessionGate } from './session/SessionGate.tsx'

// The editor (Tiptap, Yjs, the sync stack) loads with the first document, not with the list.
const DocumentPage = lazyPage(
  () => import('./pages/DocumentPage.tsx'),
  (m) => m.DocumentPage,
)
const ReadinessPage = lazyPage(
  () => import('./pages/ReadinessPage.tsx'),
  (m) => m.ReadinessPage,
)
const WisselwerkingPage = lazyPage(
  () => import('./pages/WisselwerkingPage.tsx'),
  (m) => m.WisselwerkingPage,
)
const VersionsPage = lazyPage(
  () => import('./pages/VersionsPage.tsx'),
  (m) => m.VersionsPage,
)
const RefusedChangesPage = lazyPage(
  () => import('./pages/RefusedChangesPage.tsx'),
  (m) => m.RefusedChangesPage,
)

/**
 * A page whose code loads on first use, with a status line while it does, and a message with a
 * reload when it cannot be loaded or shown (PageBoundary).
 */
function LazyPage({ loading, children }: { readonly loading: string; readonly children: ReactNode }) {
  return (
    <PageBoundary>
      <Suspense
        fallback={
          <p className="empty-state" role="status">
            {loading}
          </p>
        }
      >
        {children}
      </Suspense>
    </PageBoundary>
  )
}

export function App() {
  const { t } = useTranslation('common')
  return (
    <BrowserRouter>
      {/* The last resort, for a page without its own boundary: a message instead of an empty screen. */}
      <PageBoundary>
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
              path="document/:documentId/geweigerd"
              element={
                <LazyPage loading={t('loading.page')}>
                  <RefusedChangesPage />
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
      </PageBoundary>
    </BrowserRouter>
  )
}
