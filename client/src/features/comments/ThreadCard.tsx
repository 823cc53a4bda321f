// One thread in the side panel: where it is (section, quoted text, or "tekst verwijderd"), its round
// and status in words, the messages, and the actions: reply (anyone who may comment), resolve or
// reopen (the opener's organisation or a trekker; the server decides and its refusal is shown).
import { type CommentThread, roundName } from '@novex/shared'
import { TextSelection } from '@tiptap/pm/state'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { addMessage, setThreadStatus } from '../../api/comments.ts'
import { useCommentsContext } from './CommentsContext.ts'
import type { AnchorPlace } from './commentsStore.ts'
import { formatDateTime, mentionsIn } from './commentText.ts'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { MessageItem } from './MessageItem.tsx'

export interface ThreadCardProps {
  readonly thread: CommentThread
  readonly place: AnchorPlace | undefined
  readonly sectionLabel: string
  readonly active: boolean
  /** Bumped when the card should take the focus (its highlight was clicked, or it was just placed). */
  readonly focusRequest: number
}

export function ThreadCard({ thread, place, sectionLabel, active, focusRequest }: ThreadCardProps) {
  const context = useCommentsContext()
  const cardRef = useRef<HTMLElement>(null)
  const replyButtonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const [replying, setReplying] = useState(false)
  const [reply, setReply] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const errorId = useId()

  // Keep the active card in sight inside the panel's own scroll area; never scroll the page for it
  // (on narrow screens the panel sits below the text, and typing must not jump there).
  useEffect(() => {
    const card = cardRef.current
    const scroller = card?.closest<HTMLElement>('.comments-panel')
    if (!active || !card || !scroller || scroller.scrollHeight <= scroller.clientHeight) return
    const box = card.getBoundingClientRect()
    const view = scroller.getBoundingClientRect()
    if (box.top < view.top || box.bottom > view.bottom) scroller.scrollTop += box.top - view.top - 8
  }, [active])

  const store = context?.store
  // biome-ignore lint/correctness/useExhaustiveDependencies: `focusRequest` re-runs the check when a new request comes in.
  useEffect(() => {
    if (store?.consumeFocus(thread.id)) {
      cardRef.current?.scrollIntoView({ block: 'nearest' })
      cardRef.current?.focus()
    }
  }, [store, thread.id, focusRequest])

  if (context === null) return null
  const { me, documentId, canComment, canManage } = context
  const open = thread.status === 'open'
  const deleted = place?.kind === 'deleted'
  const mayResolve = canComment && (thread.openedBy.organisationId === me.organisation.id || canManage)

  const showInText = (): void => {
    const view = context.store.viewOf(thread.sectionId)
    context.store.setActive(thread.id)
    if (view === undefined || place?.kind !== 'range') return
    const selection = TextSelection.create(view.state.doc, place.from, place.to)
    view.dispatch(view.state.tr.setSelection(selection).scrollIntoView())
    view.focus()
    view.dom.closest('section')?.scrollIntoView({ block: 'nearest' })
  }

  const sendReply = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault()
    const body = reply.trim()
    if (body === '') {
      setError('Schrijf eerst uw antwoord.')
      fieldRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await addMessage(documentId, thread.id, { body, mentions: mentionsIn(body, context.members) })
      setReply('')
      setReplying(false)
      requestAnimationFrame(() => replyButtonRef.current?.focus())
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Versturen is niet gelukt.')
    } finally {
      setBusy(false)
    }
  }

  const changeStatus = async (action: 'resolve' | 'reopen'): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await setThreadStatus(documentId, thread.id, action)
      requestAnimationFrame(() => cardRef.current?.focus())
    } catch (failure) {
      // The server's 403 says who may do this.
      setError(failure instanceof Error ? failure.message : 'Dat is niet gelukt.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <article
      ref={cardRef}
      tabIndex={-1}
      className={`comment-thread${active ? ' comment-thread--active' : ''}${open ? '' : ' comment-thread--resolved'}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      aria-labelledby={titleId}
    >
      <header className="comment-thread__header">
        <h3 id={titleId} className="comment-thread__title">
          {sectionLabel}
        </h3>
        <p className="comment-thread__badges">
          <span className={`status-badge status-badge--${thread.status}`}>
            <span aria-hidden="true">{open ? '○ ' : '✓ '}</span>
            {open ? 'Open' : 'Opgelost'}
          </span>
          <span className="round-badge">{thread.round === null ? 'Buiten ijkmoment' : roundName(thread.round)}</span>
          {thread.carriedInto.length > 0 && (
            <span className="round-badge round-badge--carried">
              Meegenomen naar {thread.carriedInto.map((r) => roundName(r)).join(', ')}
            </span>
          )}
        </p>
      </header>
      {deleted && (
        <p className="comment-thread__deleted" data-testid="comment-text-deleted">
          <span aria-hidden="true">⚠ </span>tekst verwijderd
        </p>
      )}
      <blockquote className={`comment-quote${deleted ? ' comment-quote--deleted' : ''}`}>
        <span className="visually-hidden">{deleted ? 'Oorspronkelijke tekst: ' : 'Bij de tekst: '}</span>
        {thread.quote}
      </blockquote>
      {place?.kind === 'range' && (
        <button type="button" className="link-button comment-thread__show" onClick={showInText}>
          Toon in de tekst
        </button>
      )}
      <ol className="comment-thread__messages" aria-label="Berichten">
        {thread.messages.map((message, index) => (
          <MessageItem key={message.id} threadId={thread.id} message={message} first={index === 0} />
        ))}
      </ol>
      {!open && thread.resolvedBy !== null && thread.resolvedAt !== null && (
        <p className="hint">
          Opgelost door {thread.resolvedBy.name} ({thread.resolvedBy.organisationName}) op{' '}
          {formatDateTime(thread.resolvedAt)}
        </p>
      )}
      {replying && (
        <form className="comment-form comment-form--inline" onSubmit={(event) => void sendReply(event)} noValidate>
          <MentionTextarea
            ref={fieldRef}
            value={reply}
            onChange={setReply}
            members={context.members}
            label="Uw antwoord"
            onSubmit={() => void sendReply()}
            onCancel={() => {
              setReplying(false)
              requestAnimationFrame(() => replyButtonRef.current?.focus())
            }}
            invalid={error !== null}
            describedBy={error !== null ? errorId : undefined}
          />
          <div className="comment-form__buttons">
            <button type="submit" className="button button--small" data-testid="comment-submit" disabled={busy}>
              {busy ? 'Bezig…' : 'Versturen'}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => {
                setReplying(false)
                requestAnimationFrame(() => replyButtonRef.current?.focus())
              }}
            >
              Annuleren
            </button>
          </div>
        </form>
      )}
      <div className="comment-thread__actions">
        {canComment && !replying && (
          <button
            ref={replyButtonRef}
            type="button"
            className="button button--small button--secondary"
            data-testid="comment-reply"
            onClick={() => {
              setReplying(true)
              setError(null)
              requestAnimationFrame(() => fieldRef.current?.focus())
            }}
          >
            Beantwoorden
          </button>
        )}
        {mayResolve && open && (
          <button
            type="button"
            className="button button--small"
            data-testid="comment-resolve"
            disabled={busy}
            onClick={() => void changeStatus('resolve')}
          >
            Oplossen
          </button>
        )}
        {mayResolve && !open && (
          <button
            type="button"
            className="button button--small button--secondary"
            data-testid="comment-reopen"
            disabled={busy}
            onClick={() => void changeStatus('reopen')}
          >
            Heropenen
          </button>
        )}
      </div>
      {error !== null && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  )
}
