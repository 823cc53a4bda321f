// "Vorige / Volgende open reactie", as Word steps through its comments: from the active thread to the
// open one before or after it among the cards shown (in document order, after the filter), round at
// either end. The thread's text is scrolled into view and its card takes the focus, as a link to a
// thread does; where in the list that is, is said politely.
import type { CommentThread } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommentsStore } from './commentsStore.ts'
import { showThread } from './showThread.ts'
import { stepThrough } from './threadSteps.ts'

export interface ThreadStepsProps {
  readonly store: CommentsStore
  /** The cards shown, in their order. */
  readonly shown: readonly CommentThread[]
  readonly activeThreadId: string | null
}

const STEPS = [
  { direction: -1, key: 'previous' },
  { direction: 1, key: 'next' },
] as const

export function ThreadSteps({ store, shown, activeThreadId }: ThreadStepsProps) {
  const { t } = useTranslation('comments')
  const [said, setSaid] = useState('')
  const hasOpen = shown.some((thread) => thread.status === 'open')

  const go = (direction: 1 | -1): void => {
    const step = stepThrough(shown, activeThreadId, direction)
    if (step === null) return
    showThread(store, step.thread)
    setSaid(t('steps.position', { index: step.position, count: step.count }))
  }

  return (
    <div className="comments-panel__steps">
      <span className="comments-panel__steps-label" aria-hidden="true">
        {t('steps.label')}
      </span>
      {STEPS.map(({ direction, key }) => (
        <Button
          key={key}
          appearance="subtle-button"
          data-testid={`comment-step-${key}`}
          aria-label={t(`steps.${key}`)}
          title={t(`steps.${key}`)}
          disabled={!hasOpen}
          onClick={() => go(direction)}
        >
          {t(`steps.${key}Short`)}
        </Button>
      ))}
      <p className="visually-hidden" role="status" data-testid="comment-step-position">
        {said}
      </p>
    </div>
  )
}
