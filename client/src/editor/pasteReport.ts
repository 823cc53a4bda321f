// Says what a paste could not bring along, instead of dropping it silently: the sections hold text,
// headings, lists, quotes, tables and links, so an image (in pasted HTML, or a screenshot pasted as a
// file) is left out. The paste itself goes on unchanged; this
// only looks at what was on the clipboard and tells the editor's owner (`onReport`), who shows it.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/** What a paste left out. */
export type PasteLoss = 'image'

export interface PasteReportOptions {
  /** After every paste: what it could not bring along (empty when everything came). */
  readonly onReport: (losses: ReadonlySet<PasteLoss>) => void
}

const pasteReportKey = new PluginKey('pasteReport')

/** Media the schema has no node for. */
const IMAGE_SELECTOR = 'img, svg, picture, video, canvas, object, embed, v\\:imagedata'

function pastedHtmlLosses(html: string): Set<PasteLoss> {
  const losses = new Set<PasteLoss>()
  const doc = new DOMParser().parseFromString(html, 'text/html')
  if (doc.querySelector(IMAGE_SELECTOR)) losses.add('image')
  return losses
}

function clipboardLosses(data: DataTransfer): Set<PasteLoss> {
  const html = data.getData('text/html')
  if (html !== '') return pastedHtmlLosses(html)
  // A screenshot or an image file, with no text beside it.
  const image = Array.from(data.files).some((file) => file.type.startsWith('image/'))
  return image && data.getData('text/plain') === '' ? new Set(['image']) : new Set()
}

export const PasteReport = Extension.create<PasteReportOptions>({
  name: 'pasteReport',

  addOptions() {
    return { onReport: () => {} }
  },

  addProseMirrorPlugins() {
    const { onReport } = this.options
    return [
      new Plugin({
        key: pasteReportKey,
        props: {
          handlePaste(_view, event) {
            if (event.clipboardData) onReport(clipboardLosses(event.clipboardData))
            // Only looking: ProseMirror (and the Office paste clean-up) still handle the paste.
            return false
          },
        },
      }),
    ]
  },
})
