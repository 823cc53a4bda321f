// The image buttons of one section's editor: "Afbeelding invoegen" chooses a PNG or JPEG file (a map, a
// figure) to upload and place at the cursor; "Beschrijving wijzigen" changes the description and the
// caption of the selected image (arrow keys select an image in the text). Pasting or dropping an image file does the
// same as the first (imageFiles.ts). A WAI-ARIA toolbar (ui/useRovingToolbar.ts), beside the others;
// Alt+F10 comes here when an image is selected.
import { IMAGE_NODE, imageCaption } from '@novex/shared'
import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { useEditorState } from '@tiptap/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useRovingToolbar } from '../../ui/useRovingToolbar.ts'
import { IMAGE_FILE_ACCEPT } from './imageFiles.ts'

export interface ImageToolbarProps {
  readonly editor: Editor
  /** The id of the section title, which names the text the image goes into. */
  readonly labelledBy: string
  readonly onFile: (file: File) => void
  /** The selected image's address, description and caption. */
  readonly onDescribe: (image: SelectedImage) => void
}

export interface SelectedImage {
  readonly src: string
  readonly alt: string
  readonly caption: string | null
}

/** The image the selection holds, if it holds exactly one. */
export function selectedImage(editor: Editor): SelectedImage | null {
  const { selection } = editor.state
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== IMAGE_NODE) return null
  const { src, alt, caption } = selection.node.attrs
  return typeof src === 'string'
    ? { src, alt: typeof alt === 'string' ? alt : '', caption: imageCaption(caption) }
    : null
}

export function ImageToolbar({ editor, labelledBy, onFile, onDescribe }: ImageToolbarProps) {
  const { t } = useTranslation('sections')
  const image = useEditorState({ editor, selector: ({ editor: e }) => selectedImage(e) })
  const toolbar = useRovingToolbar(2)
  const input = useRef<HTMLInputElement>(null)

  return (
    <div
      role="toolbar"
      className="format-toolbar image-toolbar"
      data-testid="image-toolbar"
      aria-label={t('image.label')}
      aria-describedby={labelledBy}
      onKeyDown={toolbar.onKeyDown}
    >
      <button
        {...toolbar.button(0)}
        type="button"
        className="format-button"
        data-testid="image-insert"
        title={t('image.insertHint')}
        onClick={() => input.current?.click()}
      >
        {t('image.insert')}
      </button>
      <button
        {...toolbar.button(1)}
        type="button"
        className="format-button"
        data-testid="image-describe"
        aria-disabled={image === null ? true : undefined}
        onClick={() => {
          if (image !== null) onDescribe(image)
        }}
      >
        {t('image.describe')}
      </button>
      <input
        ref={input}
        type="file"
        accept={IMAGE_FILE_ACCEPT}
        hidden
        data-testid="image-file"
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared, so that choosing the same file again is a change too.
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
    </div>
  )
}
