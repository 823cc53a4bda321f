// Reads a JSON request body (bounded) and parses it with a zod schema: input is `unknown` until then.
import type { IncomingMessage } from 'node:http'
import type { z } from 'zod'
import { ApiError } from './respond.ts'

const MAX_BODY_BYTES = 64 * 1024

export async function readJsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = req.headers['content-type'] ?? ''
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Stuur de gegevens als JSON (Content-Type: application/json).')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'too_large', 'Het verzoek is te groot.')
    chunks.push(buffer)
  }
  let value: unknown
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new ApiError(400, 'invalid_json', 'Het verzoek bevat geen geldige JSON.')
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(geheel)').join(', ')
    throw new ApiError(400, 'invalid_input', `De invoer is niet geldig (${fields}).`)
  }
  return parsed.data
}
