// pdfkit (0.20) copies the document information (title, author, subject) into the PDF/A's XMP
// metadata without XML escaping: a title like "Wonen & werken" or a sender with "<" makes that XML
// invalid, and the archived PDF/A fails validation (the Archiefwet copy). Its Info dictionary, written
// first, is a PDF string and needs the value as it is. So the values are escaped for the XMP only:
// around pdfkit's own `endMetadata`, and put back after it.
import escapeHtml from 'escape-html'

/** The part of a pdfkit document this touches. */
interface MetadataWriter {
  info: Record<string, unknown>
  endMetadata: () => void
}

function isMetadataWriter(doc: object): doc is MetadataWriter {
  return 'endMetadata' in doc && typeof doc.endMetadata === 'function' && 'info' in doc
}

/** Makes `doc` write its information escaped into the XMP. Throws if pdfkit changed shape. */
export function escapeXmpInfo(doc: object): void {
  if (!isMetadataWriter(doc)) throw new Error('pdfkit without endMetadata: check the XMP escaping')
  const original = doc.endMetadata.bind(doc)
  doc.endMetadata = () => {
    const kept = doc.info
    doc.info = Object.fromEntries(
      Object.entries(kept).map(([key, value]) => [key, typeof value === 'string' ? escapeHtml(value) : value]),
    )
    try {
      original()
    } finally {
      doc.info = kept
    }
  }
}
