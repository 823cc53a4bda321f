// The `sectionLink` node of a section editor: the schema node with the React node view, and Enter on a
// selected link opens its target (as a click does). Register it with the section's fragment so a link
// knows which section it starts from.
import { NodeSelection } from '@tiptap/pm/state'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { type SectionLinkOptions, SectionLinkView } from './SectionLinkView.tsx'
import { SectionLinkNode } from './sectionLinkNode.ts'

export const SectionLink = SectionLinkNode.extend<SectionLinkOptions>({
  // Above the core keymap: its Enter (splitBlock) would otherwise replace a selected link with a new line.
  priority: 1000,

  addOptions() {
    return { fragment: null }
  },

  addNodeView() {
    return ReactNodeViewRenderer(SectionLinkView, {
      // Clicks and keys on the link's own controls belong to them, not to ProseMirror (which would
      // select the node and swallow the click).
      stopEvent: ({ event }) => event.target instanceof Element && event.target.closest('a, button') !== null,
    })
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { selection } = editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false
        const dom = editor.view.nodeDOM(selection.from)
        const target = dom instanceof HTMLElement ? dom.querySelector<HTMLAnchorElement>('a[href]') : null
        if (target === null) return true
        target.click()
        return true
      },
    }
  },
})
