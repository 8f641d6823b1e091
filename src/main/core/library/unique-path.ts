import { fitFileName, splitExtension } from './path-part'

/** Who holds a library-relative path: a song id, or null when it is free. */
export type PathOwner = (relativePath: string) => number | null

const MAX_TRIES = 1000

/** `Title (n).ext` in the same folder, still within the name length limit. */
export function numberedPath(relativePath: string, n: number): string {
  const slash = relativePath.lastIndexOf('/')
  const folder = relativePath.slice(0, slash + 1)
  const { stem, ext } = splitExtension(relativePath.slice(slash + 1))
  return `${folder}${fitFileName(stem, ext, ` (${n})`)}`
}

/**
 * The path a song should use: `wanted` when it is free or already this song's (the same song
 * twice is recognised as present), else the first free `Title (2).ext`, `Title (3).ext`…
 */
export function uniqueRelativePath(wanted: string, songId: number, ownerOf: PathOwner): string {
  for (let n = 1; n <= MAX_TRIES; n += 1) {
    const candidate = n === 1 ? wanted : numberedPath(wanted, n)
    const owner = ownerOf(candidate)
    if (owner === null || owner === songId) return candidate
  }
  throw new Error(`no free file name for ${wanted} after ${MAX_TRIES} tries`)
}
