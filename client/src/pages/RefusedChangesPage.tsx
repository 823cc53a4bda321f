// "Uw geweigerde wijzigingen": what the server refused of this user in a document and kept the text of
// (typed into a signed section, or waiting while the role became reader), newest first, each with a
// button that puts its text on the clipboard. So words the user dismissed, or removed from the page
// after a refusal (DiscardUnsaved), can still be found. Only the user's own (the API answers no more).
import { isDocumentId, type RefusedChange, type RefusedChangeSection } from '@novex/shared'
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { fetchDocument } from '../api/documents.ts'
import { fetchRefusedChanges } from '../api/refusedChanges.ts'
import { useApi } from '../api/useApi.ts'
import { copyText } from '../features/connection/copyText.ts'
import { refusalText } from '../features/connection/refusalText.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { Breadcrumb, documentSteps } from '../ui/Breadcrumb.tsx'
import { documentLoadFailure } from './documentLoadFailure.tsx'

export function RefusedChangesPage() {
  const { t } = useTranslation('connection')
  const { documentId = '' } = useParams()
  const meta = useApi((signal) => fetchDocument(documentId, signal), documentId)
  const changes = useApi((signal) => fetchRefusedChanges(documentId, signal), `refused:${documentId}`)

  const validId = isDocumentId(documentId)
  const failure = documentLoadFailure(validId, meta)
  if (failure) return failure
  const title = meta.state === 'ready' ? meta.value.title : documentId
  const withText = changes.state === 'ready' ? changes.value.filter((c) => c.sections.length > 0) : []
  const withoutText = changes.state === 'ready' ? changes.value.length - withText.length : 0
  return (
    <div className="page page--narrow">
      <title>{t('common:pageTitle', { page: t('refusedList.pageTitle', { document: title }) })}</title>
      <Breadcrumb
        label={t('refusedList.breadcrumb')}
        steps={documentSteps(t('common:documents'), `/document/${encodeURIComponent(documentId)}`, title)}
        current={t('refusedList.title')}
      />
      <Heading level={1}>{t('refusedList.title')}</Heading>
      <Paragraph purpose="lead">{t('refusedList.lead')}</Paragraph>
      {changes.state === 'loading' && (
        <p className="empty-state" role="status">
          {t('refusedList.loading')}
        </p>
      )}
      {changes.state === 'failed' && <Alert type="error">{t('refusedList.loadFailed')}</Alert>}
      {changes.state === 'ready' && withText.length === 0 && <p className="empty-state">{t('refusedList.empty')}</p>}
      {withText.length > 0 && (
        <ol className="refused-changes" data-testid="refused-changes">
          {withText.map((change) => (
            <li key={change.id}>
              <RefusedChangeItem change={change} />
            </li>
          ))}
        </ol>
      )}
      {withoutText > 0 && <p className="notice__detail">{t('refusedList.withoutText', { count: withoutText })}</p>}
    </div>
  )
}

function RefusedChangeItem({ change }: { readonly change: RefusedChange }) {
  const { t } = useTranslation('connection')
  const [copied, setCopied] = useState<boolean | null>(null)
  const ref = useRef<HTMLElement>(null)
  const headingId = `refused-change-${change.id}`
  return (
    <article ref={ref} className="refused-change" aria-labelledby={headingId} data-testid="refused-change">
      <h2 id={headingId} className="refused-change__when">
        {formatDateTime(change.at)}
      </h2>
      <p>{refusalText(t, change.reason)}</p>
      {change.sections.map((section) => (
        <section key={section.sectionId} className="refused-change__section">
          <h3 translate="no">{section.title}</h3>
          <p className="refused-change__text">{section.text}</p>
        </section>
      ))}
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={() => {
          const container = ref.current
          if (container) void copyText(keptText(change.sections), container).then(setCopied)
        }}
      >
        {t('refusedList.copy')}
      </Button>
      <p role="status">
        {copied === true && t('refusedList.copied')}
        {copied === false && t('refused.copyFailed')}
      </p>
    </article>
  )
}

/** Per section its title (when there are several) and the text it tried to add. */
function keptText(sections: readonly RefusedChangeSection[]): string {
  return sections.map((s) => (sections.length > 1 ? `${s.title}\n${s.text}` : s.text)).join('\n\n')
}
