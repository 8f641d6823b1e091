import { copyFile, open, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Dispatcher } from 'undici'
import { hashFile, detectAudioFormat, syncFolder } from '../transfer'
import { errorMessage } from '../../../shared/error-message'
import { fetchCover, type CoverImage } from './cover-art'
import type { SongTags } from './song-tags'
import { isTaggable, writeTags, type TaggableFormat } from './write-tags'

export interface FileTaggerOptions {
  dispatcher?: Dispatcher
  coverMaxBytes?: number
  coverTimeoutMs?: number
}

/** The file at its final name after tagging: what the library must record for it. */
export interface TaggedFile {
  sizeBytes: number
  contentHash: string
}

export interface TagOutcome {
  /** Null when the file was left exactly as downloaded. */
  file: TaggedFile | null
  /** What did not work (a cover, the tags); the file is whole either way. */
  problems: string[]
}

const TEMP_SUFFIX = '.tagging'

/**
 * Tags downloaded files. Each file is tagged as a copy beside it, synced, hashed and renamed
 * over the original, so a crash or a failure never leaves a half-written file at its name, and
 * a hard link into another library is replaced rather than changed.
 */
export class FileTagger {
  constructor(private readonly options: FileTaggerOptions = {}) {}

  /** Never throws: whatever fails is reported in `problems` and the file stays as it was. */
  async tag(path: string, tags: SongTags, signal: AbortSignal): Promise<TagOutcome> {
    const problems: string[] = []
    try {
      const format = await formatOf(path)
      if (!isTaggable(format)) return { file: null, problems }
      const cover = await this.cover(tags.coverUrls, signal, problems)
      return { file: await tagCopy(path, format, tags, cover), problems }
    } catch (error) {
      problems.push(`tags not written: ${errorMessage(error)}`)
      return { file: null, problems }
    }
  }

  /** The first cover that can be fetched; a cover that cannot is only reported. */
  private async cover(
    urls: readonly string[],
    signal: AbortSignal,
    problems: string[],
  ): Promise<CoverImage | null> {
    const failures: string[] = []
    for (const url of urls) {
      try {
        return await fetchCover(url, {
          signal,
          ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
          ...(this.options.coverMaxBytes ? { maxBytes: this.options.coverMaxBytes } : {}),
          ...(this.options.coverTimeoutMs ? { timeoutMs: this.options.coverTimeoutMs } : {}),
        })
      } catch (error) {
        failures.push(errorMessage(error))
      }
    }
    if (failures.length > 0) problems.push(`no cover picture: ${failures.join('; ')}`)
    return null
  }
}

async function formatOf(path: string) {
  const handle = await open(path, 'r')
  try {
    return await detectAudioFormat(handle)
  } finally {
    await handle.close()
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function tagCopy(
  path: string,
  format: TaggableFormat,
  tags: SongTags,
  cover: CoverImage | null,
): Promise<TaggedFile> {
  const temp = `${path}${TEMP_SUFFIX}`
  try {
    await copyFile(path, temp)
    await writeTags(temp, format, tags, cover)
    await syncFile(temp)
    // The same hash `verify` checks, of the bytes that will be at the final name.
    const contentHash = await hashFile(temp)
    const { size } = await stat(temp)
    await rename(temp, path)
    await syncFolder(dirname(path))
    return { sizeBytes: size, contentHash }
  } finally {
    await rm(temp, { force: true })
  }
}
