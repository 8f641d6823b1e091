import { basename, dirname, extname, resolve } from 'node:path'
import type { CatalogRepository, PlaylistRepository } from '../catalog'
import type { ExportFormat, ParsedExport, ParsedPlaylist } from '../importers'
import { diffTrackLists } from './playlist-diff'
import { trackToSong } from './track-to-song'
import type { PlaylistImportResult } from '../../../shared/contract'

/** A file read on this machine, or bytes uploaded by a client of the headless server. */
export type ExportSource = 'file' | 'upload'

export interface FileImportResult {
  file: string
  format: ExportFormat
  playlists: PlaylistImportResult[]
}

/** Thrown inside the preview transaction so that nothing it wrote is kept. */
const ROLLBACK = new Error('preview rollback')

/** Runs writes over several repositories as one transaction (the catalog store does). */
export interface Transactional {
  transaction<T>(fn: () => T): T
}

/**
 * Writes a parsed export into the catalog, one transaction per file. A playlist seen before
 * is synced in place: new songs added, existing ones kept with their state, order changes
 * recorded, removed tracks noted (never their files deleted).
 */
export class PlaylistImporter {
  constructor(
    private readonly store: Transactional,
    private readonly songs: CatalogRepository,
    private readonly playlists: PlaylistRepository,
  ) {}

  apply(parsed: ParsedExport, source: ExportSource = 'file'): FileImportResult {
    return this.store.transaction(() => this.write(parsed, source))
  }

  /** What `apply` would do, computed by doing it and rolling it back. */
  preview(parsed: ParsedExport, source: ExportSource = 'file'): FileImportResult {
    let result: FileImportResult | undefined
    try {
      this.store.transaction(() => {
        result = this.write(parsed, source)
        throw ROLLBACK
      })
    } catch (error) {
      if (error !== ROLLBACK) throw error
    }
    return result as FileImportResult
  }

  private write(parsed: ParsedExport, source: ExportSource): FileImportResult {
    // An upload names no file on this machine: keep its name, resolve no relative location.
    const file = source === 'upload' ? parsed.file : resolve(parsed.file)
    const origin =
      source === 'upload'
        ? { sourcePath: null, playlistDir: null }
        : { sourcePath: file, playlistDir: dirname(file) }
    return {
      file,
      format: parsed.format,
      playlists: parsed.playlists.map((playlist) => this.writePlaylist(parsed, origin, playlist)),
    }
  }

  private writePlaylist(
    parsed: ParsedExport,
    origin: { sourcePath: string | null; playlistDir: string | null },
    playlist: ParsedPlaylist,
  ): PlaylistImportResult {
    const context = {
      format: parsed.format,
      platform: parsed.platform,
      playlistDir: origin.playlistDir,
    }
    const songIds = this.songs
      .upsertSongs(playlist.tracks.map((track) => trackToSong(track, context)))
      .map((upserted) => upserted.song.id)
    const input = {
      name: playlist.name ?? basename(parsed.file, extname(parsed.file)).replace(/_/g, ' '),
      sourceFormat: parsed.format,
      sourcePath: origin.sourcePath,
      platform: playlist.sourceId ? (parsed.platform ?? parsed.format) : null,
      externalId: playlist.sourceId ?? null,
    }
    const existing = this.playlists.findForImport(input)
    const target = existing
      ? this.playlists.updateFromImport(existing.id, input)
      : this.playlists.createPlaylist(input)
    const diff = diffTrackLists(existing ? this.playlists.songIds(existing.id) : [], songIds)
    this.playlists.setSongs(target.id, songIds)
    this.playlists.recordRemovals(target.id, diff.removedSongIds, diff.addedSongIds)
    return {
      playlistId: target.id,
      name: target.name,
      created: !existing,
      tracks: songIds.length,
      added: diff.added,
      kept: diff.kept,
      removed: diff.removed,
      moved: diff.moved,
      unresolved: playlist.unresolvedTrackIds?.length ?? 0,
    }
  }
}
