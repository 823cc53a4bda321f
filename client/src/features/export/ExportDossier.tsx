// "Dossier exporteren": choose a format, download the dossier, see how far it is. The progress bar
// is indeterminate while the server prepares the file, then counts bytes against Content-Length.
import { useEffect, useId, useRef, useState } from 'react'
import {
  EXPORT_FORMATS,
  ExportError,
  type ExportFormat,
  type ExportProgress,
  fetchDossier,
  saveFile,
} from './downloadDossier.ts'

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly progress: ExportProgress }
  | { readonly kind: 'done'; readonly filename: string }
  | { readonly kind: 'failed'; readonly message: string }

export function ExportDossier({ documentId }: { readonly documentId: string }) {
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const controllerRef = useRef<AbortController | null>(null)
  const formatId = useId()

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
      const message =
        error instanceof ExportError ? error.message : 'Het dossier kon niet worden gedownload. Probeer het opnieuw.'
      setState({ kind: 'failed', message })
    }
  }

  const busy = state.kind === 'busy'
  return (
    <div className="export-dossier">
      <label htmlFor={formatId} className="export-dossier__label">
        Formaat
      </label>
      <select
        id={formatId}
        data-testid="export-format"
        value={format}
        disabled={busy}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small button--secondary"
        data-testid="export-dossier"
        disabled={busy}
        onClick={() => void handleExport()}
      >
        Dossier exporteren
      </button>
      <div className="export-dossier__status" role="status">
        {state.kind === 'busy' && <ProgressLine progress={state.progress} />}
        {state.kind === 'done' && <span>Gedownload: {state.filename}</span>}
      </div>
      {state.kind === 'failed' && (
        <p className="form-error" role="alert" data-testid="export-error">
          {state.message}
        </p>
      )}
    </div>
  )
}

function ProgressLine({ progress }: { readonly progress: ExportProgress }) {
  if (progress.phase === 'preparing' || progress.total === null) {
    return (
      <span className="export-dossier__progress">
        <progress data-testid="export-progress" aria-label="Dossier wordt gemaakt" />
        {progress.phase === 'preparing' ? 'Het dossier wordt gemaakt…' : `${formatBytes(progress.received)} ontvangen`}
      </span>
    )
  }
  return (
    <span className="export-dossier__progress">
      <progress
        data-testid="export-progress"
        aria-label="Dossier downloaden"
        max={progress.total}
        value={progress.received}
      />
      {formatBytes(progress.received)} van {formatBytes(progress.total)}
    </span>
  )
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
}
