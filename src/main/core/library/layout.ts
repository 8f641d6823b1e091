import { realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fitFileName, sanitizePart } from './path-part'

export const DEFAULT_LAYOUT = '{artist}/{album}/{title}.{ext}'

export interface LayoutFields {
  /** Defaults to the first of `artists`. */
  artist?: string | null
  artists: string[]
  album: string | null
  title: string
  /** File extension without the dot (`mp3`). */
  ext: string
  playlist?: string | null
  /** Track number, written with two digits. */
  track?: number | null
}

export class LayoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LayoutError'
  }
}

/** The final path would leave its library root (`..`, an absolute path, a symlink). */
export class PathEscapeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PathEscapeError'
  }
}

const PLACEHOLDER = /\{([a-z]+)\}/g

function fieldValues(fields: LayoutFields): Record<string, string> {
  const artists = fields.artists.map((name) => name.trim()).filter(Boolean)
  return {
    artist: fields.artist?.trim() || artists[0] || 'Unknown Artist',
    artists: artists.join(', ') || 'Unknown Artist',
    album: fields.album?.trim() || 'Unknown Album',
    title: fields.title.trim() || 'Untitled',
    playlist: fields.playlist?.trim() || 'Unknown Playlist',
    track: fields.track ? String(fields.track).padStart(2, '0') : '',
  }
}

/** Only letters and digits, so an extension can never carry a separator or a second dot. */
const safeExtension = (ext: string): string =>
  ext
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 10) || 'bin'

function fill(segment: string, values: Record<string, string>): string {
  return segment.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name]
    if (value === undefined) throw new LayoutError(`unknown layout field ${whole}`)
    return value
  })
}

/**
 * The library-relative path for a song (`/`-separated). The template's own slashes make the
 * folders; each component is filled in and sanitised on its own, so a `/` in a title never
 * makes a folder. The extension is always kept, also when the template leaves it out.
 */
export function renderLayout(template: string, fields: LayoutFields): string {
  const values = fieldValues(fields)
  const ext = safeExtension(fields.ext)
  const segments = template.split(/[/\\]+/).filter((segment) => segment.trim() !== '')
  const fileSegment = segments.pop()
  if (fileSegment === undefined) throw new LayoutError('the layout template is empty')
  const folders = segments.map((segment) => sanitizePart(fill(segment, values)))
  const stem = fill(fileSegment.replace(/\.\{ext\}$/, ''), { ...values, ext })
  return [...folders, fitFileName(stem, ext)].join('/')
}

/** The real path of `path`, resolving symlinks in the part of it that exists. */
function realPath(path: string): string {
  const missing: string[] = []
  for (let current = path; ; current = dirname(current)) {
    try {
      return join(realpathSync(current), ...missing.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    }
    if (dirname(current) === current) return path
    missing.push(basename(current))
  }
}

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`))
}

/**
 * The absolute path of `relativePath` under `root`; throws PathEscapeError if it would land
 * outside, lexically or through a symlinked folder that already exists.
 */
export function resolveInsideRoot(root: string, relativePath: string): string {
  const base = resolve(root)
  const target = resolve(base, relativePath)
  if (isAbsolute(relativePath) || target === base || !isInside(base, target)) {
    throw new PathEscapeError(`path ${JSON.stringify(relativePath)} leaves the library ${base}`)
  }
  if (!isInside(realPath(base), realPath(dirname(target)))) {
    throw new PathEscapeError(
      `path ${JSON.stringify(relativePath)} leaves the library ${base} through a symlink`,
    )
  }
  return target
}
