// The ODF package around content.xml: the `mimetype` entry first and stored uncompressed (so tools can
// sniff the type at a fixed offset, ODF 1.3 part 2 §3.3), META-INF/manifest.xml listing every part,
// meta.xml (title, senders, language, date), styles.xml and the images under Pictures/. Zipped with
// fflate; XML built by xmlbuilder2.
import { strToU8, type Zippable, zipSync } from 'fflate'
import { create } from 'xmlbuilder2'
import { namespaceAttributes, ODF_NS, ODF_VERSION, ODT_MIMETYPE } from './odfNamespaces.ts'
import { odfStylesXml } from './odfStyles.ts'
import { xmlLiteral } from './xmlLiteral.ts'

export interface OdtParts {
  readonly contentXml: string
  readonly title: string
  readonly creator: string
  readonly createdAt: number
  /** The images content.xml shows, each once. */
  readonly pictures: readonly OdtPicture[]
}

export interface OdtPicture {
  /** E.g. "Pictures/afbeelding-1.png", as content.xml's draw:image refers to it. */
  readonly path: string
  readonly mediaType: string
  readonly data: Uint8Array
}

const PARTS = ['content.xml', 'styles.xml', 'meta.xml'] as const

export function odtPackage(parts: OdtParts): Uint8Array {
  const files: Zippable = {
    // Level 0 = stored; object key order is the order in the archive, so `mimetype` comes first.
    mimetype: [strToU8(ODT_MIMETYPE), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifestXml(parts.pictures)),
    'content.xml': strToU8(parts.contentXml),
    'styles.xml': strToU8(odfStylesXml(parts.title)),
    'meta.xml': strToU8(metaXml(parts)),
  }
  // Stored as they are: PNG and JPEG are compressed already.
  for (const picture of parts.pictures) files[picture.path] = [picture.data, { level: 0 }]
  return zipSync(files, { level: 6, mtime: new Date(parts.createdAt) })
}

function manifestXml(pictures: readonly OdtPicture[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ODF_NS.manifest, 'manifest:manifest', {
    'manifest:version': ODF_VERSION,
  })
  root.ele('manifest:file-entry', {
    'manifest:full-path': '/',
    'manifest:version': ODF_VERSION,
    'manifest:media-type': ODT_MIMETYPE,
  })
  for (const part of PARTS)
    root.ele('manifest:file-entry', { 'manifest:full-path': part, 'manifest:media-type': 'text/xml' })
  for (const picture of pictures) {
    root.ele('manifest:file-entry', { 'manifest:full-path': picture.path, 'manifest:media-type': picture.mediaType })
  }
  return root.end({ prettyPrint: false })
}

function metaXml(parts: OdtParts): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ODF_NS.office, 'office:document-meta', {
    ...namespaceAttributes('meta', 'dc'),
    'office:version': ODF_VERSION,
  })
  const meta = root.ele('office:meta')
  meta.ele('meta:generator').txt('NOVEX Co-auteur')
  meta.ele('dc:title').txt(xmlLiteral(parts.title))
  meta.ele('meta:initial-creator').txt(xmlLiteral(parts.creator))
  meta.ele('dc:creator').txt(xmlLiteral(parts.creator))
  meta.ele('dc:language').txt('nl-NL')
  const iso = new Date(parts.createdAt).toISOString()
  meta.ele('meta:creation-date').txt(iso)
  meta.ele('dc:date').txt(iso)
  return root.end({ prettyPrint: false })
}
