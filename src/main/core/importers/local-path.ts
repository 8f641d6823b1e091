const URI_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):/
const DRIVE_AFTER_SLASH = /^\/[A-Za-z]:(?:[/\\]|$)/
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g

/** Percent-decodes as UTF-8; a run that is not valid UTF-8 is left as written. */
function percentDecode(text: string): string {
  return text.replace(PERCENT_RUN, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/** file:///a/b, file://localhost/a/b and file:/a/b are local; file://host/x is a UNC share. */
function fileUriPath(uri: string): string {
  const rest = uri.slice('file:'.length)
  if (!rest.startsWith('//')) return percentDecode(rest)
  const slash = rest.indexOf('/', 2)
  const host = slash === -1 ? rest.slice(2) : rest.slice(2, slash)
  const path = slash === -1 ? '' : rest.slice(slash)
  if (host !== '' && host.toLowerCase() !== 'localhost') return percentDecode(`//${host}${path}`)
  const decoded = percentDecode(path)
  return DRIVE_AFTER_SLASH.test(decoded) ? decoded.slice(1) : decoded
}

/**
 * The local path a location names: a file: URI decoded, a bare path as it is (relative
 * paths stay relative to the playlist's folder), any other URI scheme none. One-letter
 * "schemes" are Windows drives.
 */
export function localPathOf(location: string | null): string | null {
  if (location === null) return null
  const scheme = URI_SCHEME.exec(location)?.[1]
  if (scheme === undefined) return location
  return scheme.toLowerCase() === 'file' ? fileUriPath(location) : null
}
