// The URL of one document on a benchmarked server.
import type { Endpoint } from '../servers/serverTarget.ts'

export function endpointUrl(endpoint: Endpoint, documentName: string): string {
  return endpoint.urlTemplate.replace('{doc}', encodeURIComponent(documentName))
}
