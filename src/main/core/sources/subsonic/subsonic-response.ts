import { z } from 'zod'

/** A `status: "failed"` envelope, which Subsonic servers send with HTTP 200. */
export class SubsonicError extends Error {
  constructor(
    readonly code: number,
    serverMessage: string | null,
  ) {
    super(`subsonic: ${describeCode(code, serverMessage)} (error ${code})`)
    this.name = 'SubsonicError'
  }
}

const CODE_TEXT: Record<number, string> = {
  10: 'a required parameter is missing',
  20: 'this client is too old for the server',
  30: 'the server is too old for this client',
  40: 'wrong username or password',
  41: 'the server does not accept token authentication',
  50: 'the user is not allowed to do this',
  60: 'the server trial period is over',
}

function describeCode(code: number, serverMessage: string | null): string {
  const known = CODE_TEXT[code]
  if (known) return known
  const message = serverMessage?.trim().replace(/\.$/, '')
  if (code === 70) return message ? `not found: ${message}` : 'not found'
  return message || 'the server reported an error'
}

const errorSchema = z.object({ code: z.coerce.number(), message: z.string().optional() })
const envelopeSchema = z.object({
  'subsonic-response': z.looseObject({
    status: z.string(),
    version: z.string().optional(),
    error: errorSchema.optional(),
  }),
})

export type SubsonicBody = z.infer<typeof envelopeSchema>['subsonic-response']

/** The parsed envelope, whatever its status; null when the text is not a Subsonic response. */
export function parseEnvelope(contentType: string, text: string): SubsonicBody | null {
  if (/\bxml\b/i.test(contentType) || text.trimStart().startsWith('<'))
    return parseXmlEnvelope(text)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = envelopeSchema.safeParse(json)
  return parsed.success ? parsed.data['subsonic-response'] : null
}

/** Throws the envelope's error when its status is not "ok". */
export function checkEnvelope(body: SubsonicBody): SubsonicBody {
  if (body.status === 'ok') return body
  throw new SubsonicError(body.error?.code ?? 0, body.error?.message ?? null)
}

// We always ask for JSON; XML still arrives from servers that ignore `f`, and its envelope
// (status, version, error) is all we need from it to report what went wrong.
function parseXmlEnvelope(text: string): SubsonicBody | null {
  const root = /<subsonic-response\b([^>]*)>/.exec(text)?.[1]
  if (root === undefined) return null
  const status = attribute(root, 'status')
  if (status === null) return null
  const error = /<error\b([^>]*)>/.exec(text)?.[1]
  const version = attribute(root, 'version')
  return {
    status,
    ...(version === null ? {} : { version }),
    ...(error === undefined
      ? {}
      : {
          error: {
            code: Number(attribute(error, 'code') ?? 0),
            message: attribute(error, 'message') ?? '',
          },
        }),
  }
}

function attribute(attributes: string, name: string): string | null {
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]
  return value === undefined ? null : decodeEntities(value)
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, body: string) => {
    if (/^#x/i.test(body)) return character(parseInt(body.slice(2), 16))
    if (body.startsWith('#')) return character(Number(body.slice(1)))
    return named[body] ?? entity
  })
}

function character(codePoint: number): string {
  return codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd'
}
