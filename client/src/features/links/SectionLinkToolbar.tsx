// The link button of one section's editor ("Koppelen aan ruimtelijk voorstel", also Ctrl+Alt+K in the
// text) and its picker. The chosen section is inserted as a `sectionLink` node where the cursor was;
// the picker's title for it is kept so the link reads well before the server has indexed it.
import { SECTION_LINK_NODE } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LinkTarget } from '../../api/links.ts'
import { LinkPickerDialog } from './LinkPickerDialog.tsx'
import { useLinksContext } from './LinksContext.ts'
import { LINK_SHORTCUT, linkPickerLabel } from './linkText.ts'

export interface SectionLinkToolbarProps {
  readonly editor: Editor | null
  /** The editor accepts changes (edit rights, not locked). */
  readonly editable: boolean
}

export function SectionLinkToolbar({ editor, editable }: SectionLinkToolbarProps) {
  const { t } = useTranslation('links')
  const context = useLinksContext()
  const [open, setOpen] = useState(false)
  const openerRef = useRef<Element | null>(null)
  const enabled = (context?.canEdit ?? false) && editable

  useEffect(() => {
    if (editor === null || !enabled) return
    const dom = editor.view.dom
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyK') return
      event.preventDefault()
      openerRef.current = dom
      setOpen(true)
    }
    dom.addEventListener('keydown', handleKeyDown)
    return () => dom.removeEventListener('keydown', handleKeyDown)
  }, [editor, enabled])

  if (!enabled || context === null) return null
  const label = linkPickerLabel(t, context.kind)

  const close = (): void => {
    setOpen(false)
    const opener = openerRef.current
    // Back to the text (the cursor is where it was) or to the button that opened the picker.
    if (editor !== null && !editor.isDestroyed && (opener === null || opener === editor.view.dom))
      editor.commands.focus()
    else if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
  }

  const choose = (target: LinkTarget): void => {
    setOpen(false)
    if (editor === null || editor.isDestroyed) return
    context.store.remember(target)
    // After the selection, not over it: selected words stay (a link holds no text of its own).
    editor
      .chain()
      .focus()
      .insertContentAt(editor.state.selection.to, {
        type: SECTION_LINK_NODE,
        attrs: { documentId: target.documentId, sectionId: target.sectionId },
      })
      .run()
  }

  return (
    <div className="section-toolbar">
      <Button
        type="button"
        appearance="secondary-action-button"
        className="section-toolbar__button"
        data-testid="link-picker-open"
        aria-keyshortcuts={LINK_SHORTCUT}
        aria-haspopup="dialog"
        title={t('picker.shortcutHint', { label })}
        onClick={(event) => {
          openerRef.current = event.currentTarget
          setOpen(true)
        }}
      >
        {label}
      </Button>
      {open && (
        <LinkPickerDialog documentId={context.store.documentId} title={label} onChoose={choose} onClose={close} />
      )}
    </div>
  )
}
