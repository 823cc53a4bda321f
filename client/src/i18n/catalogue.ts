// The message catalogue: one JSON file per locale and namespace, `locales/<lng>/<ns>.json`. Vite
// collects them at build time, so a feature adds its texts by adding a file; nothing to register.
import type { Resource, ResourceLanguage } from 'i18next'

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' })

export function catalogue(): Resource {
  const resources: Record<string, ResourceLanguage> = {}
  for (const [path, messages] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, lng = '', ns = ''] = match
    resources[lng] = { ...resources[lng], [ns]: messages as ResourceLanguage[string] }
  }
  return resources
}

export function namespaces(resources: Resource): string[] {
  return [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))].sort()
}
