// One message of a thread: who (name, organisation), when (dd-mm-jjjj HH:mm), the text, and for the
// author's own messages "Bewerken" and "Verwijderen". A deleted message stays as "bericht verwijderd".
// An edit being written is kept as a draft (useFormDraft.ts): Escape puts it aside ("Concept bewaard"
// beside "Bewerken"), another page does not lose it; only saving it or "Annuleren" does.
import type { CommentMessage } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteMessage, editMessage } from '../../api/comments.ts'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { useFocusRequest } from '../../ui/useFocusRequest.ts'
import { useLeaveGuard } from '../../ui/useLeaveGuard.ts'
import { apiErrorText } from './apiErrorText.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { mentionsIn } from './commentText.ts'
import { DraftNote, describedByOf } from './DraftNote.tsx'
import { FormError } from './FormError.tsx'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { MessageBody } from './MessageBody.tsx'
import { useFormDraft } from './useFormDraft.ts'

export interface MessageItemProps {
  readonly threadId: string
  readonly message: CommentMessage
  readonly first: boolean
}

export function MessageItem({ threadId, message, first }: MessageItemProps) {
  const { t, i18n } = useTranslation('comments')
  const context = useCommentsContext()
  const edit = useFormDraft(context?.drafts ?? null, { kind: 'edit', messageId: message.id }, message.body)
  // A deleted message shows no form, whatever was kept for it.
  const editing = edit.open && !message.deleted
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useLeaveGuard(editing && edit.unsent)
  const editButtonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const focusField = useFocusRequest(fieldRef)
  const errorId = useId()
  const draftNoteId = useId()
  const keptNoteId = useId()
  // "Bewerken" takes the focus back once it is rendered again (after saving, a later render).
  const focusEditButton = useRef(false)
  useEffect(() => {
    if (editing || !focusEditButton.current) return
    focusEditButton.current = false
    editButtonRef.current?.focus()
  }, [editing])
  if (context === null) return null
  const own = message.author.userId === context.me.id && !message.deleted

  // Saved or "Annuleren": the form closes and forgets the edit.
  const stopEditing = (): void => {
    focusEditButton.current = true
    edit.close()
    setError(null)
  }
  // Escape: the form closes and the edit waits for "Bewerken" (when the browser can keep it).
  const putEditAside = (): void => {
    if (!edit.putAside()) return
    focusEditButton.current = true
    setError(null)
  }

  const save = async (): Promise<void> => {
    const body = edit.text.trim()
    if (body === '') {
      setError(t('message.empty'))
      return
    }
    setBusy(true)
    try {
      await editMessage(context.documentId, threadId, message.id, { body, mentions: mentionsIn(body, context.members) })
      stopEditing()
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('message.saveFailed')))
    } finally {
      setBusy(false)
    }
  }

  const remove = async (): Promise<void> => {
    if (!window.confirm(t('message.confirmDelete'))) return
    setBusy(true)
    try {
      await deleteMessage(context.documentId, threadId, message.id)
      setError(null)
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('message.deleteFailed')))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="comment-message" data-testid="comment-message" data-message-id={message.id}>
      <p className="comment-message__meta">
        <span className="comment-message__author" translate="no">
          {message.author.name}
        </span>
        <span aria-hidden="true">{' · '}</span>
        <span className="comment-message__org" translate="no">
          {message.author.organisationName}
        </span>
        <span aria-hidden="true">{' · '}</span>
        <span className="comment-message__date">
          <time dateTime={new Date(message.at).toISOString()}>{formatDateTime(message.at)}</time>
          {message.editedAt !== null && !message.deleted && ` ${t('message.edited')}`}
        </span>
        {first && <span className="visually-hidden"> {t('message.openedThread')}</span>}
      </p>
      {message.deleted ? (
        <p className="comment-message__body comment-message__body--deleted">{t('message.deleted')}</p>
      ) : editing ? (
        <form
          className="comment-form comment-form--inline"
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <MentionTextarea
            ref={fieldRef}
            value={edit.text}
            onChange={edit.change}
            members={context.members}
            label={t('message.editField')}
            onSubmit={() => void save()}
            onEscape={putEditAside}
            invalid={error !== null}
            describedBy={describedByOf(draftNoteId, edit, errorId, error)}
          />
          <DraftNote id={draftNoteId} restored={edit.restored} notKept={edit.notKept} />
          <div className="comment-form__buttons">
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {t('common:save')}
            </Button>
            <Button appearance="secondary-action-button" onClick={stopEditing}>
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <MessageBody body={message.body} />
      )}
      {own && !editing && (
        <div className="comment-message__actions">
          <Button
            ref={editButtonRef}
            appearance="subtle-button"
            data-testid="comment-edit"
            aria-describedby={edit.waiting ? keptNoteId : undefined}
            onClick={() => {
              edit.start()
              focusField()
            }}
          >
            {t('message.edit')}
          </Button>
          {edit.waiting && (
            <span id={keptNoteId} className="comment-draft-kept" data-testid="comment-draft-kept">
              {t('draft.kept')}
            </span>
          )}
          <Button appearance="subtle-button" data-testid="comment-delete" disabled={busy} onClick={() => void remove()}>
            {t('message.delete')}
          </Button>
        </div>
      )}
      <FormError id={errorId} message={error} />
    </li>
  )
}
