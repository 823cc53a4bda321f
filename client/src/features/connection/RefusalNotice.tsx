// Tells the user, unmistakably, that the server refused a change of theirs, why, and what the page
// does about it: it rebuilds the document from the server's state and replays the user's other
// changes (collab/replayPending). Text that could not be replayed (a signed-off section) is shown in
// a dialog to copy; everything else is a notice. Refused because the user may only read (the role
// changed while changes were waiting), the notice offers the text the server has not confirmed to copy,
// and then to drop it (DiscardUnsaved), since this page can never send it.
// Screen readers hear it through RefusalAnnouncer.
import { RefusalReason } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { NumberedRefusal } from '../../collab/createCollab.ts'
import type { Recovery } from '../../collab/refusalRecovery.ts'
import type { UnsavedSection } from '../../collab/unsavedText.ts'
import { DiscardUnsaved } from './DiscardUnsaved.tsx'
import { RefusedDialog, type RefusedDialogProps } from './RefusedDialog.tsx'
import { refusalText } from './refusalText.ts'
import { focusSectionIfLost } from './restoreFocus.ts'
import { UnsavedTextCopy } from './UnsavedTextCopy.tsx'

export interface RefusalNoticeProps {
  readonly refusals: readonly NumberedRefusal[]
  readonly onDismiss: (id: number) => void
  readonly onPostAsComment?: RefusedDialogProps['onPostAsComment']
  /** The text not confirmed by the server (Collab.unsavedSections); null when it cannot be told. */
  readonly unsaved?: () => readonly UnsavedSection[] | null
  /** Drops the changes refused as read-only (Collab.discardUnsaved). */
  readonly onDiscard?: () => void
}

export function RefusalNotice({ refusals, onDismiss, onPostAsComment, unsaved, onDiscard }: RefusalNoticeProps) {
  const { t } = useTranslation('connection')
  const { documentId = '' } = useParams()
  const latest = refusals.at(-1)
  const replayed = latest?.recovery?.phase === 'replayed' ? latest.recovery : null
  // The rebuild replaced the editors and took the caret with it: back into the section the user was
  // in (the dialog, when there is one, does this when it closes).
  useEffect(() => {
    if (replayed === null || replayed.refused.length > 0) return
    const timer = setTimeout(() => focusSectionIfLost(document, replayed.section, replayed.caret), 0)
    return () => clearTimeout(timer)
  }, [replayed])
  if (!latest) return null
  const dismissAll = (): void => {
    for (const r of refusals) onDismiss(r.id)
  }
  const withText = refusals.findLast((r) => r.recovery?.phase === 'replayed' && r.recovery.refused.length > 0)
  if (withText?.recovery?.phase === 'replayed') {
    return (
      <RefusedDialog
        key={withText.id}
        sections={withText.recovery.refused}
        section={withText.recovery.section}
        onClose={dismissAll}
        {...(onPostAsComment ? { onPostAsComment } : {})}
      />
    )
  }
  const titleId = `refusal-${latest.id}-title`
  const recovery = latest.recovery
  return (
    // A notice in a fixed place, not a modal: it must be seen wherever the user has scrolled to,
    // without taking the keyboard focus away from the text they are typing. It is announced politely
    // by RefusalAnnouncer (a live region that exists before the notice does).
    <section
      className="notice notice--error notice--floating"
      aria-labelledby={titleId}
      data-testid="refusal"
      data-reason={latest.reason}
      data-recovery={recovery?.phase ?? 'none'}
    >
      <h2 id={titleId} className="notice__title">
        {t('refusal.title')}
      </h2>
      <p>{refusalText(t, latest.reason)}</p>
      {recovery && <p>{recoveryText(t, recovery)}</p>}
      {latest.detail && (
        <p className="notice__detail">
          <Trans
            t={t}
            i18nKey="refusal.serverDetail"
            values={{ detail: latest.detail }}
            components={[<span key="detail" lang="nl" translate="no" />]}
          />
        </p>
      )}
      {refusals.length > 1 && <p className="notice__detail">{t('refusal.times', { count: refusals.length })}</p>}
      {/* Refused for read-only access, the changes stay in the page and can never be sent from it. */}
      {unsaved && latest.reason === RefusalReason.readOnly && unsaved() !== null && (
        <UnsavedTextCopy read={() => unsaved() ?? []} />
      )}
      {onDiscard && latest.reason === RefusalReason.readOnly && <DiscardUnsaved onDiscard={onDiscard} />}
      {/* The server keeps the text of what it refused: later, on a page of its own. */}
      {documentId !== '' && (
        <p className="notice__detail">
          <Link to={`/document/${encodeURIComponent(documentId)}/geweigerd`}>{t('refusedList.link')}</Link>
        </p>
      )}
      {recovery?.phase !== 'rebuilding' && (
        <Button type="button" appearance="secondary-action-button" onClick={dismissAll}>
          {t('common:understood')}
        </Button>
      )}
    </section>
  )
}

function recoveryText(t: (key: string) => string, recovery: Recovery): string {
  return t(`refusal.recovery.${recovery.phase}`)
}
