// How a `sectionLink` node looks in a section's editor: the target's live title from the links API,
// with its state in words and an icon (never colour alone). Valid and suspect links open the target
// section (click, or Enter on the link); a suspect link also offers "Wat is er gewijzigd?"; a broken
// link keeps its last known title, struck through; a link the reader may not follow shows no title; a
// link into a document the server cannot open for now keeps its last known title, marked unavailable.
import type { LinkState } from '@novex/shared'
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { type MouseEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type * as Y from 'yjs'
import { LinkChangesDialog } from './LinkChangesDialog.tsx'
import { LinkStateIcon } from './LinkStateIcon.tsx'
import { useLinksContext, useLinksSnapshot } from './LinksContext.ts'
import { findLink } from './linksStore.ts'
import { sectionHref, sectionLabel, stateLabel } from './linkText.ts'

export interface SectionLinkOptions {
  /** The content of the section this editor edits: tells which section a link starts from. */
  readonly fragment: Y.XmlFragment | null
}

export function SectionLinkView({ node, extension }: ReactNodeViewProps) {
  const { t } = useTranslation('links')
  const context = useLinksContext()
  const store = context?.store ?? null
  const snapshot = useLinksSnapshot(store)
  const navigate = useNavigate()
  const anchorRef = useRef<HTMLAnchorElement>(null)
  const [showChanges, setShowChanges] = useState(false)
  const targetDocumentId = stringAttr(node.attrs.documentId)
  const targetSectionId = stringAttr(node.attrs.sectionId)
  const { fragment } = extension.options as SectionLinkOptions
  const sourceSectionId = store && fragment ? store.sectionIdOf(fragment) : null
  const link = findLink(snapshot.links, sourceSectionId, targetDocumentId, targetSectionId)
  const picked = store?.remembered(targetDocumentId, targetSectionId)
  const state: LinkState | 'loading' = link?.state ?? 'loading'
  const otherDocument = store !== null && targetDocumentId !== store.documentId
  const title = link?.title ?? picked?.title
  const number = link?.number ?? picked?.number
  const documentTitle = link?.documentTitle ?? picked?.documentTitle
  const label = sectionLabel(t, number, title)
  const href = sectionHref(targetDocumentId, targetSectionId)

  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    // A new tab or window stays the browser's business.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }

  const closeChanges = (): void => {
    setShowChanges(false)
    // The button that opened the dialog is gone once the link is valid again: the link takes the focus.
    setTimeout(() => anchorRef.current?.focus(), 0)
  }

  const documentNote =
    otherDocument && documentTitle ? (
      <span className="section-link__document" translate="no">
        {documentTitle}
      </span>
    ) : null

  return (
    <NodeViewWrapper
      as="span"
      className={`section-link section-link--${state}`}
      data-testid="section-link"
      data-state={state}
      data-target-document-id={targetDocumentId}
      data-target-section-id={targetSectionId}
    >
      {(state === 'valid' || state === 'suspect' || (state === 'loading' && title !== undefined)) && (
        <a ref={anchorRef} className="section-link__target" href={href} onClick={open} data-testid="section-link-open">
          <LinkStateIcon state={state} />
          <span className="section-link__title" translate="no">
            {label}
          </span>
          {documentNote}
          {state === 'valid' && <span className="visually-hidden"> {t('view.linkSuffix')}</span>}
        </a>
      )}
      {state === 'suspect' && (
        <>
          <span className="badge badge--link-suspect">{stateLabel(t, 'suspect')}</span>
          <button
            type="button"
            className="link-button section-link__changes"
            data-testid="link-changes-open"
            aria-haspopup="dialog"
            onClick={() => setShowChanges(true)}
          >
            {t('view.whatChanged')}
          </button>
        </>
      )}
      {(state === 'broken' || state === 'unavailable') && (
        // The title the target last had: struck through when the section is gone, as it was when its
        // document cannot be opened for now.
        <span className="section-link__target">
          <LinkStateIcon state={state} />
          {state === 'broken' ? (
            <s className="section-link__title" translate="no">
              {label}
            </s>
          ) : (
            <span className="section-link__title" translate="no">
              {label}
            </span>
          )}
          {documentNote}
          <span className={`badge badge--link-${state}`}>{stateLabel(t, state)}</span>
        </span>
      )}
      {state === 'no-access' && (
        <span className="section-link__target">
          <LinkStateIcon state="no-access" />
          <span className="badge badge--link-no-access">{stateLabel(t, 'no-access')}</span>
        </span>
      )}
      {state === 'loading' && title === undefined && (
        <span className="section-link__target">
          <LinkStateIcon state="loading" />
          {snapshot.error !== null ? t('view.loadFailed') : t('view.loading')}
        </span>
      )}
      {showChanges && link !== undefined && store !== null && (
        <LinkChangesDialog
          documentId={store.documentId}
          link={link}
          targetLabel={documentTitle ? `${label} (${documentTitle})` : label}
          canReview={context?.canEdit ?? false}
          onClose={(reviewed) => {
            if (reviewed) store.refresh()
            closeChanges()
          }}
        />
      )}
    </NodeViewWrapper>
  )
}

function stringAttr(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
