import { stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { localPathOf } from '../../importers'
import { redactUrl } from '../../net'
import { extensionOf, resolvedSong } from '../outcome'
import type { SongQuery } from '../../matching'
import type { ResolveContext, ResolveOutcome, Source } from '../types'

const HTTP_URL = /^https?:\/\//i

/** The track's own location from the export: a URL to fetch or a file already on disk. */
export class DirectSource implements Source {
  readonly type = 'direct' as const

  constructor(
    readonly id: string,
    readonly maxConcurrency: number,
  ) {}

  async resolve(query: SongQuery, { signal }: ResolveContext): Promise<ResolveOutcome> {
    signal.throwIfAborted()
    const location = query.location?.trim()
    if (!location) return { kind: 'none', reason: 'the track has no location' }
    if (HTTP_URL.test(location)) return this.fromUrl(query, location)
    const path = localPathOf(location)
    if (path === null) {
      return { kind: 'none', reason: `unsupported location ${redactUrl(location)}` }
    }
    return this.fromFile(query, path)
  }

  private fromUrl(query: SongQuery, location: string): ResolveOutcome {
    let url: URL
    try {
      url = new URL(location)
    } catch {
      return { kind: 'none', reason: `not a valid URL: ${redactUrl(location)}` }
    }
    return {
      kind: 'match',
      song: resolvedSong({
        ...this.matched(query),
        trackId: url.href,
        url: url.href,
        ext: extensionOf(url.pathname),
      }),
    }
  }

  private async fromFile(query: SongQuery, path: string): Promise<ResolveOutcome> {
    if (!isAbsolute(path) && query.playlistDir === null) {
      return {
        kind: 'none',
        reason: `relative path "${path}" but no playlist folder to resolve it`,
      }
    }
    const filePath = isAbsolute(path) ? path : resolve(query.playlistDir ?? '', path)
    const info = await stat(filePath).catch(() => null)
    if (!info?.isFile()) return { kind: 'none', reason: `file not found: ${filePath}` }
    return {
      kind: 'match',
      song: resolvedSong({
        ...this.matched(query),
        trackId: filePath,
        filePath,
        ext: extensionOf(filePath),
        sizeBytes: info.size,
      }),
    }
  }

  /** The export named this very track, so it matches itself fully. */
  private matched(query: SongQuery) {
    return {
      sourceId: this.id,
      sourceType: this.type,
      score: 1,
      matchedTitle: query.title,
      matchedArtists: query.artists,
    }
  }
}
