// One document, edited together: title, kind and senders, connection and save status, who is here, the
// table of contents, the sections with their editors, and the sign-off panel, the readiness link and
// the dossier export; a link to one comment thread (`?reactie=`) opens that thread. Document titles and
// names are user content (translate="no").
import {
  type Access,
  CloseCode,
  isDocumentId,
  isFrozenStatus,
  PANEL_PARAM,
  readinessPath,
  SIGNOFF_PANEL,
  versionsPath,
} from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useCallback, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { fetchDocument } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import type { Collab } from '../collab/createCollab.ts'
import { localUserFor } from '../collab/localUser.ts'
import { saveStatusOf } from '../collab/saveStatus.ts'
import { untilSaved } from '../collab/untilSaved.ts'
import { useCollab } from '../collab/useCollab.ts'
import { useCollabValue } from '../collab/useCollabValue.ts'
import { useOrderedSections } from '../collab/useOrderedSections.ts'
import { usePresence } from '../collab/usePresence.ts'
import { CommentsPanel } from '../features/comments/CommentsPanel.tsx'
import { CommentsScope, useCommentsSetup } from '../features/comments/CommentsScope.tsx'
import { CommentsSkipLink } from '../features/comments/CommentsSkipLink.tsx'
import { ThreadLinkNotice } from '../features/comments/ThreadLinkNotice.tsx'
import { useCommentsPanelKeys } from '../features/comments/useCommentsPanelKeys.ts'
import { useOpenThreads } from '../features/comments/useOpenThreads.ts'
import { useThreadLink } from '../features/comments/useThreadLink.ts'
import { AccessNotice } from '../features/connection/AccessNotice.tsx'
import { ConnectionNotice } from '../features/connection/ConnectionNotice.tsx'
import { postRefusedAsComment } from '../features/connection/postRefusedAsComment.ts'
import { RefusalAnnouncer } from '../features/connection/RefusalAnnouncer.tsx'
import { RefusalNotice } from '../features/connection/RefusalNotice.tsx'
import { SaveStatusIndicator } from '../features/connection/SaveStatusIndicator.tsx'
import { ExportDossier } from '../features/export/ExportDossier.tsx'
import { KnownTargetsContext, knownTargetsOf } from '../features/links/knownTargets.ts'
import { LinksScope } from '../features/links/LinksScope.tsx'
import { SectionHashFocus } from '../features/links/SectionHashFocus.tsx'
import { useLinksStore } from '../features/links/useLinksStore.ts'
import { PresenceAnnouncer } from '../features/presence/PresenceAnnouncer.tsx'
import { PresenceList } from '../features/presence/PresenceList.tsx'
import { RoundStatus } from '../features/review/RoundStatus.tsx'
import { FindReplaceBar } from '../features/search/FindReplaceBar.tsx'
import { createSectionEditorRegistry } from '../features/search/sectionEditors.ts'
import { useFindBar } from '../features/search/useFindBar.ts'
import { ComponentCheck } from '../features/sections/ComponentCheck.tsx'
import { DocumentSections } from '../features/sections/DocumentSections.tsx'
import type { ReadOnlyWhy } from '../features/sections/SectionsContext.ts'
import { TableOfContents } from '../features/sections/TableOfContents.tsx'
import { SignoffAnnouncer } from '../features/signoff/SignoffAnnouncer.tsx'
import { SignoffPanel, type SignoffPanelProps } from '../features/signoff/SignoffPanel.tsx'
import { signoffToggle } from '../features/signoff/signoffToggle.ts'
import { useSignatory } from '../features/signoff/useSignatory.ts'
import { StatusBadge } from '../features/status/StatusBadge.tsx'
import { useDocumentStatus, useShownStatus } from '../features/status/useDocumentStatus.ts'
import { WisselwerkingLinks } from '../features/wisselwerking/WisselwerkingLinks.tsx'
import { CoSenders } from '../layout/CoSenders.tsx'
import { useSessionUser } from '../session/SessionContext.ts'
import { type UnsavedWork, useUnsavedWork } from '../session/unsavedWork.ts'
import { Breadcrumb } from '../ui/Breadcrumb.tsx'
import { usePlaceOf } from '../ui/usePlaceOf.ts'
import { DocumentShortcuts } from './DocumentShortcuts.tsx'
import { documentLoadFailure } from './documentLoadFailure.tsx'

/** A router link that looks like the NL Design System's secondary button, like the buttons beside it. */
const BUTTON_LINK = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action'

export function DocumentPage() {
  const { t } = useTranslation('documents')
  const { t: connectionText } = useTranslation('connection')
  const { t: searchText } = useTranslation('search')
  const placeOf = usePlaceOf()
  const { documentId = '' } = useParams()
  const validId = isDocumentId(documentId)
  const meta = useApi((signal) => fetchDocument(documentId, signal), documentId)
  const missing = !validId || (meta.state === 'failed' && meta.status === 404)
  const session = useSessionUser()
  const user = useMemo(() => (session ? localUserFor(session) : null), [session])
  // Opened at once, not after the metadata: offline, the local copy is all there is.
  const collab = useCollab(missing || !user ? null : documentId, user)
  // Each part of the connection state on its own: the save state changes with every keystroke, and
  // only the save indicator (and an open sign-off panel) shows it.
  const access = useCollabValue(collab, (s) => s.access)
  const storageFault = useCollabValue(collab, (s) => s.storageFault)
  const unavailable = useCollabValue(collab, (s) => s.unavailable)
  const closed = useCollabValue(collab, (s) => s.closed)
  const refusals = useCollabValue(collab, (s) => s.refusals)
  const synced = useCollabValue(collab, (s) => s.synced)
  const rightsVersion = useCollabValue(collab, (s) => s.rightsVersion)
  const loading = useCollabValue(collab, (s) => !s.localLoaded || !s.synced)
  const sections = useOrderedSections(collab?.doc ?? null)
  const openThreads = useOpenThreads(collab?.doc ?? null)
  const { status: liveStatus } = useDocumentStatus(collab?.doc ?? null)
  // Until this page's copy synced, the server's status: a copy from an earlier visit may be behind.
  const status = useShownStatus(documentId, liveStatus, synced, meta.state === 'ready' ? meta.value.status : undefined)
  const participants = usePresence(collab?.awareness ?? null)
  const [searchParams, setSearchParams] = useSearchParams()
  const panelOpen = searchParams.get(PANEL_PARAM) === SIGNOFF_PANEL
  const panelToggleRef = useRef<HTMLButtonElement>(null)
  // "Ondertekenen" for a signatory, "Ondertekening" (the state of the sign-offs) for everyone else.
  const panelToggle = signoffToggle(useSignatory(documentId, synced, rightsVersion))
  const isLive = useCallback(() => collab?.state.get().synced ?? false, [collab])
  const editors = useMemo(() => createSectionEditorRegistry(), [])
  const find = useFindBar()
  const whenSaved = useCallback(
    (signal: AbortSignal) =>
      collab === null ? Promise.reject(new Error('no document')) : untilSaved(collab.state, signal),
    [collab],
  )
  // "Uitloggen" waits for what this page changed and the server does not hold yet (LogoutWaitDialog).
  const unsavedWork = useMemo<UnsavedWork | null>(
    () =>
      collab === null
        ? null
        : {
            isSaved: () => collab.state.get().saved,
            untilSaved: whenSaved,
            canSave: () => {
              const status = saveStatusOf(collab.state.get())
              return status !== 'offline' && status !== 'notSaved'
            },
            latestRefusal: () => collab.state.get().refusals.at(-1)?.id ?? 0,
            subscribe: collab.state.subscribe,
          },
    [collab, whenSaved],
  )
  useUnsavedWork(unsavedWork)
  // Comments: everyone but read-only members may comment (the server checks it again).
  const comments = useCommentsSetup({
    documentId,
    doc: collab?.doc ?? null,
    me: session,
    canComment: access !== 'read',
    canEdit: access === 'edit',
    untilSaved: whenSaved,
    rightsVersion,
  })
  // A link to one thread (`?reactie=`, from a notification e-mail) opens it once the document is synced.
  const threadLink = useThreadLink(comments?.store ?? null, synced)
  // Ctrl+Alt+Shift+A between the text and the comments panel; Escape in the panel back to the text.
  useCommentsPanelKeys(comments?.store ?? null)
  const linksStore = useLinksStore(documentId, collab && user ? collab.doc : null)
  // Names the links in refused or unsaved text that go to other documents (the connection notices).
  const knownTargets = useMemo(() => knownTargetsOf(linksStore), [linksStore])
  const setPanelOpen = (open: boolean): void => {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params)
        if (open) next.set(PANEL_PARAM, SIGNOFF_PANEL)
        else next.delete(PANEL_PARAM)
        return next
      },
      { replace: true },
    )
    if (!open) panelToggleRef.current?.focus()
  }

  const failure = documentLoadFailure(validId, meta)
  if (failure) return failure

  const document = meta.state === 'ready' ? meta.value : null
  // The title is user content, in Dutch (lang: also its hyphenation, document.css); while it loads the
  // page says so in the interface language.
  const title = document?.title ?? (meta.state === 'loading' ? null : documentId)
  const shownTitle =
    title === null ? (
      t('page.loadingTitle')
    ) : (
      <span lang="nl" translate="no">
        {title}
      </span>
    )
  const isPerspective = document?.kind === 'ontwikkelperspectief'
  // Ter instemming or adopted: nobody changes the text (the server refuses it too).
  const frozen = isPerspective && isFrozenStatus(status)
  // Closed for good without access (or with the document gone): typing here could never be saved.
  const shut = closed !== null && closed.code !== CloseCode.unauthenticated
  const editable = (access === null || access === 'edit') && !frozen && !shut
  const readOnlyWhy = readOnlyReason({ editable, storageFault, frozen, access, shut })
  const others = participants.filter((p) => !p.isSelf)

  return (
    <KnownTargetsContext value={knownTargets}>
      <div className={`document-page${panelOpen ? ' document-page--with-panel' : ''}`}>
        <title>{t('common:pageTitle', { page: title ?? t('page.loadingTitle') })}</title>
        {comments && <CommentsSkipLink />}
        <div className="document-main">
          <Breadcrumb label={t('page.breadcrumb')} steps={[{ to: '/', label: t('list.title') }]} current={shownTitle} />
          {document && <CoSenders document={document} />}
          <h1 className="document-title">{shownTitle}</h1>
          {document && (
            <p className="document-kind">
              {t(`kind.${document.kind}`)}
              {placeOf(document) && ` · ${placeOf(document)}`}
            </p>
          )}
          {isPerspective && <StatusBadge status={status} />}
          <div className="document-actions">
            <Button
              type="button"
              ref={panelToggleRef}
              appearance={panelToggle.appearance}
              className="document-actions__button"
              data-testid="open-signoff"
              aria-expanded={panelOpen}
              aria-controls={panelOpen ? 'signoff-panel' : undefined}
              onClick={() => setPanelOpen(!panelOpen)}
            >
              {t(panelToggle.label)}
            </Button>
            {document?.kind === 'ontwikkelperspectief' && (
              <Link className={BUTTON_LINK} to={readinessPath(documentId)} data-testid="readiness-link">
                {t('page.readiness')}
              </Link>
            )}
            <ExportDossier documentId={documentId} />
            {document && <WisselwerkingLinks document={document} />}
            <Link className={BUTTON_LINK} to={versionsPath(documentId)} data-testid="versions-link">
              {t('page.versions')}
            </Link>
            <Button
              type="button"
              ref={find.toggleRef}
              appearance="secondary-action-button"
              data-testid="open-find"
              aria-expanded={find.open !== null}
              aria-keyshortcuts="Control+H"
              onClick={() => (find.open ? find.close(null) : find.show())}
            >
              {searchText('open')}
            </Button>
          </div>
          <RoundStatus documentId={documentId} doc={collab?.doc ?? null} comments={comments} />
          <ThreadLinkNotice missing={threadLink.missing} />
          <div className="document-toolbar">
            <SaveStatusIndicator collab={collab} />
            {others.length > 0 && (
              <p className="document-toolbar__people">{t('page.others', { count: others.length })}</p>
            )}
          </div>
          {find.open && (
            <FindReplaceBar
              editors={editors}
              canReplace={editable}
              initialSearch={find.open.initialSearch}
              focusRequest={find.open.focusRequest}
              onClose={find.close}
            />
          )}
          {document?.kind === 'ontwikkelperspectief' && sections.length > 0 && <ComponentCheck sections={sections} />}
          <TableOfContents sections={sections} openThreads={openThreads} />
          <div className="floating-notices">
            <ConnectionNotice closed={closed} unsaved={collab ? () => collab.unsavedSections() : undefined} />
            {collab && (
              <RefusalNotice
                refusals={refusals}
                onDismiss={collab.dismissRefusal}
                unsaved={() => collab.unsavedSections()}
                onDiscard={() => collab.discardUnsaved()}
                {...(access === 'edit' || access === 'comment'
                  ? {
                      onPostAsComment: (refused) =>
                        postRefusedAsComment(connectionText, documentId, collab.doc, refused, knownTargets),
                    }
                  : {})}
              />
            )}
          </div>
          <RefusalAnnouncer refusals={refusals} />
          <PresenceAnnouncer participants={participants} live={synced} />
          <AccessNotice access={access} storageFault={storageFault} unavailable={unavailable} />
          {collab && user && (
            <CommentsScope value={comments}>
              {/* Section links: live titles and states, the picker, backlinks (docs/links.md). */}
              <LinksScope store={linksStore} canEdit={editable} kind={document?.kind ?? null}>
                <DocumentSections
                  documentId={documentId}
                  doc={collab.doc}
                  awareness={collab.awareness}
                  sections={sections}
                  others={others}
                  editable={editable}
                  readOnlyWhy={readOnlyWhy}
                  user={user}
                  loading={loading}
                  editors={editors}
                />
              </LinksScope>
            </CommentsScope>
          )}
        </div>
        {collab && <SignoffAnnouncer doc={collab.doc} isLive={isLive} />}
        <SectionHashFocus />
        <aside className="document-side" aria-label={t('page.side')}>
          {panelOpen && collab && (
            <div id="signoff-panel">
              <LiveSignoffPanel
                collab={collab}
                documentId={documentId}
                doc={collab.doc}
                sections={sections}
                canEdit={editable}
                commentsStore={comments?.store ?? null}
                rightsVersion={rightsVersion}
                onClose={() => setPanelOpen(false)}
              />
            </div>
          )}
          <CommentsPanel comments={comments} sections={sections} isLive={isLive} />
          <div className="panel">
            <h2 className="panel__title">{t('page.present')}</h2>
            <PresenceList participants={participants} sections={sections} />
          </div>
          <DocumentShortcuts canEdit={editable} canComment={access !== 'read'} seesComments={comments !== null} />
        </aside>
      </div>
    </KnownTargetsContext>
  )
}

/** The sign-off panel with the save state it needs; only it re-renders while the user types. */
function LiveSignoffPanel({ collab, ...props }: Omit<SignoffPanelProps, 'upToDate'> & { readonly collab: Collab }) {
  const upToDate = useCollabValue(collab, (s) => s.synced && s.saved)
  return <SignoffPanel {...props} upToDate={upToDate} />
}

/** Why the text cannot be changed here, or null when it can (see ReadOnlyWhy). */
function readOnlyReason(page: {
  readonly editable: boolean
  readonly storageFault: boolean
  readonly frozen: boolean
  readonly access: Access | null
  /** The server closed the page for good, other than for an ended session (whose typing is sent after login). */
  readonly shut: boolean
}): ReadOnlyWhy | null {
  if (page.editable) return null
  if (page.storageFault) return 'storage'
  if (page.shut) return 'closed'
  if (page.frozen) return 'frozen'
  return page.access === 'comment' ? 'comment' : 'read'
}
