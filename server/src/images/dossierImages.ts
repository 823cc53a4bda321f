// The images a dossier's locked sections show, read from storage for the renderers (which run in worker
// threads and read nothing themselves), by `src`. Only this document's images: an address of another
// document (only in content stored before the content policy knew images) is left out, and the
// renderers print its alternative text instead.
import { type CanonicalNode, IMAGE_NODE, parseImageSrc } from '@novex/shared'
import type { Dossier, DossierImage } from '../export/dossier.ts'
import type { ImageStore } from './imageStore.ts'

function collectSources(nodes: readonly CanonicalNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (!('attrs' in node || 'content' in node)) continue
    const src = node.attrs?.src
    if (node.type === IMAGE_NODE && typeof src === 'string') into.add(src)
    if ('content' in node && node.content) collectSources(node.content, into)
  }
}

export function dossierImages(
  documentId: string,
  sections: Dossier['sections'],
  images: ImageStore,
): Record<string, DossierImage> {
  const sources = new Set<string>()
  for (const section of sections) collectSources(section.content, sources)
  const found: Record<string, DossierImage> = {}
  for (const src of sources) {
    const address = parseImageSrc(src)
    if (address?.documentId !== documentId) continue
    const image = images.get(documentId, address.imageId)
    if (image) found[src] = { mediaType: image.mediaType, data: image.data, width: image.width, height: image.height }
  }
  return found
}
