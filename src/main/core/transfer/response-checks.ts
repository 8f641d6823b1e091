import type { IncomingHttpHeaders } from 'node:http'

/** One header value; undici gives arrays for repeated headers. */
export function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name]
  if (Array.isArray(value)) return value[0] ?? null
  return value ?? null
}

const NOT_AUDIO = [
  /^text\/(html|xml|javascript)$/,
  /^application\/(json|xml|xhtml\+xml|javascript|problem\+json)$/,
  /\+(json|xml)$/,
]

/** The media type without parameters, lower case; null when absent. */
export function mediaType(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  return type ? type : null
}

/**
 * True when the Content-Type says the body is a page or an API answer (an error sent with 200,
 * a login page), never audio. Unknown and generic types pass: the magic bytes decide then.
 */
export function isNonAudioType(contentType: string | null): boolean {
  const type = mediaType(contentType)
  return type !== null && NOT_AUDIO.some((pattern) => pattern.test(type))
}

export interface ContentRange {
  start: number
  end: number
  total: number | null
}

/** Parses `bytes START-END/TOTAL` (TOTAL may be `*`); null for anything else. */
export function parseContentRange(value: string | null): ContentRange | null {
  const match = value === null ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim())
  if (!match) return null
  const [, start, end, total] = match
  return {
    start: Number(start),
    end: Number(end),
    total: total === '*' ? null : Number(total),
  }
}

/** Content-Length as a number, null when absent or not a plain integer. */
export function contentLength(headers: IncomingHttpHeaders): number | null {
  const value = header(headers, 'content-length')
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null
}

/** If-Range needs a strong validator: a weak ETag (`W/"…"`) could match different bytes. */
export function ifRangeValidator(validators: {
  etag: string | null
  lastModified: string | null
}): string | null {
  if (validators.etag && !validators.etag.startsWith('W/')) return validators.etag
  return validators.lastModified
}
