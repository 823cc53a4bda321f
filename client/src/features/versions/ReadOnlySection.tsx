// One section of a stored version, read-only: a Tiptap editor that cannot be edited, built from the
// fragment's content once (no Collaboration binding, so nothing can ever write to the version's doc).
import type { OrderedSection } from '@novex/shared'
import { EditorContent, useEditor } from '@tiptap/react'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { contentSchemaExtensions } from '../../editor/contentSchema.ts'

export function ReadOnlySection({ section }: { readonly section: OrderedSection }) {
  const { t } = useTranslation('versions')
  const titleId = useId()
  const editor = useEditor(
    {
      extensions: contentSchemaExtensions(),
      content: yXmlFragmentToProsemirrorJSON(section.content),
      editable: false,
      editorProps: {
        attributes: {
          class: 'section-editor',
          role: 'textbox',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          'aria-labelledby': titleId,
          // The document is written in Dutch, whatever the interface language; it is user content.
          lang: 'nl',
          translate: 'no',
        },
      },
    },
    [section.content],
  )
  const title = section.title.toString()
  return (
    <section className="section version-section" data-testid="version-section" data-section-id={section.id}>
      <h3 id={titleId} className="version-section__title">
        <span className="section-number">{section.number}</span>{' '}
        {title === '' ? t('untitled') : <span translate="no">{title}</span>}
      </h3>
      <div className="section-content">
        <EditorContent editor={editor} />
      </div>
    </section>
  )
}
