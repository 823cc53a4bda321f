// Says what a paste could not bring along, instead of dropping it silently. An image in pasted HTML
// (from Word, a web page) points elsewhere or is embedded in the HTML, and a section holds only images
// uploaded to its document, so it is left out; so is an image file that is not PNG or JPEG. A PNG or
// JPEG file is uploaded (features/images/imageFiles.ts), and an image copied within the document comes
// along. The paste itself goes on unchanged; this only looks at what was on the clipboard and tells the
// editor's owner (`onReport`), who shows it.
import { isImageMediaType } from '@novex/shared'
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { keepsPastedImage } from '../features/images/sectionImage.ts'

/** What a paste left out. */
export type PasteLoss = 'image'

export interface PasteReportOptions {
  /** After every paste: what it could not bring along (empty when everything came). */
  readonly onReport: (losses: ReadonlySet<PasteLoss>) => void
  /** The open document: its own images may be pasted. */
  readonly documentId: string | null
}

const pasteReportKey = new PluginKey('pasteReport')

/** Media the schema has no node for (an `img` it may have: see keepsPastedImage). */
const MEDIA_SELECTOR = 'svg, picture, video, canvas, object, embed, v\\:imagedata'

function pastedHtmlLosses(html: string, documentId: string | null): Set<PasteLoss> {
  const losses = new Set<PasteLoss>()
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const foreignImage = Array.from(doc.querySelectorAll('img')).some(
    (img) => !keepsPastedImage(img.getAttribute('src'), documentId),
  )
  if (foreignImage || doc.querySelector(MEDIA_SELECTOR)) losses.add('image')
  return losses
}

function clipboardLosses(data: DataTransfer, documentId: string | null): Set<PasteLoss> {
  const html = data.getData('text/html')
  if (html !== '') return pastedHtmlLosses(html, documentId)
  // An image file with no text beside it: a PNG or JPEG is uploaded, any other kind is left out.
  const files = Array.from(data.files).filter((file) => file.type.startsWith('image/'))
  const lost = files.length > 0 && !files.some((file) => isImageMediaType(file.type))
  return lost && data.getData('text/plain') === '' ? new Set(['image']) : new Set()
}

export const PasteReport = Extension.create<PasteReportOptions>({
  name: 'pasteReport',

  addOptions() {
    return { onReport: () => {}, documentId: null }
  },

  addProseMirrorPlugins() {
    const { onReport, documentId } = this.options
    return [
      new Plugin({
        key: pasteReportKey,
        props: {
          handlePaste(_view, event) {
            if (event.clipboardData) onReport(clipboardLosses(event.clipboardData, documentId))
            // Only looking: ProseMirror (and the Office paste clean-up) still handle the paste.
            return false
          },
        },
      }),
    ]
  },
})
