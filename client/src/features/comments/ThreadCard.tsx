// One thread in the side panel: where it is (section, quoted text, or "tekst verwijderd"), its round
// and status in words, a text suggestion if it has one (SuggestionBlock), the messages, and the
// actions: reply (anyone who may comment), resolve or reopen (the opener's organisation or a trekker;
// the server decides and its refusal is shown). A reply being written is kept as a draft
// (useFormDraft.ts): Escape puts it aside ("Concept bewaard" beside "Beantwoorden"), another page or a
// filter does not lose it; only sending it or "Annuleren" does.
import { type CommentThread, isImageQuote } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addMessage, setThreadStatus } from '../../api/comments.ts'
import { useFocusRequest } from '../../ui/useFocusRequest.ts'
import { useLeaveGuard } from '../../ui/useLeaveGuard.ts'
import { apiErrorText } from './apiErrorText.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { selectionOf } from './commentRange.ts'
import type { AnchorPlace } from './commentsStore.ts'
import { mentionsIn } from './commentText.ts'
import { DoneBy } from './DoneBy.tsx'
import { DraftNote, describedByOf } from './DraftNote.tsx'
import { FormError } from './FormError.tsx'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { MessageItem } from './MessageItem.tsx'
import { type SectionInfo, SectionName } from './SectionName.tsx'
import { SuggestionBlock } from './SuggestionBlock.tsx'
import { useFormDraft } from './useFormDraft.ts'

export interface ThreadCardProps {
  readonly thread: CommentThread
  readonly place: AnchorPlace | undefined
  /** The thread's section now; null when it was deleted. */
  readonly section: SectionInfo | null
  readonly active: boolean
  /** Bumped when the card should take the focus (its highlight was clicked, or it was just placed). */
  readonly focusRequest: number
}

export function ThreadCard({ thread, place, section, active, focusRequest }: ThreadCardProps) {
  const { t, i18n } = useTranslation('comments')
  const context = useCommentsContext()
  const cardRef = useRef<HTMLElement>(null)
  const replyButtonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const focusField = useFocusRequest(fieldRef)
  const reply = useFormDraft(context?.drafts ?? null, { kind: 'reply', threadId: thread.id }, '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const errorId = useId()
  const draftNoteId = useId()
  const keptNoteId = useId()
  useLeaveGuard(reply.unsent)

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

  // "Beantwoorden" takes the focus back once it is rendered again: after a reply was sent the form
  // closes in a later render (state set after an await), so a frame callback could come too early.
  const focusReplyButton = useRef(false)
  useEffect(() => {
    if (reply.open || !focusReplyButton.current) return
    focusReplyButton.current = false
    replyButtonRef.current?.focus()
  }, [reply.open])

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
  const roundName = (round: number): string => t('review:round', { round })

  const showInText = (): void => {
    const view = context.store.viewOf(thread.sectionId)
    context.store.setActive(thread.id)
    if (view === undefined || place?.kind !== 'range') return
    view.dispatch(view.state.tr.setSelection(selectionOf(view.state.doc, place.from, place.to)).scrollIntoView())
    view.focus()
    view.dom.closest('section')?.scrollIntoView({ block: 'nearest' })
  }

  // Sent or "Annuleren": the form closes empty, so a cancelled reply does not come back in front of
  // the next one.
  const stopReplying = (): void => {
    focusReplyButton.current = true
    reply.close()
    setError(null)
  }
  // Escape: the form closes and its text waits for "Beantwoorden" (when the browser can keep it).
  const putReplyAside = (): void => {
    if (!reply.putAside()) return
    focusReplyButton.current = true
    setError(null)
  }

  const sendReply = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault()
    const body = reply.text.trim()
    if (body === '') {
      setError(t('thread.replyEmpty'))
      fieldRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await addMessage(documentId, thread.id, { body, mentions: mentionsIn(body, context.members) })
      stopReplying()
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('thread.sendFailed')))
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
      setError(apiErrorText(t, i18n, failure, t('thread.statusFailed')))
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
          <SectionName section={section} />
        </h3>
        <p className="comment-thread__badges">
          <span className={`status-badge status-badge--${thread.status}`}>
            <span aria-hidden="true">{open ? '○ ' : '✓ '}</span>
            {open ? t('thread.open') : t('thread.resolved')}
          </span>
          <span className="round-badge">
            {thread.round === null ? t('thread.outsideRound') : roundName(thread.round)}
          </span>
          {thread.carriedInto.length > 0 && (
            <span className="round-badge round-badge--carried">
              {t('thread.carriedInto', { rounds: thread.carriedInto.map(roundName).join(', ') })}
            </span>
          )}
        </p>
      </header>
      {deleted && (
        <p className="comment-thread__deleted" data-testid="comment-text-deleted">
          <span aria-hidden="true">{'⚠ '}</span>
          {t(isImageQuote(thread.quote) ? 'thread.imageDeleted' : 'thread.textDeleted')}
        </p>
      )}
      <blockquote className={`comment-quote${deleted ? ' comment-quote--deleted' : ''}`}>
        <span className="visually-hidden">{deleted ? t('thread.originalText') : t('thread.atText')} </span>
        <span translate="no">{thread.quote}</span>
      </blockquote>
      <SuggestionBlock thread={thread} place={place} />
      {place?.kind === 'range' && (
        <Button appearance="subtle-button" className="comment-thread__show" onClick={showInText}>
          {t('thread.showInText')}
        </Button>
      )}
      <ol className="comment-thread__messages" aria-label={t('thread.messages')}>
        {thread.messages.map((message, index) => (
          <MessageItem key={message.id} threadId={thread.id} message={message} first={index === 0} />
        ))}
      </ol>
      {!open && thread.resolvedBy !== null && thread.resolvedAt !== null && (
        <DoneBy i18nKey="thread.resolvedBy" by={thread.resolvedBy} at={thread.resolvedAt} />
      )}
      {reply.open && (
        <form className="comment-form comment-form--inline" onSubmit={(event) => void sendReply(event)} noValidate>
          <MentionTextarea
            ref={fieldRef}
            value={reply.text}
            onChange={reply.change}
            members={context.members}
            label={t('thread.replyField')}
            onSubmit={() => void sendReply()}
            onEscape={putReplyAside}
            invalid={error !== null}
            describedBy={describedByOf(draftNoteId, reply, errorId, error)}
          />
          <DraftNote id={draftNoteId} restored={reply.restored} notKept={reply.notKept} />
          <div className="comment-form__buttons">
            <Button type="submit" appearance="primary-action-button" data-testid="comment-submit" disabled={busy}>
              {busy ? t('thread.busy') : t('thread.send')}
            </Button>
            <Button appearance="secondary-action-button" onClick={stopReplying}>
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      )}
      <div className="comment-thread__actions">
        {canComment && !reply.open && (
          <Button
            ref={replyButtonRef}
            appearance="secondary-action-button"
            data-testid="comment-reply"
            aria-describedby={reply.waiting ? keptNoteId : undefined}
            onClick={() => {
              reply.start()
              setError(null)
              focusField()
            }}
          >
            {t('thread.reply')}
          </Button>
        )}
        {canComment && reply.waiting && (
          <span id={keptNoteId} className="comment-draft-kept" data-testid="comment-draft-kept">
            {t('draft.kept')}
          </span>
        )}
        {mayResolve && open && (
          <Button
            appearance="primary-action-button"
            data-testid="comment-resolve"
            disabled={busy}
            onClick={() => void changeStatus('resolve')}
          >
            {t('thread.resolve')}
          </Button>
        )}
        {mayResolve && !open && (
          <Button
            appearance="secondary-action-button"
            data-testid="comment-reopen"
            disabled={busy}
            onClick={() => void changeStatus('reopen')}
          >
            {t('thread.reopen')}
          </Button>
        )}
      </div>
      <FormError id={errorId} message={error} />
    </article>
  )
}
