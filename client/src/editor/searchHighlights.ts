// Highlights the matches of the document's find bar in one section editor: prosemirror-search's
// plugin, which holds the query and draws every match as a decoration (never a mark, so nothing is
// written to the shared document), the match that is also the selection as the active one.
// The find bar (features/search) sets the same query in every section's editor.
import { Extension } from '@tiptap/core'
import { search } from 'prosemirror-search'

export const SearchHighlights = Extension.create({
  name: 'searchHighlights',

  addProseMirrorPlugins() {
    return [search()]
  },
})
