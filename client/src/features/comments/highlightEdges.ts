// Whether a local edit needs the highlights resolved from Yjs again. ProseMirror maps an inline
// decoration through an edit exactly as Yjs moves the thread's relative positions, except where the
// edit touches one of the highlight's two ends (a letter typed at its edge, a selection across it typed
// over, the highlighted text deleted): there the two may disagree. Typing elsewhere, inside the
// highlighted text included, is mapped, with no extra transaction on the keystroke's path.
import type { Mapping } from '@tiptap/pm/transform'
import type { DecorationSet } from '@tiptap/pm/view'

/**
 * True when a changed range of `mapping` meets the start or end of a decoration. `before` is the set
 * before the edit, `after` the same set mapped through it (both come from the plugin's apply).
 */
export function editTouchesHighlightEdge(mapping: Mapping, before: DecorationSet, after: DecorationSet): boolean {
  // A highlight the mapping dropped (its text deleted) is settled by Yjs, not by the mapping.
  if (before.find().length !== after.find().length) return true
  const maps = mapping.maps
  for (let i = 0; i < maps.length; i++) {
    const rest = mapping.slice(i + 1)
    let touched = false
    maps[i]?.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (touched) return
      const from = rest.map(newStart, -1)
      const to = rest.map(newEnd, 1)
      touched = after.find(from, to).some((d) => (from <= d.from && d.from <= to) || (from <= d.to && d.to <= to))
    })
    if (touched) return true
  }
  return false
}
