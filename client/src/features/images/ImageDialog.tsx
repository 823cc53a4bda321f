// Places an image (a map, a figure) in a section, or changes the description and caption of one that is
// there. For a new file the upload starts at once and shows its progress, while the author writes the
// description (alt text) that a screen reader reads and the dossier carries, and, if they want, the
// caption shown under the image ("Figuur 2 … Bron: …"); the image goes into the text only when both
// are done. A failed upload says why (the server's words); a failure of the way there (no connection,
// a server error) can be tried again, and a file the server refused (not a PNG or JPEG, cut off, too
// large) can be swapped for another without leaving the dialog, keeping what was written. Nothing is
// placed half. A modal dialog like the app's others (ui/ModalDialog.tsx).
import { imageCaption, MAX_IMAGE_ALT_CHARS, MAX_IMAGE_BYTES, MAX_IMAGE_CAPTION_CHARS } from '@novex/shared'
import { Button, Heading, Paragraph, Textarea, TextInput } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/documents.ts'
import { type UploadedImage, uploadImage } from '../../api/images.ts'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { ModalDialog } from '../../ui/ModalDialog.tsx'
import { IMAGE_FILE_ACCEPT } from './imageFiles.ts'
import type { ImageText } from './placeImage.ts'

/** A new file to upload, or an image already in the text whose description changes. */
export type ImageRequest =
  | { readonly kind: 'new'; readonly file: File }
  | { readonly kind: 'describe'; readonly src: string; readonly alt: string; readonly caption: string | null }

export interface ImageDialogProps {
  readonly documentId: string
  readonly request: ImageRequest
  /** The description and caption, and for a new file the uploaded image to place (null when describing). */
  readonly onPlace: (text: ImageText, uploaded: UploadedImage | null) => void
  readonly onClose: () => void
}

type Upload =
  | { readonly state: 'sending'; readonly fraction: number }
  | { readonly state: 'done'; readonly image: UploadedImage }
  /**
   * `message`: the server's own reason; null when it was not reached or did not say why, or when the
   * file was too large to send at all (`tooLarge`): then the catalogue's words are shown.
   */
  | {
      readonly state: 'failed'
      readonly message: string | null
      readonly tooLarge?: boolean
      /** Sending the same file again may work: the server was not reached, or failed itself. */
      readonly retryable: boolean
    }

/** The server's own (Dutch) reason for refusing the upload, when it gave one. */
function serverReason(error: unknown): string | null {
  return error instanceof ApiError && error.status !== 0 && error.message !== '' ? error.message : null
}

/** Not reached, too busy, or failed itself: the same file may go through another time. */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true
  return error.status === 0 || error.status === 429 || error.status >= 500
}

export function ImageDialog({ documentId, request, onPlace, onClose }: ImageDialogProps) {
  const { t } = useTranslation('sections')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const altRef = useRef<HTMLTextAreaElement>(null)
  const [alt, setAlt] = useState(request.kind === 'describe' ? request.alt : '')
  const [caption, setCaption] = useState(request.kind === 'describe' ? (request.caption ?? '') : '')
  // Only a new file is uploaded; describing an image in the text sends nothing.
  const [upload, setUpload] = useState<Upload>({ state: 'sending', fraction: 0 })
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  // The file to upload: the one the dialog opened with, or another chosen after a refusal.
  const [file, setFile] = useState<File | null>(request.kind === 'new' ? request.file : null)
  const fileInput = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` starts the upload again (Opnieuw proberen).
  useEffect(() => {
    if (file === null) return
    // Said at once, rather than after sending 10 MB the server will not take.
    if (file.size > MAX_IMAGE_BYTES) {
      setUpload({ state: 'failed', message: null, tooLarge: true, retryable: false })
      return
    }
    const cancel = new AbortController()
    setUpload({ state: 'sending', fraction: 0 })
    uploadImage(documentId, file, {
      signal: cancel.signal,
      onProgress: (fraction) => setUpload({ state: 'sending', fraction }),
    }).then(
      (image) => setUpload({ state: 'done', image }),
      (failure: unknown) => {
        if (!cancel.signal.aborted)
          setUpload({ state: 'failed', message: serverReason(failure), retryable: retryable(failure) })
      },
    )
    // Closing the dialog stops an upload that is still going.
    return () => cancel.abort()
  }, [documentId, file, attempt])

  const uploaded = upload.state === 'done' ? upload.image : null

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const description = alt.trim()
    if (description === '') {
      setError(t('image.altMissing'))
      altRef.current?.focus()
      return
    }
    if (file !== null && uploaded === null) {
      setError(upload.state === 'sending' ? t('image.stillSending') : t('image.notSent'))
      return
    }
    onPlace({ alt: description, caption: imageCaption(caption) }, uploaded)
    onCloseRef.current()
  }

  const describing = request.kind === 'describe'
  const percent = upload.state === 'sending' ? Math.round(upload.fraction * 100) : 100
  return (
    <ModalDialog
      dialogRef={dialogRef}
      testId="image-dialog"
      className="image-dialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      initialFocus={altRef}
      onClose={() => onCloseRef.current()}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Heading level={2} appearanceLevel={3} id={titleId} className="dialog__title">
          {t(describing ? 'image.titleDescribe' : 'image.titleNew')}
        </Heading>
        <Paragraph id={descriptionId}>{t('image.explain')}</Paragraph>
        {file !== null && (
          <div className="image-dialog__upload" data-testid="image-upload" data-state={upload.state}>
            <p className="image-dialog__file" translate="no">
              {file.name}
            </p>
            {/* A full bar would read as success: a failure shows its reason instead. */}
            {upload.state !== 'failed' && (
              <progress max={100} value={percent} aria-label={t('image.progress', { name: file.name })} />
            )}
            <p className="image-dialog__status" role="status">
              {/* All bytes sent: the server reads the whole image before it answers (a large one takes seconds). */}
              {upload.state === 'sending' && (percent < 100 ? t('image.sending', { percent }) : t('image.checking'))}
              {upload.state === 'done' && t('image.sent')}
            </p>
            {upload.state === 'failed' && (
              <div role="alert" className="image-dialog__failure" data-testid="image-upload-failure">
                {upload.message === null ? (
                  <p>
                    {upload.tooLarge
                      ? t('image.tooLarge', { limit: MAX_IMAGE_BYTES / 1024 / 1024 })
                      : t('image.unreachable')}
                  </p>
                ) : (
                  <p lang="nl" translate="no">
                    {upload.message}
                  </p>
                )}
                <div className="dialog__buttons">
                  {upload.retryable && (
                    <Button type="button" appearance="secondary-action-button" onClick={() => setAttempt((n) => n + 1)}>
                      {t('image.retry')}
                    </Button>
                  )}
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    data-testid="image-choose-other"
                    onClick={() => fileInput.current?.click()}
                  >
                    {t('image.chooseOther')}
                  </Button>
                </div>
              </div>
            )}
            <input
              ref={fileInput}
              type="file"
              accept={IMAGE_FILE_ACCEPT}
              hidden
              onChange={(event) => {
                const chosen = event.target.files?.[0]
                // Cleared, so that choosing the same file again is a change too.
                event.target.value = ''
                if (!chosen) return
                setFile(chosen)
                setError(null)
                setAttempt((n) => n + 1)
              }}
            />
          </div>
        )}
        {(describing || uploaded !== null) && (
          <img
            className="image-dialog__preview"
            src={request.kind === 'describe' ? request.src : uploaded?.src}
            alt=""
            data-testid="image-preview"
          />
        )}
        <LabelledField label={t('image.alt')} error={error} required>
          {(control) => (
            <Textarea
              {...control}
              ref={altRef}
              data-testid="image-alt"
              className="dialog__reason"
              rows={3}
              maxLength={MAX_IMAGE_ALT_CHARS}
              value={alt}
              onChange={(e) => {
                setAlt(e.target.value)
                setError(null)
              }}
            />
          )}
        </LabelledField>
        <LabelledField label={t('image.caption')} hint={t('image.captionHint')} hintClassName="image-dialog__hint">
          {(control) => (
            <TextInput
              {...control}
              data-testid="image-caption"
              maxLength={MAX_IMAGE_CAPTION_CHARS}
              value={caption}
              onChange={(e) => setCaption(e.target.value)}
            />
          )}
        </LabelledField>
        <div className="dialog__buttons">
          <Button type="submit" appearance="primary-action-button" data-testid="image-place">
            {t(describing ? 'image.save' : 'image.place')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => onCloseRef.current()}>
            {t('image.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
