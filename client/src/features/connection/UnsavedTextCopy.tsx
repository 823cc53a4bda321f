// When the page can never send its waiting changes (closed without access or for a removed document, in
// ConnectionNotice; refused as read-only, in RefusalNotice): a button that puts the text the server has
// not confirmed on the clipboard, so that the user can keep it elsewhere. Read when pressed, so text
// typed after the notice came is in it.
import { Button } from '@rijkshuisstijl-community/components-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnsavedSection } from '../../collab/unsavedText.ts'
import { useKnownTargets } from '../links/knownTargets.ts'
import { copyText } from './copyText.ts'
import { textToCopy } from './refusedTextToCopy.ts'

type CopyState = 'idle' | 'copied' | 'nothing' | 'failed'

export function UnsavedTextCopy({ read }: { readonly read: () => readonly UnsavedSection[] }) {
  const { t } = useTranslation('connection')
  const [state, setState] = useState<CopyState>('idle')
  const ref = useRef<HTMLDivElement>(null)
  const known = useKnownTargets()

  const handleCopy = async (): Promise<void> => {
    const sections = read()
    const container = ref.current
    if (sections.length === 0 || container === null) {
      setState('nothing')
      return
    }
    setState((await copyText(textToCopy(t, sections, known), container)) ? 'copied' : 'failed')
  }

  return (
    <div ref={ref} className="notice__action">
      <Button
        type="button"
        appearance="secondary-action-button"
        data-testid="copy-unsaved"
        onClick={() => void handleCopy()}
      >
        {t('closed.copyUnsaved')}
      </Button>
      <p role="status" data-testid="copy-unsaved-status">
        {state === 'copied' && t('closed.copiedUnsaved')}
        {state === 'nothing' && t('closed.nothingUnsaved')}
        {state === 'failed' && t('refused.copyFailed')}
      </p>
    </div>
  )
}
