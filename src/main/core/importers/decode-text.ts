import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import { FormatProblem, lineAt } from './errors'

export interface DecodeOptions {
  /** Legacy `.m3u` files are Windows-1252 when they are not valid UTF-8. */
  legacyFallback: boolean
}

const XML_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/
const UNICODE_LABEL = /^(?:utf-?8|utf-?16|ucs-?2)/
// The C0 controls no text playlist contains; TAB, LF and CR are allowed.
const BINARY_CONTROL = /[^\P{Cc}\t\n\r\u007f-\u009f]/u

/** Unicode encodings, strictly: a byte sequence that is not valid is an error. */
function decodeUnicode(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new FormatProblem(`text is not valid ${label.toUpperCase()}`)
  }
}

/** Legacy single-byte encodings; Node's own TextDecoder treats windows-1252 as Latin-1. */
function decodeLegacy(label: string, bytes: Uint8Array): string {
  if (!iconv.encodingExists(label)) throw new FormatProblem(`unsupported text encoding "${label}"`)
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), label)
}

function decodeByBom(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return decodeUnicode('utf-8', bytes.subarray(3))
  if (a === 0xff && b === 0xfe) return decodeUnicode('utf-16le', bytes.subarray(2))
  if (a === 0xfe && b === 0xff) return decodeUnicode('utf-16be', bytes.subarray(2))
  return null
}

/**
 * A legacy encoding named by the XML declaration of a file without a BOM. Unicode labels
 * are left to the UTF-8 path: UTF-16 without a BOM would be full of NUL bytes.
 */
function declaredXmlEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256))
  const label = XML_ENCODING.exec(head.toString('latin1'))?.[1]?.toLowerCase()
  return label && !UNICODE_LABEL.test(label) ? label : null
}

function decodeUnmarked(bytes: Uint8Array, options: DecodeOptions): string {
  // Checked before the fallback: Windows-1252 would happily "decode" random bytes.
  if (bytes.includes(0)) throw new FormatProblem('binary content (NUL bytes): not a text playlist')
  const declared = declaredXmlEncoding(bytes)
  if (declared) return decodeLegacy(declared, bytes)
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString()
  if (options.legacyFallback) return decodeLegacy('windows-1252', bytes)
  throw new FormatProblem('text is not valid UTF-8 (nor UTF-16 with a byte order mark)')
}

/** Decodes an export to text: BOM first, then an XML declaration, then UTF-8. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions): string {
  if (bytes.length === 0) throw new FormatProblem('file is empty')
  const text = decodeByBom(bytes) ?? decodeUnmarked(bytes, options)
  const control = BINARY_CONTROL.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0')
    throw new FormatProblem(`binary content (control character U+${code.toUpperCase()})`, {
      line: lineAt(text, control.index),
    })
  }
  if (text.trim() === '') throw new FormatProblem('file is empty (only whitespace)')
  return text
}
