// "Dossier exporteren": choose a format, download the dossier, see how far it is. The progress bar
// is indeterminate while the server prepares the file, then counts bytes against Content-Length.
// While it runs the button is aria-disabled, not disabled: a disabled button would drop the keyboard
// focus to the start of the page.
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { type ShownError, wordsAttributes } from '../signoff/apiError.ts'
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportProgress,
  fetchDossier,
  isExportFormat,
  saveFile,
} from './downloadDossier.ts'
import { exportError, formatBytes } from './exportText.ts'

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly progress: ExportProgress }
  | { readonly kind: 'done'; readonly filename: string }
  | { readonly kind: 'failed'; readonly error: unknown }

export function ExportDossier({ documentId }: { readonly documentId: string }) {
  const { t } = useTranslation('export')
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const controllerRef = useRef<AbortController | null>(null)

  useEffect(() => () => controllerRef.current?.abort(), [])

  const handleExport = async (): Promise<void> => {
    const controller = new AbortController()
    controllerRef.current = controller
    setState({ kind: 'busy', progress: { phase: 'preparing' } })
    try {
      const file = await fetchDossier(
        documentId,
        format,
        (progress) => setState({ kind: 'busy', progress }),
        controller.signal,
      )
      saveFile(file)
      setState({ kind: 'done', filename: file.filename })
    } catch (error) {
      if (controller.signal.aborted) return
      setState({ kind: 'failed', error })
    }
  }

  const busy = state.kind === 'busy'
  return (
    <div className="export-dossier">
      <LabelledField className="export-dossier__field" label={t('format')}>
        {({ id }) => (
          <select
            id={id}
            className="utrecht-select utrecht-select--html-select export-dossier__select"
            data-testid="export-format"
            value={format}
            disabled={busy}
            onChange={(e) => {
              if (isExportFormat(e.target.value)) setFormat(e.target.value)
            }}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f.key} value={f.key}>
                {t(`formats.${f.key}`)}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <Button
        type="button"
        appearance="secondary-action-button"
        className="export-dossier__button"
        data-testid="export-dossier"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void handleExport()
        }}
      >
        {t('start')}
      </Button>
      <div className="export-dossier__status" role="status">
        {state.kind === 'busy' && <ProgressLine progress={state.progress} />}
        {state.kind === 'done' && <span>{t('done', { filename: state.filename })}</span>}
      </div>
      {state.kind === 'failed' && <ExportFailure error={exportError(t, state.error)} />}
    </div>
  )
}

function ExportFailure({ error }: { readonly error: ShownError }) {
  return (
    <p className="form-error" role="alert" data-testid="export-error" {...wordsAttributes(error)}>
      {error.text}
    </p>
  )
}

function ProgressLine({ progress }: { readonly progress: ExportProgress }) {
  const { t, i18n } = useTranslation('export')
  const bytes = (n: number): string => formatBytes(t, i18n.language, n)
  if (progress.phase === 'preparing' || progress.total === null) {
    return (
      <span className="export-dossier__progress">
        <progress data-testid="export-progress" aria-label={t('preparingLabel')} />
        {progress.phase === 'preparing' ? t('preparing') : t('received', { received: bytes(progress.received) })}
      </span>
    )
  }
  return (
    <span className="export-dossier__progress">
      <progress
        data-testid="export-progress"
        aria-label={t('downloadingLabel')}
        max={progress.total}
        value={progress.received}
      />
      {t('receivedOf', { received: bytes(progress.received), total: bytes(progress.total) })}
    </span>
  )
}
