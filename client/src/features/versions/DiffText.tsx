// Text with its changes marked: insertions as <ins>, deletions as <del>, each with a spoken and
// visible label (“toegevoegd” / “verwijderd”), so colour is never the only signal. The text itself is
// the document's (translate="no"); the labels come from the catalogue.
import type { DiffPart } from '@novex/shared'
import { useTranslation } from 'react-i18next'

export function DiffText({ parts }: { readonly parts: readonly DiffPart[] }) {
  const { t } = useTranslation('versions')
  return (
    <p className="diff-text">
      {parts.map((part, index) => {
        const key = `${index}:${part.added ? 'a' : part.removed ? 'r' : 's'}`
        const text = <span translate="no">{part.value}</span>
        if (part.added) {
          return (
            <ins key={key} className="diff-text__ins">
              <span className="diff-text__label">{t('diff.added')}</span>
              {text}
              <span className="diff-text__label">{t('diff.end')}</span>
            </ins>
          )
        }
        if (part.removed) {
          return (
            <del key={key} className="diff-text__del">
              <span className="diff-text__label">{t('diff.removed')}</span>
              {text}
              <span className="diff-text__label">{t('diff.end')}</span>
            </del>
          )
        }
        return <span key={key}>{text}</span>
      })}
    </p>
  )
}
