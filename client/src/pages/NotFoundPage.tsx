// "Niet gevonden": an address that leads nowhere, or a document / area that does not exist (any more).
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export type NotFoundSubject = 'page' | 'document' | 'area'

export interface NotFoundPageProps {
  /** What is missing: a page (an unknown address), a document or an area. */
  readonly subject?: NotFoundSubject
}

export function NotFoundPage({ subject = 'page' }: NotFoundPageProps) {
  const { t } = useTranslation('common')
  const kind = subject
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
