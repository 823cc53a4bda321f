// One section of a stored version, read-only: a Tiptap editor that cannot be edited, built from the
// fragment's content once (no Collaboration binding, so nothing can ever write to the version's doc).
import type { OrderedSection } from '@novex/shared'
import { EditorContent, useEditor } from '@tiptap/react'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { useId } from 'react'
import { contentSchemaExtensions } from '../../editor/contentSchema.ts'

export function ReadOnlySection({ section }: { readonly section: OrderedSection }) {
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
          lang: 'nl',
        },
      },
    },
    [section.content],
  )
  return (
    <section className="section version-section" data-testid="version-section" data-section-id={section.id}>
      <h3 id={titleId} className="version-section__title">
        <span className="section-number">{section.number}</span> {section.title.toString() || 'Zonder titel'}
      </h3>
      <div className="section-content">
        <EditorContent editor={editor} />
      </div>
    </section>
  )
}
