import sanitize from 'sanitize-filename'

/** Most file systems (ext4, NTFS, APFS) allow 255 bytes per name. */
export const MAX_NAME_BYTES = 255

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character or an emoji. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  let bytes = 0
  let kept = ''
  for (const { segment } of graphemes.segment(text)) {
    bytes += Buffer.byteLength(segment)
    if (bytes > maxBytes) break
    kept += segment
  }
  return kept
}

/**
 * Leading dots would hide the file from players; trailing dots and spaces are invalid on
 * Windows. Trimmed by hand (not by sanitize-filename) so `T.N.T.` becomes `T.N.T`, not `T.N.T_`.
 */
function trimEnds(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && /[.\s]/.test(text.charAt(start))) start += 1
  while (end > start && /[.\s]/.test(text.charAt(end - 1))) end -= 1
  return text.slice(start, end)
}

/**
 * One safe path component: sanitize-filename replaces slashes, reserved characters, control
 * characters and reserved names (`CON`, `NUL`, `..`…) with `_`; the result fits `maxBytes`.
 * Never empty: what sanitises to nothing becomes `_`.
 */
export function sanitizePart(raw: string, maxBytes: number = MAX_NAME_BYTES): string {
  // DEL is a control character that sanitize-filename lets through.
  const cleaned = sanitize(trimEnds(raw.normalize('NFC').replace(/\x7f/g, '_')), {
    replacement: '_',
  })
  return trimEnds(truncateUtf8(cleaned, maxBytes)) || '_'
}

/** `stem.ext`, cutting the stem (never the extension or the suffix) to fit one name. */
export function fitFileName(stem: string, ext: string, suffix = ''): string {
  const tail = ext ? `${suffix}.${ext}` : suffix
  return `${sanitizePart(stem, MAX_NAME_BYTES - Buffer.byteLength(tail))}${tail}`
}

/** Splits `name.ext` at its last dot; a name without one has an empty extension. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? { stem: name, ext: '' } : { stem: name.slice(0, dot), ext: name.slice(dot + 1) }
}
