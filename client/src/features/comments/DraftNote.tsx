// The line in a comment form about its draft (commentDrafts.ts): that the text in it was kept from
// before and how to throw it away, or that this browser cannot keep it (then Escape leaves the form
// open, so it is said at once: role="alert"). The field points to it (aria-describedby), so a screen
// reader says it when the field takes the focus.
import { useTranslation } from 'react-i18next'

export interface DraftNoteProps {
  readonly id: string
  readonly restored: boolean
  readonly notKept: boolean
}

export function DraftNote({ id, restored, notKept }: DraftNoteProps) {
  const { t } = useTranslation('comments')
  if (notKept) {
    return (
      <p id={id} className="comment-draft-note comment-draft-note--warning" role="alert">
        {t('draft.notKept')}
      </p>
    )
  }
  if (!restored) return null
  return (
    <p id={id} className="comment-draft-note" data-testid="comment-draft-restored">
      {t('draft.restored')}
    </p>
  )
}

/** The ids a form's field is described by: the draft's line when it shows, and the error when there is one. */
export function describedByOf(
  draftNoteId: string,
  draft: { readonly restored: boolean; readonly notKept: boolean },
  errorId: string,
  error: string | null,
): string | undefined {
  const ids = [draft.restored || draft.notKept ? draftNoteId : null, error !== null ? errorId : null]
  return ids.filter((id) => id !== null).join(' ') || undefined
}
