// Reads a JSON request body (bounded) and parses it with a zod schema: input is `unknown` until then.
import type { IncomingMessage } from 'node:http'
import type { z } from 'zod'
import { readBodyBytes } from './readBody.ts'
import { ApiError } from './respond.ts'

const MAX_BODY_BYTES = 64 * 1024

export async function readJsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = req.headers['content-type'] ?? ''
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Stuur de gegevens als JSON (Content-Type: application/json).')
  }
  const body = await readBodyBytes(req, MAX_BODY_BYTES, 'Het verzoek is te groot.')
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
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
