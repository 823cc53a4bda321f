// A section as the comment UI names it: "§ 2.1" from the catalogue and the title as user content
// (translate="no"), or "Verwijderde sectie" when the section no longer exists.
import { useTranslation } from 'react-i18next'

/** What the comment UI knows of a thread's section; null when the section was deleted. */
export interface SectionInfo {
  readonly number: string
  readonly title: string
}

export function SectionName({ section }: { readonly section: SectionInfo | null }) {
  const { t } = useTranslation('comments')
  if (section === null) return t('section.deleted')
  return (
    <>
      {t('section.number', { number: section.number })}{' '}
      {section.title === '' ? t('section.untitled') : <span translate="no">{section.title}</span>}
    </>
  )
}
