// /toegankelijkheid: the accessibility statement, in the structure of the Dutch government's model
// statement (which rules apply, the status, how it was tested, what does not work yet, contact). It is
// public: someone who cannot log in must still be able to read it and to report a problem.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { formatDate } from '../i18n/formatDate.ts'

/** When this statement was drawn up (month is 0-based); reviewed yearly. */
const DRAWN_UP = new Date(2026, 10, 28)
const CONTACT = 'mailto:toegankelijkheid@novex.example'

export function AccessibilityStatementPage() {
  const { t } = useTranslation('accessibility')
  return (
    <article className="page page--narrow statement" data-testid="accessibility-statement">
      <title>{t('common:pageTitle', { page: t('title') })}</title>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph purpose="lead">{t('lead')}</Paragraph>

      <Heading level={2}>{t('standard.title')}</Heading>
      <Paragraph>{t('standard.text')}</Paragraph>

      <Heading level={2}>{t('status.title')}</Heading>
      <dl className="statement__status">
        <dt>{t('status.label')}</dt>
        <dd data-testid="accessibility-status">{t('status.value')}</dd>
      </dl>
      <Paragraph>{t('status.text')}</Paragraph>

      <Heading level={2}>{t('tested.title')}</Heading>
      <UnorderedList>
        <UnorderedListItem>{t('tested.axe')}</UnorderedListItem>
        <UnorderedListItem>{t('tested.keyboard')}</UnorderedListItem>
        <UnorderedListItem>{t('tested.focus')}</UnorderedListItem>
        <UnorderedListItem>{t('tested.language')}</UnorderedListItem>
      </UnorderedList>

      <Heading level={2}>{t('limitations.title')}</Heading>
      <UnorderedList>
        <UnorderedListItem>{t('limitations.drag')}</UnorderedListItem>
        <UnorderedListItem>{t('limitations.live')}</UnorderedListItem>
        <UnorderedListItem>{t('limitations.export')}</UnorderedListItem>
        <UnorderedListItem>{t('limitations.serverMessages')}</UnorderedListItem>
      </UnorderedList>

      <Heading level={2}>{t('contact.title')}</Heading>
      <Paragraph>
        <Trans t={t} i18nKey="contact.text" components={[<MailLink key="mail" />]} />
      </Paragraph>
      <Paragraph>{t('contact.complaint')}</Paragraph>

      <Paragraph className="statement__date">{t('date', { date: formatDate(DRAWN_UP) })}</Paragraph>
    </article>
  )
}

/** The contact address inside the catalogue sentence; <Trans> fills in the address as its text. */
function MailLink({ children }: { readonly children?: ReactNode }) {
  return <a href={CONTACT}>{children}</a>
}
