// One message of a thread: who (name, organisation), when (dd-mm-jjjj HH:mm), the text, and for the
// author's own messages "Bewerken" and "Verwijderen". A deleted message stays as "bericht verwijderd".
import type { CommentMessage } from '@novex/shared'
import { useId, useRef, useState } from 'react'
import { deleteMessage, editMessage } from '../../api/comments.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { formatDateTime, mentionsIn } from './commentText.ts'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { MessageBody } from './MessageBody.tsx'

export interface MessageItemProps {
  readonly threadId: string
  readonly message: CommentMessage
  readonly first: boolean
}

export function MessageItem({ threadId, message, first }: MessageItemProps) {
  const context = useCommentsContext()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(message.body)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const editButtonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const errorId = useId()
  if (context === null) return null
  const own = message.author.userId === context.me.id && !message.deleted

  const save = async (): Promise<void> => {
    const body = text.trim()
    if (body === '') {
      setError('Een bericht kan niet leeg zijn. Kies "Verwijderen" om het weg te halen.')
      return
    }
    setBusy(true)
    try {
      await editMessage(context.documentId, threadId, message.id, { body, mentions: mentionsIn(body, context.members) })
      setEditing(false)
      setError(null)
      requestAnimationFrame(() => editButtonRef.current?.focus())
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Opslaan is niet gelukt.')
    } finally {
      setBusy(false)
    }
  }

  const remove = async (): Promise<void> => {
    if (!window.confirm('Dit bericht verwijderen? Er blijft "bericht verwijderd" staan.')) return
    setBusy(true)
    try {
      await deleteMessage(context.documentId, threadId, message.id)
      setError(null)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Verwijderen is niet gelukt.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="comment-message" data-testid="comment-message" data-message-id={message.id}>
      <p className="comment-message__meta">
        <span className="comment-message__author">{message.author.name}</span>
        <span className="comment-message__org"> · {message.author.organisationName}</span>
        <span className="comment-message__date">
          {' · '}
          <time dateTime={new Date(message.at).toISOString()}>{formatDateTime(message.at)}</time>
          {message.editedAt !== null && !message.deleted && ' (bewerkt)'}
        </span>
        {first && <span className="visually-hidden"> opende dit gesprek</span>}
      </p>
      {message.deleted ? (
        <p className="comment-message__body comment-message__body--deleted">bericht verwijderd</p>
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
            label="Bericht bewerken"
            onSubmit={() => void save()}
            onCancel={() => {
              setEditing(false)
              setText(message.body)
              requestAnimationFrame(() => editButtonRef.current?.focus())
            }}
            invalid={error !== null}
            describedBy={error !== null ? errorId : undefined}
          />
          <div className="comment-form__buttons">
            <button type="submit" className="button button--small" disabled={busy}>
              Opslaan
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => {
                setEditing(false)
                setText(message.body)
              }}
            >
              Annuleren
            </button>
          </div>
        </form>
      ) : (
        <MessageBody body={message.body} />
      )}
      {own && !editing && (
        <div className="comment-message__actions">
          <button
            ref={editButtonRef}
            type="button"
            className="link-button"
            data-testid="comment-edit"
            onClick={() => {
              setText(message.body)
              setEditing(true)
              requestAnimationFrame(() => fieldRef.current?.focus())
            }}
          >
            Bewerken
          </button>
          <button
            type="button"
            className="link-button"
            data-testid="comment-delete"
            disabled={busy}
            onClick={() => void remove()}
          >
            Verwijderen
          </button>
        </div>
      )}
      {error !== null && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
