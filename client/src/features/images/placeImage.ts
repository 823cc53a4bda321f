// What "Plaatsen" in the image dialog does to the text: a new image goes where the cursor is (for a
// dropped file, where it was dropped); a new description and caption go to the image they were asked
// for, found by its address near the selection, since others may have typed meanwhile.
import { IMAGE_NODE } from '@novex/shared'
import type { Editor } from '@tiptap/core'
import type { UploadedImage } from '../../api/images.ts'

/** What the dialog asks of an image: its description (required) and its caption (null: none). */
export interface ImageText {
  readonly alt: string
  readonly caption: string | null
}

/** An uploaded image with its pixel size (the aspect ratio before the bytes arrive), description and caption. */
export function insertImage(editor: Editor, image: UploadedImage, { alt, caption }: ImageText): boolean {
  const attrs = { src: image.src, alt, caption, width: image.width, height: image.height }
  return editor.chain().focus().insertContent({ type: IMAGE_NODE, attrs }).run()
}

export function describeImage(editor: Editor, src: string, { alt, caption }: ImageText): boolean {
  const anchor = editor.state.selection.from
  let best: number | null = null
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === IMAGE_NODE && node.attrs.src === src) {
      if (best === null || Math.abs(pos - anchor) < Math.abs(best - anchor)) best = pos
    }
    return true
  })
  const at = best
  if (at === null) return false
  return editor
    .chain()
    .focus()
    .command(({ tr }) => {
      const node = tr.doc.nodeAt(at)
      if (node === null) return false
      tr.setNodeMarkup(at, undefined, { ...node.attrs, alt, caption })
      return true
    })
    .setNodeSelection(at)
    .run()
}
