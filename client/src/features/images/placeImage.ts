// What "Plaatsen" in the image dialog does to the text: a new image goes where the cursor is (for a
// dropped file, where it was dropped); a new description goes to the image it was asked for, found
// by its address near the selection, since others may have typed meanwhile.
import { IMAGE_NODE } from '@novex/shared'
import type { Editor } from '@tiptap/core'
import type { PlacedImage } from './ImageDialog.tsx'

/** `width`/`height` only when known (a description change keeps the node's own). */
const sizeOf = (image: PlacedImage) =>
  image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : {}

export function insertImage(editor: Editor, image: PlacedImage): boolean {
  const attrs = { src: image.src, alt: image.alt, ...sizeOf(image) }
  return editor.chain().focus().insertContent({ type: IMAGE_NODE, attrs }).run()
}

export function describeImage(editor: Editor, src: string, alt: string): boolean {
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
      tr.setNodeMarkup(at, undefined, { ...node.attrs, alt })
      return true
    })
    .setNodeSelection(at)
    .run()
}
