import { errorMessage } from '../../../shared/error-message'
import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import nodePath, { dirname, join, resolve, type PlatformPath } from 'node:path'
import type {
  CatalogRepository,
  LibraryRepository,
  PlaylistRepository,
  LocalFile,
  Playlist,
  Song,
} from '../catalog'
import { fitFileName } from './path-part'

export const DEFAULT_PLAYLIST_FOLDER = 'Playlists'
const EXTENSION = 'm3u8'

/** The repositories a playlist file is built from (the service facade has them all). */
export interface PlaylistFileDeps {
  playlists: PlaylistRepository
  catalog: CatalogRepository
  library: LibraryRepository
}

export interface PlaylistFileOptions {
  /** The library root the `Playlists` folder goes in. */
  root: string
  /** The folder's name (or path) under the root, or an absolute folder. */
  folder?: string
}

export interface MissingSong {
  songId: number
  display: string
}

export interface PlaylistFileResult {
  playlistId: number
  path: string
  /** How many songs the file lists (0 when it could not be written). */
  written: number
  /** Songs of the playlist with no active file yet, left out of the file. */
  missing: MissingSong[]
  /** Why the file could not be written (a full or read-only disk); the old file, if any, stays. */
  error?: string
}

interface PlaylistEntry {
  seconds: number
  display: string
  location: string
}

/** `Artist - Title` on one line (a line break would end the entry early). */
const displayOf = (song: Song): string =>
  `${song.singers || song.artists.join(', ')} - ${song.name}`.replace(/[\r\n]+/g, ' ')

/** The M3U8 text: `#EXTM3U`, then one `#EXTINF` line and one location per entry. */
function renderPlaylist(entries: readonly PlaylistEntry[]): string {
  const lines = ['#EXTM3U']
  for (const entry of entries)
    lines.push(`#EXTINF:${entry.seconds},${entry.display}`, entry.location)
  return `${lines.join('\n')}\n`
}

/**
 * Where a player finds the file from the playlist's folder: a relative POSIX path, or the
 * absolute path when the two sit on different drives (no relative path joins them).
 */
export function playlistLocation(
  playlistDir: string,
  filePath: string,
  paths: PlatformPath = nodePath,
): string {
  const rootOf = (p: string) => paths.parse(paths.resolve(p)).root
  if (rootOf(playlistDir) !== rootOf(filePath)) return filePath
  return paths.relative(playlistDir, filePath).split(paths.sep).join('/')
}

/**
 * Each playlist's `.m3u8` file name, its name sanitised like a file name. Names that clash
 * (also by case, for case-insensitive disks) go to the oldest playlist; the others get their
 * id appended, so no playlist overwrites another's file and every sync picks the same names.
 */
export function playlistFileNames(playlists: readonly Pick<Playlist, 'id' | 'name'>[]) {
  const names = new Map<number, string>()
  const taken = new Set<string>()
  for (const playlist of [...playlists].sort((a, b) => a.id - b.id)) {
    let name = fitFileName(playlist.name, EXTENSION)
    if (taken.has(name.toLowerCase()))
      name = fitFileName(playlist.name, EXTENSION, ` (${playlist.id})`)
    taken.add(name.toLowerCase())
    names.set(playlist.id, name)
  }
  return names
}

/** The path of a playlist file of this name in the playlist folder. */
export function playlistFilePath(fileName: string, options: PlaylistFileOptions): string {
  return resolve(options.root, options.folder ?? DEFAULT_PLAYLIST_FOLDER, fileName)
}

/** Writes to a temporary name in the same folder, then renames: readers never see half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.catalogsync-${randomUUID()}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** A file of the song, preferring one in the playlist's own library root. */
function pickFile(files: readonly LocalFile[], preferredBackendId: number | undefined) {
  return files.find((file) => file.backendId === preferredBackendId) ?? files[0]
}

/** The playlist's songs that have a file, as entries for a file in `playlistDir`, and the rest. */
function collectEntries(
  deps: PlaylistFileDeps,
  playlistId: number,
  playlistDir: string,
  libraryRoot: string,
): { entries: PlaylistEntry[]; missing: MissingSong[] } {
  const backends = deps.library.listBackends()
  const roots = new Map(backends.map((b) => [b.id, b.root]))
  const preferred = backends.find((b) => b.root === resolve(libraryRoot))?.id
  const entries: PlaylistEntry[] = []
  const missing: MissingSong[] = []
  for (const songId of deps.playlists.songIds(playlistId)) {
    const song = deps.catalog.getSong(songId)
    if (!song) continue
    const file = pickFile(deps.library.activeLocalFiles(songId), preferred)
    const root = file && roots.get(file.backendId)
    if (!file || root === undefined) {
      missing.push({ songId, display: displayOf(song) })
      continue
    }
    entries.push({
      seconds: song.durationMs === null ? -1 : Math.round(song.durationMs / 1000),
      display: displayOf(song),
      location: playlistLocation(playlistDir, join(root, file.relativePath)),
    })
  }
  return { entries, missing }
}

/** Writes one playlist's `.m3u8`, in playlist order, leaving out songs without a file. */
export async function writePlaylistFile(
  deps: PlaylistFileDeps,
  playlistId: number,
  options: PlaylistFileOptions,
  fileNames: ReadonlyMap<number, string> = playlistFileNames(deps.playlists.listPlaylists()),
): Promise<PlaylistFileResult> {
  const fileName = fileNames.get(playlistId)
  if (fileName === undefined) throw new Error(`No playlist with id ${playlistId}`)
  const path = playlistFilePath(fileName, options)
  const { entries, missing } = collectEntries(deps, playlistId, dirname(path), options.root)
  try {
    await writeAtomically(path, renderPlaylist(entries))
  } catch (error) {
    // Reported, not thrown: a sync whose songs arrived must not fail over its playlist file.
    const message = errorMessage(error)
    return { playlistId, path, written: 0, missing, error: message }
  }
  return { playlistId, path, written: entries.length, missing }
}

/** Writes the `.m3u8` of each playlist named (every playlist when none are), one after another. */
export async function writePlaylistFiles(
  deps: PlaylistFileDeps,
  playlistIds: readonly number[],
  options: PlaylistFileOptions,
): Promise<PlaylistFileResult[]> {
  const all = deps.playlists.listPlaylists()
  const fileNames = playlistFileNames(all)
  const ids = playlistIds.length ? playlistIds : all.map((p) => p.id)
  const results: PlaylistFileResult[] = []
  for (const id of ids) results.push(await writePlaylistFile(deps, id, options, fileNames))
  return results
}

/** Rewrites the playlists' files in the default library root, for a command run on demand. */
export async function rewriteLibraryPlaylists(
  deps: PlaylistFileDeps,
  playlistIds: readonly number[] = [],
  folder: string = DEFAULT_PLAYLIST_FOLDER,
): Promise<PlaylistFileResult[]> {
  const backend = deps.library.defaultBackend()
  if (!backend) throw new Error('no library root is recorded yet: run a sync first')
  return writePlaylistFiles(deps, playlistIds, { root: backend.root, folder })
}

/**
 * After a re-import, the playlists that were synced before get their files rewritten in the
 * new order (a new playlist gets its file at its first sync). Nothing happens before the first
 * sync has recorded a library root.
 */
export async function rewriteReimportedPlaylists(
  deps: PlaylistFileDeps,
  imported: readonly { playlistId: number; created: boolean }[],
  folder: string,
): Promise<PlaylistFileResult[]> {
  const ids = imported
    .filter((p) => !p.created && deps.playlists.getPlaylist(p.playlistId)?.lastSyncedAt != null)
    .map((p) => p.playlistId)
  if (ids.length === 0 || !deps.library.defaultBackend()) return []
  return rewriteLibraryPlaylists(deps, ids, folder)
}
