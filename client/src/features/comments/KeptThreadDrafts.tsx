// The new comments of a section that were put aside unsent (Escape, or another selection opened the
// form), under the section's text: each with the start of the text it is about and "Verder schrijven",
// which opens the form on that text again with what was written. Without this line a kept draft could
// be found only by selecting exactly the same text again.
import { Button } from '@rijkshuisstijl-community/components-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommentDraft, NewThreadTarget } from './commentDrafts.ts'

export interface KeptThreadDraftsProps {
  readonly drafts: readonly { readonly draft: CommentDraft; readonly target: NewThreadTarget }[]
  readonly onContinue: (target: NewThreadTarget) => void
}

/** Enough of a quote to recognise the place; the rest is in the form. */
const QUOTE_CHARS = 60

export function KeptThreadDrafts({ drafts, onContinue }: KeptThreadDraftsProps) {
  const { t } = useTranslation('comments')
  const listId = useId()
  if (drafts.length === 0) return null
  return (
    <ul className="comment-kept-list" aria-label={t('draft.list')} data-testid="comment-drafts">
      {drafts.map(({ target }, index) => {
        const labelId = `${listId}-${index}`
        const quote = target.quote.replace(/\s+/g, ' ').trim()
        return (
          <li key={`${target.anchor.start}:${target.anchor.end}`} className="comment-kept">
            <span id={labelId} className="comment-kept__label">
              {`${t('draft.keptAt')} `}
              <q translate="no">{quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS - 1)}…` : quote}</q>
            </span>
            <Button
              appearance="subtle-button"
              className="comment-kept__continue"
              data-testid="comment-draft-continue"
              aria-describedby={labelId}
              onClick={() => onContinue(target)}
            >
              {t('draft.continue')}
            </Button>
          </li>
        )
      })}
    </ul>
  )
}
