// An image file pasted (a screenshot, a map copied from a GIS viewer) or dropped on a section's text:
// handed to the page (`onFile`), which asks for its description and uploads it, instead of the browser
// dropping it. Only PNG and JPEG are taken; any other file is left to the paste report, which says it was
// left out. Text that comes with the file (HTML from a web page) is pasted as usual.
import { IMAGE_MEDIA_TYPES, isImageMediaType } from '@novex/shared'
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

export interface ImageFilesOptions {
  /** A PNG or JPEG file to place at `position` in the text. */
  readonly onFile: (file: File, position: number) => void
  readonly isReadOnly: () => boolean
}

/** A file chooser's `accept`: the types the server takes. */
export const IMAGE_FILE_ACCEPT = Object.keys(IMAGE_MEDIA_TYPES).join(',')

/** The first PNG or JPEG among the files, when nothing but files came. */
export function imageFileOf(data: DataTransfer | null): File | null {
  if (data === null || data.files.length === 0) return null
  if (data.getData('text/html') !== '' || data.getData('text/plain') !== '') return null
  return Array.from(data.files).find((file) => isImageMediaType(file.type)) ?? null
}

export const ImageFiles = Extension.create<ImageFilesOptions>({
  name: 'imageFiles',

  addOptions() {
    return { onFile: () => {}, isReadOnly: () => true }
  },

  addProseMirrorPlugins() {
    const { onFile, isReadOnly } = this.options
    return [
      new Plugin({
        key: new PluginKey('imageFiles'),
        props: {
          handlePaste(view, event) {
            const file = isReadOnly() ? null : imageFileOf(event.clipboardData)
            if (file === null) return false
            onFile(file, view.state.selection.from)
            return true
          },
          handleDrop(view, event) {
            const file = isReadOnly() ? null : imageFileOf(event.dataTransfer)
            if (file === null) return false
            event.preventDefault()
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            onFile(file, at?.pos ?? view.state.selection.from)
            return true
          },
        },
      }),
    ]
  },
})
