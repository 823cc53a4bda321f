// How every API module of the client talks to the server: fetch with the session cookie, JSON in and
// out, and any failure turned into that feature's error (ApiError or a subclass) carrying the HTTP
// status and the server's code and (Dutch) message. The text a user sees is chosen by code where it
// is shown (apiErrorText and friends), in the interface language.
//
// One place, because the documents, sign-off, links and comments modules each had their own copy.

/**
 * Makes a feature's error. `status` 0: the server could not be reached (`code` 'unreachable');
 * `code` null and `message` '' when a failed answer did not say.
 */
export type ErrorFactory<E extends Error = Error> = (status: number, code: string | null, message: string) => E

export interface RequestOptions {
  /** Sent as JSON. */
  readonly body?: unknown
  readonly signal?: AbortSignal
  /** Default `application/json`. */
  readonly accept?: string
}

/** The response, whatever its status; a network failure throws the feature's 'unreachable' error (an abort rethrows). */
export async function sendRequest(
  method: string,
  url: string,
  fail: ErrorFactory,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  try {
    return await fetch(url, {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw fail(0, 'unreachable', '')
  }
}

/** The parsed JSON body of a 2xx answer (null when there is none); otherwise throws `failureOf` it. */
export async function requestJson(
  method: string,
  url: string,
  fail: ErrorFactory,
  options: RequestOptions = {},
): Promise<unknown> {
  const response = await sendRequest(method, url, fail, options)
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw failureOf(response.status, body, fail)
  return body
}

/** The error for a failed answer, from the server's `{ error: { code, message } }` as far as it is there. */
export function failureOf<E extends Error>(status: number, body: unknown, fail: ErrorFactory<E>): E {
  const { code, message } = serverError(body)
  return fail(status, code, message ?? '')
}

/** The `{ error: { code, message } }` body of a failed request, as far as it is there. */
export function serverError(body: unknown): { readonly code: string | null; readonly message: string | null } {
  if (!isRecord(body) || !isRecord(body.error)) return { code: null, message: null }
  const { code, message } = body.error
  return { code: typeof code === 'string' ? code : null, message: typeof message === 'string' ? message : null }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
