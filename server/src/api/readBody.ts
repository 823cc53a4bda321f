// Reads a request body into memory, up to a bound: a body that announces more, or sends more, is refused
// with 413 as soon as that is known, without reading the rest.
import type { IncomingMessage } from 'node:http'
import { ApiError } from './respond.ts'

export async function readBodyBytes(req: IncomingMessage, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const announced = Number(req.headers['content-length'] ?? Number.NaN)
  if (announced > maxBytes) throw new ApiError(413, 'too_large', tooLarge)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > maxBytes) throw new ApiError(413, 'too_large', tooLarge)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}
