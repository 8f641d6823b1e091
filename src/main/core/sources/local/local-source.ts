import { stat } from 'node:fs/promises'
import type { IndexedFile, LocalIndexRepository } from '../../catalog'
import { systemClock, type Clock, untilAborted } from '../../util'
import {
  chooseMatch,
  type MatchOptions,
  similarity,
  titleParts,
  type SongQuery,
} from '../../matching'
import type { LocalSourceConfig } from '../config'
import { extensionOf, outcomeOf, resolvedSong } from '../outcome'
import type { ResolveContext, ResolveOutcome, Source } from '../types'
import { indexedCandidate, type IndexedCandidate } from './indexed-candidate'
import { refreshIndex, type IndexStats } from './local-indexer'

export interface LocalSourceOptions {
  /** The catalog's `local_index` table, where the source keeps its tag cache. */
  index: LocalIndexRepository
  clock?: Clock
  match?: MatchOptions
  /** How long an index scan stays good before the next resolve scans the folders again. */
  rescanAfterMs?: number
}

interface LoadedFile {
  file: IndexedFile
  core: string
}

const DEFAULT_RESCAN_AFTER_MS = 10 * 60_000
const FUZZY_TITLE_MIN = 0.7

/** Folders already on disk (another library, a NAS share), found by their tags. */
export class LocalSource implements Source {
  readonly type = 'local' as const
  readonly id: string
  private readonly repository: LocalIndexRepository
  private readonly clock: Clock
  private files: LoadedFile[] = []
  private scannedAt: number | null = null
  private scanning: Promise<IndexStats> | null = null
  private readonly closing = new AbortController()

  constructor(
    private readonly config: LocalSourceConfig & { maxConcurrency: number },
    private readonly options: LocalSourceOptions,
  ) {
    this.id = config.id
    this.clock = options.clock ?? systemClock
    this.repository = options.index
  }

  get maxConcurrency(): number {
    return this.config.maxConcurrency
  }

  /** Scans the folders now; concurrent callers share one scan, which only close() stops. */
  refresh(onProgress?: (text: string) => void): Promise<IndexStats> {
    this.scanning ??= this.scan(onProgress)
      .then((stats) => {
        this.scannedAt = this.clock()
        return stats
      })
      .finally(() => {
        this.scanning = null
      })
    return this.scanning
  }

  async close(): Promise<void> {
    this.closing.abort(new Error(`local source "${this.id}" closed`))
    await this.scanning?.catch(() => undefined)
  }

  async resolve(query: SongQuery, context: ResolveContext): Promise<ResolveOutcome> {
    const rescanAfter = this.options.rescanAfterMs ?? DEFAULT_RESCAN_AFTER_MS
    if (this.scannedAt === null || this.clock() - this.scannedAt > rescanAfter) {
      await untilAborted(this.refresh(context.onProgress), context.signal)
    }
    context.signal.throwIfAborted()
    const choice = chooseMatch(query, this.candidatesFor(query.title), {
      ...this.options.match,
      chosenTrackId: context.chosenTrackId,
    })
    if (choice.kind === 'match' && !(await stillThere(choice.candidate.file))) {
      this.scannedAt = null
      return { kind: 'none', reason: `indexed file is gone: ${choice.candidate.file.path}` }
    }
    return outcomeOf(choice, (candidate) =>
      resolvedSong({
        sourceId: this.id,
        sourceType: this.type,
        score: candidate.score,
        matchedTitle: candidate.title,
        matchedArtists: candidate.artists,
        trackId: candidate.file.path,
        filePath: candidate.file.path,
        ext: extensionOf(candidate.file.path),
        sizeBytes: candidate.file.sizeBytes,
        link: this.config.link,
      }),
    )
  }

  private async scan(onProgress?: (text: string) => void): Promise<IndexStats> {
    const stats = await refreshIndex(this.repository, this.id, this.config.roots, {
      signal: this.closing.signal,
      ...(onProgress ? { onProgress } : {}),
    })
    this.files = this.repository
      .files(this.id)
      .map((file) => ({ file, core: titleParts(file.title).core }))
    return stats
  }

  /** Files with the same core title; failing that, ones with a similar title. */
  private candidatesFor(title: string): IndexedCandidate[] {
    const core = titleParts(title).core
    let hits = this.files.filter((loaded) => loaded.core === core)
    if (hits.length === 0) {
      hits = this.files.filter((loaded) => similarity(loaded.core, core) >= FUZZY_TITLE_MIN)
    }
    return hits.map(({ file }) => indexedCandidate(file))
  }
}

async function stillThere(file: IndexedFile): Promise<boolean> {
  const info = await stat(file.path).catch(() => null)
  return info?.isFile() === true
}
