// One message of a thread: who (name, organisation), when (dd-mm-jjjj HH:mm), the text, and for the
// author's own messages "Bewerken" and "Verwijderen". A deleted message stays as "bericht verwijderd".
import type { CommentMessage } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteMessage, editMessage } from '../../api/comments.ts'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { useLeaveGuard } from '../../ui/useLeaveGuard.ts'
import { apiErrorText } from './apiErrorText.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { mentionsIn } from './commentText.ts'
import { FormError } from './FormError.tsx'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { MessageBody } from './MessageBody.tsx'

export interface MessageItemProps {
  readonly threadId: string
  readonly message: CommentMessage
  readonly first: boolean
}

export function MessageItem({ threadId, message, first }: MessageItemProps) {
  const { t, i18n } = useTranslation('comments')
  const context = useCommentsContext()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(message.body)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useLeaveGuard(editing && text !== message.body)
  const editButtonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const errorId = useId()
  // "Bewerken" takes the focus back once it is rendered again (after saving, a later render).
  const focusEditButton = useRef(false)
  useEffect(() => {
    if (editing || !focusEditButton.current) return
    focusEditButton.current = false
    editButtonRef.current?.focus()
  }, [editing])
  if (context === null) return null
  const own = message.author.userId === context.me.id && !message.deleted

  const stopEditing = (): void => {
    focusEditButton.current = true
    setEditing(false)
    setText(message.body)
    setError(null)
  }

  const save = async (): Promise<void> => {
    const body = text.trim()
    if (body === '') {
      setError(t('message.empty'))
      return
    }
    setBusy(true)
    try {
      await editMessage(context.documentId, threadId, message.id, { body, mentions: mentionsIn(body, context.members) })
      focusEditButton.current = true
      setEditing(false)
      setError(null)
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
            value={text}
            onChange={setText}
            members={context.members}
            label={t('message.editField')}
            onSubmit={() => void save()}
            onCancel={stopEditing}
            invalid={error !== null}
            describedBy={error !== null ? errorId : undefined}
          />
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
            onClick={() => {
              setText(message.body)
              setEditing(true)
              requestAnimationFrame(() => fieldRef.current?.focus())
            }}
          >
            {t('message.edit')}
          </Button>
          <Button appearance="subtle-button" data-testid="comment-delete" disabled={busy} onClick={() => void remove()}>
            {t('message.delete')}
          </Button>
        </div>
      )}
      <FormError id={errorId} message={error} />
    </li>
  )
}
