// "Opgelost door <naam> (<organisatie>) op <datum>" and its kin: a hint that says who did something to a
// thread and when, with the person's name kept from translation. `i18nKey` is a comments text with
// {{name}}, {{organisation}}, {{date}} and a <who> element around the person.
import type { CommentAuthor } from '@novex/shared'
import { Trans, useTranslation } from 'react-i18next'
import { formatDateTime } from '../../i18n/formatDate.ts'

export interface DoneByProps {
  readonly i18nKey: 'thread.resolvedBy' | 'suggestion.appliedBy'
  readonly by: CommentAuthor
  readonly at: number
  readonly testId?: string
}

export function DoneBy({ i18nKey, by, at, testId }: DoneByProps) {
  const { t } = useTranslation('comments')
  return (
    <p className="hint" data-testid={testId}>
      <Trans
        t={t}
        i18nKey={i18nKey}
        values={{ name: by.name, organisation: by.organisationName, date: formatDateTime(at) }}
        components={{ who: <span translate="no" /> }}
      />
    </p>
  )
}
