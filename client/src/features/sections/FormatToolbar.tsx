// The formatting buttons of one section's editor, as in a word processor: bold, italic, underline, two
// heading levels, a bulleted and a numbered list. A WAI-ARIA toolbar (ui/useRovingToolbar.ts); each
// button says whether its format is on (aria-pressed) and names its keyboard shortcut (Tiptap's own:
// aria-keyshortcuts, and in the tooltip).
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { useRovingToolbar } from '../../ui/useRovingToolbar.ts'

interface Format {
  readonly id: 'bold' | 'italic' | 'underline' | 'heading2' | 'heading3' | 'bulletList' | 'orderedList'
  /** As in aria-keyshortcuts; shown with "Ctrl". */
  readonly shortcut: string
  readonly isActive: (editor: Editor) => boolean
  readonly toggle: (editor: Editor) => void
}

const FORMATS: readonly Format[] = [
  {
    id: 'bold',
    shortcut: 'Control+B',
    isActive: (e) => e.isActive('bold'),
    toggle: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    shortcut: 'Control+I',
    isActive: (e) => e.isActive('italic'),
    toggle: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    id: 'underline',
    shortcut: 'Control+U',
    isActive: (e) => e.isActive('underline'),
    toggle: (e) => e.chain().focus().toggleUnderline().run(),
  },
  {
    id: 'heading2',
    shortcut: 'Control+Alt+2',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    toggle: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: 'heading3',
    shortcut: 'Control+Alt+3',
    isActive: (e) => e.isActive('heading', { level: 3 }),
    toggle: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: 'bulletList',
    shortcut: 'Control+Shift+8',
    isActive: (e) => e.isActive('bulletList'),
    toggle: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    shortcut: 'Control+Shift+7',
    isActive: (e) => e.isActive('orderedList'),
    toggle: (e) => e.chain().focus().toggleOrderedList().run(),
  },
]

export interface FormatToolbarProps {
  readonly editor: Editor
  /** The id of the section title, which names the text these buttons format. */
  readonly labelledBy: string
}

export function FormatToolbar({ editor, labelledBy }: FormatToolbarProps) {
  const { t } = useTranslation('sections')
  // Re-rendered only when a button's state changes, not on every keystroke.
  const active = useEditorState({ editor, selector: ({ editor: e }) => FORMATS.map((f) => f.isActive(e)) })
  const toolbar = useRovingToolbar(FORMATS.length)

  return (
    <div
      role="toolbar"
      className="format-toolbar"
      data-testid="format-toolbar"
      aria-label={t('format.label')}
      aria-describedby={labelledBy}
      onKeyDown={toolbar.onKeyDown}
    >
      {FORMATS.map((format, index) => (
        <button
          key={format.id}
          {...toolbar.button(index)}
          type="button"
          className={`format-button format-button--${format.id}`}
          data-testid={`format-${format.id}`}
          aria-pressed={active[index] ?? false}
          aria-keyshortcuts={format.shortcut}
          title={t('format.withShortcut', {
            name: t(`format.${format.id}`),
            shortcut: format.shortcut.replace('Control', 'Ctrl'),
          })}
          onClick={() => format.toggle(editor)}
        >
          {t(`format.${format.id}`)}
        </button>
      ))}
    </div>
  )
}
