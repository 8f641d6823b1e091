import { chooseMatch, type MatchOptions, type SongQuery } from '../../matching'
import type { CommandSourceConfig } from '../config'
import { outcomeOf, resolvedSong } from '../outcome'
import type { ResolveContext, ResolveOutcome, Source } from '../types'
import { expandArguments, placeholderValues, usesPlaceholder } from './command-args'
import { parseCommandOutput, type CommandCandidate } from './command-output'
import { runCommand } from './run-command'

export interface CommandSourceOptions {
  match?: MatchOptions
}

/**
 * An external extractor such as yt-dlp, run once per song. A command given the track's own
 * `{location}` resolves that very track, so its first entry is taken as it is (the generic
 * extractor only knows the file name as a title); a command that searches is matched.
 */
export class CommandSource implements Source {
  readonly type = 'command' as const
  readonly id: string
  readonly maxConcurrency: number
  private readonly byLocation: boolean

  constructor(
    private readonly config: CommandSourceConfig & { maxConcurrency: number },
    private readonly options: CommandSourceOptions = {},
  ) {
    this.id = config.id
    this.maxConcurrency = config.maxConcurrency
    this.byLocation = usesPlaceholder(config.command, 'location')
  }

  async resolve(query: SongQuery, context: ResolveContext): Promise<ResolveOutcome> {
    const { signal, onProgress } = context
    const expansion = expandArguments(this.config.command, placeholderValues(query))
    if (!expansion.ok) return { kind: 'none', reason: `command source: ${expansion.reason}` }
    onProgress?.(`running ${this.config.command[0] ?? 'command'}`)
    const stdout = await runCommand(expansion.argv, { timeoutMs: this.config.timeoutMs, signal })
    const candidates = parseCommandOutput(stdout)
    const [first] = candidates
    if (!first) {
      return {
        kind: 'none',
        reason: `"${this.config.command[0]}" found no entry with an http(s) url to an audio-only format`,
      }
    }
    if (this.byLocation) return { kind: 'match', song: this.song(first, 1, query) }
    const match = { ...this.options.match, chosenTrackId: context.chosenTrackId }
    return outcomeOf(chooseMatch(query, candidates, match), (candidate) =>
      this.song(candidate, candidate.score, null),
    )
  }

  /** For a location the export's names are kept: the extractor's title is just a file name. */
  private song(candidate: CommandCandidate, score: number, query: SongQuery | null) {
    return resolvedSong({
      sourceId: this.id,
      sourceType: this.type,
      score,
      matchedTitle: query?.title ?? candidate.shown.title,
      matchedArtists: query?.artists ?? candidate.shown.artists,
      trackId: candidate.trackId,
      url: candidate.url,
      headers: candidate.headers,
      ext: candidate.ext,
      sizeBytes: candidate.sizeBytes,
      expiresAt: candidate.expiresAt,
    })
  }
}
