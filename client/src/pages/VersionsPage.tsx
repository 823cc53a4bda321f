// "Versiegeschiedenis": the named versions of a document (the start and end of each ijkmoment, the
// submission for consent, the adoption), each to open read-only or to compare with another version or with
// the current text. A version is named from its kind in the reader's language (versionName.ts). What is
// shown lives in the address (?versie=, ?van=&naar=), so a comparison can be shared as a link. Closing a
// comparison or a version (Escape, or its close button) puts the focus back on the button that opened it.
import { isDocumentId } from '@novex/shared'
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { type ClientVersionSummary, fetchVersions } from '../api/comments.ts'
import { fetchDocument } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import { apiErrorText } from '../features/comments/apiErrorText.ts'
import { FilterSelect } from '../features/comments/FilterSelect.tsx'
import { VersionCompare } from '../features/versions/VersionCompare.tsx'
import { VersionReader } from '../features/versions/VersionReader.tsx'
import { hasStoredName, versionName } from '../features/versions/versionName.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { Breadcrumb, documentSteps } from '../ui/Breadcrumb.tsx'
import { documentLoadFailure } from './documentLoadFailure.tsx'
import '../styles/comments.css'

const CURRENT = 'current'

export function VersionsPage() {
  const { t, i18n } = useTranslation('versions')
  const { documentId = '' } = useParams()
  const validId = isDocumentId(documentId)
  const meta = useApi((signal) => fetchDocument(documentId, signal), documentId)
  const versions = useApi((signal) => fetchVersions(documentId, signal), `versions:${documentId}`)
  const [params, setParams] = useSearchParams()
  const headingRef = useRef<HTMLHeadingElement>(null)
  /** The control that asked for what is shown now; the focus goes back there when it closes. */
  const openerRef = useRef<Element | null>(null)

  const failure = documentLoadFailure(validId, meta)
  if (failure) return failure
  const title = meta.state === 'ready' ? meta.value.title : documentId
  const documentPath = `/document/${encodeURIComponent(documentId)}`
  const list = versions.state === 'ready' ? versions.value : []
  const versionOf = (id: string): ClientVersionSummary | null => list.find((v) => v.id === id) ?? null
  const labelOf = (id: string): string => {
    const version = versionOf(id)
    if (version !== null) return versionName(t, version)
    return id === CURRENT ? t('currentLower') : t('fallbackName', { id })
  }
  /** The label is a name as stored (user content), not a catalogue text. */
  const isStoredName = (id: string): boolean => {
    const version = versionOf(id)
    return version !== null && hasStoredName(version)
  }
  const opened = list.find((v) => v.id === params.get('versie')) ?? null
  const from = params.get('van')
  const to = params.get('naar')

  const show = (next: Record<string, string>): void => {
    openerRef.current = document.activeElement
    setParams(next, { replace: false })
  }
  const closeShown = (): void => {
    setParams({}, { replace: false })
    const opener = openerRef.current
    // After a reload or a shared link nothing here opened it: the page heading takes the focus.
    requestAnimationFrame(() => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
      else headingRef.current?.focus()
    })
  }
  const handleVersionKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    closeShown()
  }

  return (
    <div className="page versions-page">
      <title>{t('pageTitle', { document: title })}</title>
      <Breadcrumb
        label={t('breadcrumb')}
        steps={documentSteps(t('common:documents'), documentPath, title)}
        current={t('title')}
      />
      <Heading level={1} ref={headingRef} tabIndex={-1}>
        {t('title')}
      </Heading>
      <Paragraph lead className="lead">
        {t('lead')}
      </Paragraph>
      {versions.state === 'loading' && (
        <p className="empty-state" role="status">
          {t('common:loading.versions')}
        </p>
      )}
      {versions.state === 'failed' && <Alert type="error">{apiErrorText(t, i18n, versions, t('loadFailed'))}</Alert>}
      {versions.state === 'ready' && (
        <>
          <VersionList
            versions={list}
            onOpen={(id) => show({ versie: id })}
            onCompare={(a, b) => show({ van: a, naar: b })}
          />
          {list.length > 0 && (
            <CompareForm
              key={`${from}:${to}`}
              versions={list}
              initialFrom={from ?? list[list.length - 1]?.id ?? ''}
              initialTo={to ?? CURRENT}
              onCompare={(a, b) => show({ van: a, naar: b })}
            />
          )}
        </>
      )}
      {from !== null && to !== null && versions.state === 'ready' && (
        <VersionCompare
          documentId={documentId}
          from={from}
          to={to}
          fromLabel={labelOf(from)}
          toLabel={labelOf(to)}
          fromIsName={isStoredName(from)}
          toIsName={isStoredName(to)}
          onClose={closeShown}
        />
      )}
      {opened !== null && (
        <section className="version-open" aria-labelledby="version-open-title" onKeyDown={handleVersionKeyDown}>
          <h2 id="version-open-title">
            <VersionName version={opened} />{' '}
            <span className="hint">{t('readOnly', { date: formatDateTime(opened.createdAt) })}</span>
          </h2>
          <Button appearance="subtle-button" data-testid="version-close" onClick={closeShown}>
            {t('closeVersion')}
          </Button>
          <VersionReader documentId={documentId} version={opened} />
        </section>
      )}
    </div>
  )
}

interface VersionListProps {
  readonly versions: readonly ClientVersionSummary[]
  readonly onOpen: (id: string) => void
  readonly onCompare: (from: string, to: string) => void
}

function VersionList({ versions, onOpen, onCompare }: VersionListProps) {
  const { t } = useTranslation('versions')
  if (versions.length === 0) {
    return (
      <p className="empty-state" data-testid="versions">
        {t('empty')}
      </p>
    )
  }
  return (
    <ol className="version-list" data-testid="versions">
      {versions.map((version, index) => {
        const previous = versions[index - 1]
        // Each button names its version for a screen reader's list of buttons.
        const which = (
          <span className="visually-hidden">
            {' ('}
            <VersionName version={version} />
            {')'}
          </span>
        )
        return (
          <li key={version.id} className="version-list__item" data-testid="version" data-version-id={version.id}>
            <VersionName version={version} className="version-list__name" />{' '}
            <span className="hint">
              {version.createdBy ? (
                <Trans
                  t={t}
                  i18nKey="savedAtBy"
                  values={{ date: formatDateTime(version.createdAt), name: version.createdBy }}
                  components={{ who: <span translate="no" /> }}
                />
              ) : (
                t('savedAt', { date: formatDateTime(version.createdAt) })
              )}
            </span>
            <span className="version-list__actions">
              <Button appearance="secondary-action-button" onClick={() => onOpen(version.id)}>
                {t('view')}
                {which}
              </Button>
              {previous !== undefined && (
                <Button appearance="secondary-action-button" onClick={() => onCompare(previous.id, version.id)}>
                  {t('compareWithPrevious')}
                  {which}
                </Button>
              )}
              <Button appearance="secondary-action-button" onClick={() => onCompare(version.id, CURRENT)}>
                {t('compareWithCurrent')}
                {which}
              </Button>
            </span>
          </li>
        )
      })}
    </ol>
  )
}

interface CompareFormProps {
  readonly versions: readonly ClientVersionSummary[]
  readonly initialFrom: string
  readonly initialTo: string
  readonly onCompare: (from: string, to: string) => void
}

function CompareForm({ versions, initialFrom, initialTo, onCompare }: CompareFormProps) {
  const { t } = useTranslation('versions')
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const titleId = useId()
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault()
    onCompare(from, to)
  }
  return (
    <form className="compare-form" aria-labelledby={titleId} onSubmit={handleSubmit}>
      <Heading level={2} id={titleId} className="compare-form__title">
        {t('compareTitle')}
      </Heading>
      <FilterSelect label={t('from')} testId="compare-from" value={from} onChange={setFrom}>
        {versions.map((v) => (
          <VersionOption key={v.id} version={v} />
        ))}
      </FilterSelect>
      <FilterSelect label={t('to')} testId="compare-to" value={to} onChange={setTo}>
        {versions.map((v) => (
          <VersionOption key={v.id} version={v} />
        ))}
        <option value={CURRENT}>{t('current')}</option>
      </FilterSelect>
      <Button type="submit" appearance="primary-action-button" data-testid="compare-submit">
        {t('compare')}
      </Button>
    </form>
  )
}

/** A version's name: from the catalogue by its kind, or as stored (user content, not translated). */
function VersionName({ version, className }: { readonly version: ClientVersionSummary; readonly className?: string }) {
  const { t } = useTranslation('versions')
  return (
    <span className={className} translate={hasStoredName(version) ? 'no' : undefined}>
      {versionName(t, version)}
    </span>
  )
}

function VersionOption({ version }: { readonly version: ClientVersionSummary }) {
  const { t } = useTranslation('versions')
  return (
    <option value={version.id} translate={hasStoredName(version) ? 'no' : undefined}>
      {versionName(t, version)}
    </option>
  )
}
