import { errorMessage } from '../../../shared/error-message'
import { FormatProblem, lineAt } from './errors'

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// `callback(` must be followed by an object, so that a path like `Live(1).mp3` is not JSONP.
const JSONP_OPENING = /^\s*[A-Za-z_$][\w$.]*\s*\(\s*\{/
const POSITION = /\bposition (\d+)/
const MAX_DEPTH = 64

/** A JSONP body `callback(...)` with an optional trailing `;`, or null for plain JSON. */
function jsonpBody(text: string): { body: string; offset: number } | null {
  const opening = JSONP_OPENING.exec(text.slice(0, 512))
  if (!opening) return null
  const tail = text.trimEnd()
  const call = tail.endsWith(';') ? tail.slice(0, -1).trimEnd() : tail
  if (!call.endsWith(')')) throw new FormatProblem('JSONP callback is not closed with ")"')
  const bodyStart = opening[0].length - 1
  return { body: call.slice(bodyStart, -1), offset: bodyStart }
}

export function looksLikeJsonp(text: string): boolean {
  return JSONP_OPENING.test(text.slice(0, 512))
}

/**
 * Deep nesting parses fine, but would overflow the stack of whatever later serialises the
 * snapshot; no export nests more than a handful of levels.
 */
function assertShallow(document: unknown): void {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: document, depth: 1 }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > MAX_DEPTH) {
      throw new FormatProblem(`JSON nests deeper than ${MAX_DEPTH} levels`)
    }
    for (const child of Object.values(next.value as object)) {
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, depth: next.depth + 1 })
      }
    }
  }
}

/** Parses JSON or JSONP; a syntax error names the line where the parser stopped. */
export function parseJsonDocument(text: string): unknown {
  const jsonp = jsonpBody(text)
  const body = jsonp?.body ?? text
  let document: unknown
  try {
    document = JSON.parse(body)
  } catch (error) {
    const message = errorMessage(error)
    const position = POSITION.exec(message)?.[1]
    const line =
      position === undefined ? undefined : lineAt(text, Number(position) + (jsonp?.offset ?? 0))
    throw new FormatProblem(`invalid JSON: ${message}`, line === undefined ? {} : { line })
  }
  if (typeof document === 'object' && document !== null) assertShallow(document)
  return document
}

/** The error text a service put in its response, if any, for the one-line message. */
export function serviceMessage(value: JsonRecord): string | null {
  const error = isRecord(value.error) ? value.error : value
  for (const key of ['message', 'msg', 'errMsg', 'error_description']) {
    const text = error[key]
    if (typeof text === 'string' && text.trim() !== '') return text.trim()
  }
  return typeof value.error === 'string' ? value.error : null
}

/** An error body from the service that produced the export, as a one-line problem. */
export function serviceError(service: string, document: JsonRecord): FormatProblem {
  const message = serviceMessage(document)
  const detail = message === null ? '' : `: ${message}`
  const code = JSON.stringify(document.code) ?? 'none'
  return new FormatProblem(`${service} returned an error (code ${code}${detail})`)
}
