// The sign-off panel beside the document: every section with its state, its signers and history,
// and the actions this user may take. States come live from the Y.Doc mirror; who the user is as a
// signatory and the ledger come from the API, fetched again when the mirror changes. A signature
// covers the hash of the section as this browser shows it now (the shared `sectionHash` over the
// local Y.Doc) when the user confirms it in the sign dialog, so a text that changed on the server
// meanwhile is refused (409 content_changed).
// For someone who does not sign, the panel is the state of the sign-offs ("Ondertekening"), without
// the instructions for signing.
import { type LedgerEvent, OPEN_SECTION, type OrderedSection } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { reopenSection, requestSignoff, signSection } from '../../api/signoff.ts'
import { Icon } from '../../ui/Icon.tsx'
import type { CommentsStore } from '../comments/commentsStore.ts'
import { showThread } from '../comments/showThread.ts'
import { useOpenThreads } from '../comments/useOpenThreads.ts'
import { apiError, failedAnswerOf, ownWords, type ShownError } from './apiError.ts'
import { ReopenDialog, type ReopenTarget } from './ReopenDialog.tsx'
import { SignDialog, type SignTarget } from './SignDialog.tsx'
import { SignoffSectionItem } from './SignoffSectionItem.tsx'
import { sideName } from './signoffText.ts'
import { useSignoffMirror } from './useSignoffMirror.ts'
import { useSignoffOverview } from './useSignoffOverview.ts'

export interface SignoffPanelProps {
  readonly documentId: string
  readonly doc: Y.Doc
  readonly sections: readonly OrderedSection[]
  /** The user may edit the document. */
  readonly canEdit: boolean
  /** Synced, and every local change acknowledged: the server has the text this browser shows. */
  readonly upToDate: boolean
  /** The document's reactions, to show an open one from a section's item; null where there are none. */
  readonly commentsStore: CommentsStore | null
  /** Bumped when the user's rights changed (CollabState.rightsVersion): the overview is fetched again. */
  readonly rightsVersion: number
  readonly onClose: () => void
}

const NO_EVENTS: readonly LedgerEvent[] = []

export function SignoffPanel({
  documentId,
  doc,
  sections,
  canEdit,
  upToDate,
  commentsStore,
  rightsVersion,
  onClose,
}: SignoffPanelProps) {
  const { t } = useTranslation('signoff')
  const { states, version } = useSignoffMirror(doc)
  const { result, reload } = useSignoffOverview(documentId, version)
  // The user's rights changed (signatory or not): who they are here is asked again.
  const firstRights = useRef(rightsVersion)
  useEffect(() => {
    if (rightsVersion !== firstRights.current) reload()
  }, [rightsVersion, reload])
  const openThreads = useOpenThreads(doc)
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<ReadonlyMap<string, ShownError>>(new Map())
  const [message, setMessage] = useState('')
  // The section whose "Nu wacht de sectie op de andere partij" is said: once the other side has signed
  // too, the message says it is locked instead of waiting on.
  const [waitingOn, setWaitingOn] = useState<OrderedSection | null>(null)
  const [reopen, setReopen] = useState<ReopenTarget | null>(null)
  const [signing, setSigning] = useState<SignTarget | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const panelRef = useRef<HTMLElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const overview = result.state === 'ready' ? result.value : null
  const me = overview?.me ?? null
  // Until the overview says otherwise, as for someone who does not sign: no instructions for signing.
  const signs = me?.signatory === true
  const eventsBySection = useMemo(() => {
    const map = new Map<string, LedgerEvent[]>()
    for (const event of overview?.ledger ?? []) map.set(event.sectionId, [...(map.get(event.sectionId) ?? []), event])
    return map
  }, [overview])
  const verifiedBySection = useMemo(
    () => new Map((overview?.sections ?? []).map((s) => [s.sectionId, s.verified])),
    [overview],
  )

  const labelOf = (section: OrderedSection): string =>
    `§ ${section.number} ${section.title.toString() || t('untitled')}`

  const setError = (sectionId: string, error: ShownError | null): void =>
    setErrors((current) => {
      const next = new Map(current)
      if (error === null) next.delete(sectionId)
      else next.set(sectionId, error)
      return next
    })

  const run = async (section: OrderedSection, action: () => Promise<string>): Promise<ShownError | null> => {
    setBusy(section.id)
    setError(section.id, null)
    setMessage('')
    setWaitingOn(null)
    try {
      setMessage(await action())
      reload()
      return null
    } catch (error) {
      const shown = apiError(t, failedAnswerOf(error))
      setError(section.id, shown)
      return shown
    } finally {
      setBusy(null)
    }
  }

  const openSign = (section: OrderedSection): void => {
    if (!me?.side) return
    const mySide = me.side
    const state = states.get(section.id) ?? OPEN_SECTION
    setSigning({
      sectionId: section.id,
      sectionLabel: labelOf(section),
      side: mySide,
      other: state.signatures.find((s) => s.signer.side !== mySide) ?? null,
      openThreads: openThreads.get(section.id)?.count ?? 0,
    })
  }

  const submitSign = async (hash: string): Promise<ShownError | null> => {
    const section = sections.find((s) => s.id === signing?.sectionId)
    if (!section) return ownWords(t('errors.section_not_found'))
    return run(section, async () => {
      const answer = await signSection(documentId, section.id, hash)
      if (!answer.locked) setWaitingOn(section)
      return t(answer.locked ? 'done.locked' : 'done.waiting', { section: labelOf(section) })
    })
  }

  // After a dialog closed (its own clean-up gave the focus back to the button that opened it, if that is
  // still on the page): when that button is gone (the state changed meanwhile), keep the focus in the
  // panel, on the section's item. An effect, so it runs after the dialog has unmounted, however the
  // close was scheduled.
  const closedDialogOf = useRef<string | null>(null)
  const keepFocusAfterDialog = (sectionId: string): void => {
    closedDialogOf.current = sectionId
  }
  useEffect(() => {
    const sectionId = closedDialogOf.current
    if (sectionId === null || signing !== null || reopen !== null) return
    closedDialogOf.current = null
    const heading = headingRef.current
    const active = heading?.ownerDocument.activeElement
    if (heading && (!active || active === active.ownerDocument.body)) {
      const item = panelRef.current?.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(sectionId)}"] h3`)
      ;(item ?? heading).focus()
    }
  }, [signing, reopen])

  const handleRequest = (section: OrderedSection): void => {
    void run(section, async () => {
      await requestSignoff(documentId, section.id)
      return t('done.requested', { section: labelOf(section) })
    })
  }

  const openReopen = (section: OrderedSection, mode: 'request' | 'confirm'): void => {
    const request = (states.get(section.id) ?? OPEN_SECTION).reopenRequest
    setReopen({
      sectionId: section.id,
      sectionLabel: labelOf(section),
      mode,
      request: request ? { name: request.by.name, reason: request.reason } : null,
    })
  }

  const submitReopen = async (reason: string): Promise<ShownError | null> => {
    const section = sections.find((s) => s.id === reopen?.sectionId)
    if (!section) return ownWords(t('errors.section_not_found'))
    return run(section, async () => {
      const answer = await reopenSection(documentId, section.id, reason)
      return t(answer.reopened ? 'done.reopened' : 'done.reopenRequested', { section: labelOf(section) })
    })
  }

  // Escape closes the panel (the page puts the focus back on its toggle); inside a dialog Escape
  // belongs to the dialog.
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || reopen !== null || signing !== null || event.defaultPrevented) return
    event.preventDefault()
    onClose()
  }

  return (
    <section
      ref={panelRef}
      className="panel signoff-panel"
      data-testid="signoff-panel"
      aria-labelledby="signoff-panel-title"
      onKeyDown={handleKeyDown}
    >
      <div className="signoff-panel__head">
        <h2 id="signoff-panel-title" className="panel__title" ref={headingRef} tabIndex={-1}>
          {t(signs ? 'panel.title' : 'panel.titleOverview')}
        </h2>
        <Button
          type="button"
          appearance="subtle-button"
          className="signoff-panel__close"
          aria-label={t('panel.close')}
          title={t('panel.close')}
          onClick={onClose}
        >
          <Icon name="close" />
        </Button>
      </div>
      <p className="hint">
        {me?.signatory && me.side ? t('panel.introSignatory', { side: sideName(t, me.side) }) : t('panel.introReader')}
      </p>
      {result.state === 'failed' && (
        <div className="form-error" role="alert">
          <p>{result.status === 0 ? t('errors.unreachable') : t('panel.loadFailed')}</p>
          <Button type="button" appearance="subtle-button" onClick={reload}>
            {t('panel.retry')}
          </Button>
        </div>
      )}
      {me?.signatory && !upToDate && (
        <p className="signoff-panel__warning" data-testid="signoff-not-saved">
          {t('panel.notSaved')}
        </p>
      )}
      {/* What the last action did, said politely to screen readers too. */}
      <p className="signoff-panel__message" role="status" data-testid="signoff-message">
        {waitingOn !== null && states.get(waitingOn.id)?.locked
          ? t('done.locked', { section: labelOf(waitingOn) })
          : message}
      </p>
      <ol className="signoff-list" aria-label={t(signs ? 'panel.sections' : 'panel.sectionsOverview')}>
        {sections.map((section) => (
          <SignoffSectionItem
            key={section.id}
            sectionId={section.id}
            label={labelOf(section)}
            state={states.get(section.id) ?? OPEN_SECTION}
            verified={verifiedBySection.get(section.id) ?? true}
            me={me}
            canEdit={canEdit}
            events={overview === null ? null : (eventsBySection.get(section.id) ?? NO_EVENTS)}
            openThreads={openThreads.get(section.id)?.count ?? 0}
            onShowOpen={
              commentsStore === null
                ? null
                : () => {
                    const oldest = openThreads.get(section.id)?.oldest
                    if (oldest !== undefined) showThread(commentsStore, { id: oldest, sectionId: section.id })
                  }
            }
            busy={busy === section.id}
            error={errors.get(section.id) ?? null}
            onSign={() => openSign(section)}
            onReopen={(mode) => openReopen(section, mode)}
            onRequest={() => handleRequest(section)}
          />
        ))}
      </ol>
      {reopen && (
        <ReopenDialog
          key={reopen.sectionId}
          target={reopen}
          onSubmit={submitReopen}
          onClose={() => {
            setReopen(null)
            keepFocusAfterDialog(reopen.sectionId)
          }}
        />
      )}
      {signing && (
        <SignDialog
          key={signing.sectionId}
          target={signing}
          doc={doc}
          upToDate={upToDate}
          onSubmit={submitSign}
          onClose={() => {
            setSigning(null)
            keepFocusAfterDialog(signing.sectionId)
          }}
        />
      )}
    </section>
  )
}
