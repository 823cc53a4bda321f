// "Niet gevonden": an address that leads nowhere, or a document / area that does not exist (any more).
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export type NotFoundSubject = 'page' | 'document' | 'area'

/**
 * The pages of other features still name what is missing in Dutch (`what="Dit document"`); those two
 * phrases are read as subjects, so the text comes from the catalogue either way.
 */
const LEGACY_WHAT: Readonly<Record<string, NotFoundSubject>> = {
  'Deze pagina': 'page',
  'Dit document': 'document',
  'Dit gebied': 'area',
}

export interface NotFoundPageProps {
  readonly subject?: NotFoundSubject
  /** @deprecated use `subject` */
  readonly what?: string
}

export function NotFoundPage({ subject, what }: NotFoundPageProps) {
  const { t } = useTranslation('common')
  const kind = subject ?? (what === undefined ? 'page' : (LEGACY_WHAT[what] ?? 'page'))
  return (
    <div className="page page--narrow">
      <title>{t('pageTitle', { page: t('notFound.title') })}</title>
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph purpose="lead">{t(`notFound.${kind}`)}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.back')}</Link>
      </Paragraph>
    </div>
  )
}
