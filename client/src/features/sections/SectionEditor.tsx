// The rich-text editor of one section: Tiptap bound to the section's own Y.XmlFragment, with the
// named carets of everyone else who is in this section. All editors share the document's awareness,
// each through the caret router's view of it (editor/caretRouter.ts), which tells the caret plugin
// about a change only when a caret entered, moved in or left this editor's fragment.
import OfficePaste from '@intevation/tiptap-extension-office-paste'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { presenceUser } from '../../collab/localUser.ts'
import { contentImage, contentStarterKit, contentTables } from '../../editor/contentSchema.ts'
import { repairsHere } from '../../editor/localTableFixes.ts'
import { type PasteLoss, PasteReport } from '../../editor/pasteReport.ts'
import { ReadOnlyText, readOnlyChanged } from '../../editor/readOnlyText.ts'
import { renderCaret } from '../../editor/renderCaret.ts'
import { SearchHighlights } from '../../editor/searchHighlights.ts'
import { CommentHighlights } from '../comments/CommentHighlights.ts'
import { useCommentsContext, useCommentsStore } from '../comments/CommentsContext.ts'
import { SectionComments } from '../comments/SectionComments.tsx'
import { ImageDialog, type ImageRequest } from '../images/ImageDialog.tsx'
import { ImageToolbar } from '../images/ImageToolbar.tsx'
import { ImageFiles } from '../images/imageFiles.ts'
import { describeImage, insertImage } from '../images/placeImage.ts'
import { SectionLink } from '../links/SectionLink.ts'
import { SectionLinkToolbar } from '../links/SectionLinkToolbar.tsx'
import { ReplaceAllUndoKeys } from '../search/ReplaceAllUndoKeys.ts'
import { TableToolbar } from '../tables/TableToolbar.tsx'
import { FormatToolbar } from './FormatToolbar.tsx'
import { readOnlyTextKey } from './readOnlyWords.ts'
import { useSectionsContext } from './SectionsContext.ts'
import { backToText, ToolbarKeys } from './toolbarKeys.ts'

export interface SectionEditorProps {
  /** The section whose content this is (for the presence: who is in it). */
  readonly sectionId: string
  readonly fragment: Y.XmlFragment
  /** Id of the element that names the editor (the section title). */
  readonly labelledBy: string
  /** Signed by both parties: the text is read-only until it is reopened. */
  readonly locked?: boolean
}

export function SectionEditor({ sectionId, fragment, labelledBy, locked = false }: SectionEditorProps) {
  const { t } = useTranslation('presence')
  const { t: sectionText } = useTranslation('sections')
  const { documentId, carets, awareness, editable: mayEdit, readOnlyWhy, currentUser, editors } = useSectionsContext()
  const caretAwareness = useMemo(() => carets.forFragment(fragment), [carets, fragment])
  const editable = mayEdit && !locked
  // Locked, or the member may only comment: the text still takes a caret and a selection from the
  // keyboard, to comment on a passage (editor/readOnlyText.ts). A lezer only reads.
  const canComment = useCommentsContext()?.canComment ?? false
  const selectable = !editable && canComment
  const readOnly = useRef(!editable)
  readOnly.current = !editable
  // The element that holds the toolbars, for Alt+F10.
  const tools = useRef<HTMLDivElement | null>(null)
  // Said once someone tries to change read-only text, until the editor loses the focus.
  const [refusedInput, setRefusedInput] = useState(false)
  // What the last paste could not bring along (images), until the next paste.
  const [pasteLosses, setPasteLosses] = useState<ReadonlySet<PasteLoss>>(new Set())
  // The image dialog, while it is open (features/images), and why its work could not be placed.
  const [imageRequest, setImageRequest] = useState<ImageRequest | null>(null)
  const [imageProblem, setImageProblem] = useState<'gone' | 'notPlaced' | null>(null)
  // A pasted or dropped file: the cursor goes where it lands, then the dialog opens (set once the editor is).
  const imageFileAt = useRef<(file: File, position: number) => void>(() => {})
  // Comment highlights (decorations, never marks) and "Reactie plaatsen"; none outside a document page.
  const commentsStore = useCommentsStore()
  const editor = useEditor(
    {
      extensions: [
        ReadOnlyText.configure({ isReadOnly: () => readOnly.current, onRefusedInput: () => setRefusedInput(true) }),
        // Undo comes with Collaboration (a Y.UndoManager per fragment). No trailing node: it would
        // write to the shared document just because someone opened it.
        contentStarterKit,
        // One page repairs a table two people changed at once: of those in this section, the lowest id.
        ...contentTables({
          mayRepair: () => repairsHere(awareness.getStates(), awareness.clientID, sectionId),
        }),
        contentImage(documentId),
        ImageFiles.configure({
          isReadOnly: () => readOnly.current,
          onFile: (file, position) => imageFileAt.current(file, position),
        }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: { awareness: caretAwareness },
          user: presenceUser(currentUser()),
          render: (user) =>
            renderCaret(user, { unknownName: t('caret.unknown'), kind: (kind) => t(`caret.kind.${kind}`) }),
        }),
        CommentHighlights.configure({ store: commentsStore, fragment, mayChange: () => !readOnly.current }),
        // Links to sections (docs/links.md); the fragment tells a link which section it starts from.
        SectionLink.configure({ fragment }),
        OfficePaste,
        PasteReport.configure({ onReport: setPasteLosses, documentId }),
        SearchHighlights,
        // Alt+F10 to the toolbars, Escape back (toolbarKeys.ts).
        ToolbarKeys.configure({ isReadOnly: () => readOnly.current, tools: () => tools.current }),
        ReplaceAllUndoKeys.configure({ history: editors.replaceAll }),
      ],
      editable: editable || selectable,
      onBlur: () => {
        setRefusedInput(false)
        setPasteLosses(new Set())
        setImageProblem(null)
      },
      editorProps: {
        attributes: {
          class: 'section-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          lang: 'nl',
        },
      },
    },
    [fragment, caretAwareness, commentsStore, editors, awareness, sectionId, documentId],
  )
  imageFileAt.current = (file, position) => {
    if (!editor || editor.isDestroyed) return
    editor.commands.setTextSelection(position)
    setImageRequest({ kind: 'new', file })
  }

  // The find bar searches this editor, and replaces in it only while `readOnly` is false.
  useEffect(() => {
    if (!editor) return
    return editors.add({ editor, mayChange: () => !readOnly.current })
  }, [editor, editors])

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const takesCaret = editable || selectable
    if (editor.isEditable !== takesCaret) editor.setEditable(takesCaret)
    readOnlyChanged(editor.view)
    if (editable) setRefusedInput(false)
  }, [editor, editable, selectable])

  return (
    <div data-testid="section-content" className="section-content">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape from either toolbar inside goes back to the text; the wrapper itself is not interactive. */}
      <div
        className="section-tools"
        ref={tools}
        onKeyDown={(event) => editor && !editor.isDestroyed && backToText(event, editor.view)}
      >
        {editable && editor && <FormatToolbar editor={editor} labelledBy={labelledBy} />}
        {editable && editor && <TableToolbar editor={editor} labelledBy={labelledBy} />}
        {editable && editor && (
          <ImageToolbar
            editor={editor}
            labelledBy={labelledBy}
            onFile={(file) => setImageRequest({ kind: 'new', file })}
            onDescribe={(image) => setImageRequest({ kind: 'describe', ...image })}
          />
        )}
        <SectionLinkToolbar editor={editor} editable={editable} />
      </div>
      <EditorContent editor={editor} />
      {/* A live region that exists before it speaks: why typing here does nothing. */}
      <p className="hint section-readonly-hint" role="status" data-testid="readonly-hint">
        {refusedInput && !editable ? sectionText(readOnlyTextKey(locked, readOnlyWhy)) : ''}
      </p>
      <p className="hint section-image-hint" role="status" data-testid="image-hint">
        {imageProblem !== null ? sectionText(`image.${imageProblem}`) : ''}
      </p>
      <p className="hint section-paste-hint" role="status" data-testid="paste-hint">
        {pasteLosses.size > 0 ? sectionText(`paste.${[...pasteLosses].sort().join('-')}`) : ''}
      </p>
      <SectionComments editor={editor} fragment={fragment} editable={editable} />
      {imageRequest !== null && editor && (
        <ImageDialog
          documentId={documentId}
          request={imageRequest}
          onPlace={(text, uploaded) => {
            // The text became read-only meanwhile (signed, or access changed), or someone else removed
            // the image being described: said, not dropped silently.
            const lost = editor.isDestroyed || readOnly.current
            if (imageRequest.kind === 'describe') {
              if (lost || !describeImage(editor, imageRequest.src, text)) setImageProblem(lost ? 'notPlaced' : 'gone')
            } else if (lost || uploaded === null || !insertImage(editor, uploaded, text)) {
              setImageProblem('notPlaced')
            }
          }}
          onClose={() => setImageRequest(null)}
        />
      )}
    </div>
  )
}
