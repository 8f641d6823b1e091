import type { Dispatcher } from 'undici'
import {
  chooseMatch,
  type MatchChoice,
  type MatchOptions,
  coreTitleText,
  type SongQuery,
} from '../../matching'
import type { SubsonicSourceConfig } from '../config'
import { resolvedSong, unmatched } from '../outcome'
import type { ResolveContext, ResolveOutcome, Source } from '../types'
import { SubsonicClient } from './subsonic-client'
import type { SubsonicCandidate } from './subsonic-songs'

export interface SubsonicSourceOptions {
  dispatcher?: Dispatcher
  timeoutMs?: number
  match?: MatchOptions
}

/**
 * The texts to search for, most specific first. Servers differ: some match every word
 * anywhere ("Hello Adele" works), others match the whole text against one field at a time
 * (only "Hello" works), so the title alone comes next, then without its brackets.
 */
export function searchTexts(query: SongQuery): string[] {
  const title = query.title.trim()
  if (!title) return []
  const core = coreTitleText(title)
  const artist = query.artists[0]?.trim()
  const texts = [artist ? `${title} ${artist}` : '', title, core]
  return [...new Set(texts.filter(Boolean))]
}

/** Any Subsonic / OpenSubsonic server: search3 for candidates, download for the file. */
export class SubsonicSource implements Source {
  readonly type = 'subsonic' as const
  readonly id: string
  readonly maxConcurrency: number
  private readonly client: SubsonicClient

  constructor(
    config: SubsonicSourceConfig & { maxConcurrency: number },
    private readonly options: SubsonicSourceOptions = {},
  ) {
    this.id = config.id
    this.maxConcurrency = config.maxConcurrency
    this.client = new SubsonicClient({
      url: config.url,
      user: config.user,
      password: config.password,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    })
  }

  async resolve(query: SongQuery, context: ResolveContext): Promise<ResolveOutcome> {
    const { signal, onProgress } = context
    const texts = searchTexts(query)
    if (texts.length === 0) return { kind: 'none', reason: 'the track has no title to search for' }
    onProgress?.('connecting to subsonic')
    await this.client.connect(signal)
    const choice = await this.search(query, texts, context)
    if (choice.kind !== 'match') return unmatched(choice)
    return this.download(choice.candidate, signal, onProgress)
  }

  /** Searches text by text, stopping at the first that yields a match. */
  private async search(
    query: SongQuery,
    texts: readonly string[],
    { signal, onProgress, chosenTrackId }: ResolveContext,
  ): Promise<MatchChoice<SubsonicCandidate>> {
    const match = { ...this.options.match, chosenTrackId }
    const found = new Map<string, SubsonicCandidate>()
    let choice: MatchChoice<SubsonicCandidate> = {
      kind: 'none',
      reason: 'no candidates found',
      candidates: [],
    }
    for (const [index, text] of texts.entries()) {
      onProgress?.(`searching subsonic (${index + 1}/${texts.length})`)
      for (const song of await this.client.search(text, signal)) found.set(song.trackId, song)
      choice = chooseMatch(query, [...found.values()], match)
      if (choice.kind === 'match') break
    }
    return choice
  }

  private async download(
    song: SubsonicCandidate & { score: number },
    signal: AbortSignal,
    onProgress?: (text: string) => void,
  ): Promise<ResolveOutcome> {
    onProgress?.('checking subsonic download')
    const url = await this.client.downloadUrl(song.trackId, signal)
    const check = await this.client.checkDownload(url, signal)
    const coverUrl = song.coverArt ? await this.client.coverArtUrl(song.coverArt, signal) : null
    return {
      kind: 'match',
      song: resolvedSong({
        sourceId: this.id,
        sourceType: this.type,
        score: song.score,
        matchedTitle: song.title,
        matchedArtists: song.artists,
        trackId: song.trackId,
        url,
        ext: song.suffix,
        sizeBytes: song.sizeBytes ?? check.sizeBytes,
        coverUrl,
      }),
    }
  }
}
