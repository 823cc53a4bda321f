// The sign-off panel beside the document: every section with its state, its signers and history,
// and the actions this user may take. States come live from the Y.Doc mirror; who the user is as a
// signatory and the ledger come from the API, fetched again when the mirror changes. A signature
// covers the hash of the section as this browser shows it now (the shared `sectionHash` over the
// local Y.Doc), so a text that changed on the server meanwhile is refused (409 content_changed).
import {
  getSection,
  type LedgerEvent,
  OPEN_SECTION,
  type OrderedSection,
  type SectionId,
  sectionHash,
} from '@novex/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { reopenSection, requestSignoff, SignoffApiError, signSection } from '../../api/signoff.ts'
import { Icon } from '../../ui/Icon.tsx'
import { ReopenDialog, type ReopenTarget } from './ReopenDialog.tsx'
import { SignoffSectionItem } from './SignoffSectionItem.tsx'
import { SIDE_NAME } from './signoffText.ts'
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
  readonly onClose: () => void
}

const NO_EVENTS: readonly LedgerEvent[] = []

export function SignoffPanel({ documentId, doc, sections, canEdit, upToDate, onClose }: SignoffPanelProps) {
  const { states, version } = useSignoffMirror(doc)
  const { result, reload } = useSignoffOverview(documentId, version)
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map())
  const [message, setMessage] = useState('')
  const [reopen, setReopen] = useState<ReopenTarget | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const overview = result.state === 'ready' ? result.value : null
  const me = overview?.me ?? null
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
    `§ ${section.number} ${section.title.toString() || '(zonder titel)'}`

  const setError = (sectionId: string, error: string | null): void =>
    setErrors((current) => {
      const next = new Map(current)
      if (error === null) next.delete(sectionId)
      else next.set(sectionId, error)
      return next
    })

  const run = async (section: OrderedSection, action: () => Promise<string>): Promise<string | null> => {
    setBusy(section.id)
    setError(section.id, null)
    setMessage('')
    try {
      setMessage(await action())
      reload()
      return null
    } catch (error) {
      const text = errorText(error)
      setError(section.id, text)
      return text
    } finally {
      setBusy(null)
    }
  }

  const handleSign = (section: OrderedSection): void => {
    void run(section, async () => {
      const view = getSection(doc, section.id as SectionId)
      if (view === null) throw new Error('Deze sectie bestaat niet meer.')
      const answer = await signSection(documentId, section.id, sectionHash(view))
      return answer.locked
        ? `${labelOf(section)} is door beide partijen ondertekend en nu vergrendeld.`
        : `U heeft ${labelOf(section)} ondertekend. Nu wacht de sectie op de andere partij.`
    })
  }

  const handleRequest = (section: OrderedSection): void => {
    void run(section, async () => {
      await requestSignoff(documentId, section.id)
      return `De ondertekenaars is gevraagd ${labelOf(section)} te ondertekenen.`
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

  const submitReopen = async (reason: string): Promise<string | null> => {
    const section = sections.find((s) => s.id === reopen?.sectionId)
    if (!section) return 'Deze sectie bestaat niet meer.'
    return run(section, async () => {
      const answer = await reopenSection(documentId, section.id, reason)
      return answer.reopened
        ? `${labelOf(section)} is heropend en kan weer worden bewerkt.`
        : `Uw verzoek tot heropenen van ${labelOf(section)} is verstuurd. Het wacht op de andere partij.`
    })
  }

  return (
    <section className="panel signoff-panel" data-testid="signoff-panel" aria-labelledby="signoff-panel-title">
      <div className="signoff-panel__head">
        <h2 id="signoff-panel-title" className="panel__title" ref={headingRef} tabIndex={-1}>
          Ondertekenen
        </h2>
        <button type="button" className="icon-button" aria-label="Ondertekenpaneel sluiten" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <p className="hint">
        {me?.signatory && me.side
          ? `U ondertekent voor ${SIDE_NAME[me.side]}. Een sectie is vergrendeld als het Rijk en de provincie dezelfde tekst hebben ondertekend.`
          : 'Een sectie is vergrendeld als het Rijk en de provincie dezelfde tekst hebben ondertekend. U kunt zelf niet ondertekenen.'}
      </p>
      {result.state === 'failed' && (
        <div className="form-error" role="alert">
          <p>{result.message}</p>
          <button type="button" className="link-button" onClick={reload}>
            Opnieuw proberen
          </button>
        </div>
      )}
      {me?.signatory && !upToDate && (
        <p className="signoff-panel__warning" data-testid="signoff-not-saved">
          Uw laatste wijzigingen zijn nog niet opgeslagen. Wacht op “Opgeslagen” voordat u ondertekent: u ondertekent de
          tekst zoals de server die heeft.
        </p>
      )}
      {message && <p className="signoff-panel__message">{message}</p>}
      <ol className="signoff-list">
        {sections.map((section) => (
          <SignoffSectionItem
            key={section.id}
            sectionId={section.id}
            label={labelOf(section)}
            state={states.get(section.id) ?? OPEN_SECTION}
            verified={verifiedBySection.get(section.id) ?? true}
            me={me}
            canEdit={canEdit}
            events={eventsBySection.get(section.id) ?? NO_EVENTS}
            busy={busy === section.id}
            error={errors.get(section.id) ?? null}
            onSign={() => handleSign(section)}
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
            // When the button that opened the dialog is gone (the state changed), keep the focus in the panel.
            queueMicrotask(() => {
              const active = headingRef.current?.ownerDocument.activeElement
              if (!active || active === active.ownerDocument.body) headingRef.current?.focus()
            })
          }}
        />
      )}
    </section>
  )
}

function errorText(error: unknown): string {
  // The server's message for content_changed already tells what to do ("Lees de nieuwe tekst …").
  if (error instanceof SignoffApiError && error.code === 'content_changed' && !error.message) {
    return 'De tekst is gewijzigd sinds u hem las. Lees de nieuwe tekst en onderteken opnieuw.'
  }
  if (error instanceof Error) return error.message
  return 'Dat lukte niet. Probeer het opnieuw.'
}
