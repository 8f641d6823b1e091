import { getGlobalDispatcher, interceptors, request, type Dispatcher } from 'undici'
import { redactUrl } from '../net'
import { errorMessage } from '../../../shared/error-message'

export type CoverMimeType = 'image/jpeg' | 'image/png'

export interface CoverImage {
  data: Uint8Array
  mimeType: CoverMimeType
}

export interface CoverFetchOptions {
  signal: AbortSignal
  dispatcher?: Dispatcher
  /** Larger pictures are refused: a cover is a few hundred KiB. */
  maxBytes?: number
  timeoutMs?: number
}

const DEFAULT_COVER_MAX_BYTES = 10 * 1024 * 1024
const DEFAULT_TIMEOUT_MS = 15_000
const MAX_REDIRECTS = 3

// JPEG and PNG are the pictures every tag format (MP4's `covr` included) and player accept.
const IMAGE_TYPES = new Set(['image/jpeg', 'image/jpg', 'image/pjpeg', 'image/png'])

export class CoverError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CoverError'
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null
}

/** Why an answer cannot be a cover, before its body is read; null when it may be. */
function refusalOf(status: number, type: string, length: number, maxBytes: number): string | null {
  if (status !== 200) return `HTTP ${status}`
  if (!IMAGE_TYPES.has(type.toLowerCase())) return `${type || 'no content type'}, not a picture`
  if (length > maxBytes) return `${length} bytes, more than ${maxBytes}`
  return null
}

/** What the picture's first bytes say it is, so a mislabelled body is never embedded. */
function sniff(data: Uint8Array): CoverMimeType | null {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  return png.every((byte, i) => data[i] === byte) ? 'image/png' : null
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, url: string) {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = chunk as Buffer
    size += buffer.length
    // Leaving the loop by a throw destroys the body, so the rest is never read.
    if (size > maxBytes) throw new CoverError(`cover ${url} is larger than ${maxBytes} bytes`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** Fetches one cover picture: JPEG or PNG only, at most `maxBytes`, within a timeout. */
export async function fetchCover(url: string, options: CoverFetchOptions): Promise<CoverImage> {
  const shown = redactUrl(url)
  const maxBytes = options.maxBytes ?? DEFAULT_COVER_MAX_BYTES
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const dispatcher = (options.dispatcher ?? getGlobalDispatcher()).compose(
    interceptors.redirect({ maxRedirections: MAX_REDIRECTS }),
  )
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
  try {
    const response = await request(url, {
      dispatcher,
      signal,
      headers: { accept: 'image/jpeg, image/png' },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    })
    const type = headerValue(response.headers['content-type'])?.split(';')[0]?.trim() ?? ''
    const length = Number(headerValue(response.headers['content-length']) ?? Number.NaN)
    const refusal = refusalOf(response.statusCode, type, length, maxBytes)
    if (refusal !== null) {
      // Reads a short refusal to keep the connection; a long one is cut.
      await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined)
      throw new CoverError(`cover ${shown}: ${refusal}`)
    }
    const data = await readCapped(response.body, maxBytes, shown)
    const mimeType = sniff(data)
    if (mimeType === null) throw new CoverError(`cover ${shown} is not a JPEG or PNG picture`)
    return { data, mimeType }
  } catch (error) {
    if (error instanceof CoverError) throw error
    const reason = signal.aborted && !options.signal.aborted ? 'timed out' : errorMessage(error)
    throw new CoverError(`cover ${shown}: ${reason}`, { cause: error })
  }
}
