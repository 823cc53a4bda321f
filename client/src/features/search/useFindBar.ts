// Whether the document's find bar is open, and how it opens and closes (Ctrl+H or its button).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SectionEditorEntry } from './sectionEditors.ts'

/** The selected text, when it is a short piece of one section's text: what Ctrl+H looks for first. */
function selectedSearchText(): string {
  const selection = window.getSelection()
  const text = selection?.toString() ?? ''
  const inEditor = selection?.anchorNode?.parentElement?.closest('.section-editor') ?? null
  return inEditor !== null && text.length <= 100 && !/[\n\r]/.test(text) ? text : ''
}

/**
 * Whether the find bar is open, and its opening and closing: Ctrl+H (or the button) opens it with the
 * selected text and takes the focus to its search field, also when it is open already; closing puts
 * the caret on the current match, or gives the focus back to where it was.
 */
export function useFindBar() {
  const [open, setOpen] = useState<{ initialSearch: string; focusRequest: number } | null>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const openerRef = useRef<HTMLElement | null>(null)
  const show = useCallback(() => {
    const active = window.document.activeElement
    if (!active?.closest('[data-testid="find-bar"]')) openerRef.current = active instanceof HTMLElement ? active : null
    const initialSearch = selectedSearchText()
    setOpen((was) => ({
      initialSearch: was?.initialSearch ?? initialSearch,
      focusRequest: (was?.focusRequest ?? 0) + 1,
    }))
  }, [])
  const close = useCallback((atMatch: SectionEditorEntry | null) => {
    setOpen(null)
    if (atMatch && !atMatch.editor.isDestroyed) atMatch.editor.commands.focus()
    else (openerRef.current?.isConnected ? openerRef.current : toggleRef.current)?.focus()
  }, [])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== 'h' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      event.preventDefault()
      show()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [show])
  return { open, show, close, toggleRef }
}
