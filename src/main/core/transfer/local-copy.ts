import { errorMessage } from '../../../shared/error-message'
import { link, mkdir, open, stat, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Clock } from '../util'
import { assertAcceptedAudio } from './audio-check'
import { describeHead, detectAudioFormat, EXPECTED_FORMATS } from './audio-container'
import { createContentHasher, type ContentHasher } from './content-hash'
import { commitPart, discardPart, partPathOf, readHead } from './part-file'
import { ProgressMeter } from './progress-meter'
import { NotAudioError, TransferAbortedError, TransferError } from './transfer-errors'
import type { CopyRequest, TransferResult } from './transfer-types'

const CHUNK = 1 << 20
/** A hard link is impossible across devices or on some file systems: copy instead. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS'])

export interface LocalCopyOptions {
  now: Clock
  progressIntervalMs: number
}

/**
 * Brings a local file into the library through `<target>.part` (a hard link when asked and
 * possible, else a copy), hashing and checking it like a download before the rename.
 */
export async function copyLocalFile(
  request: CopyRequest,
  options: LocalCopyOptions,
): Promise<TransferResult> {
  const { filePath, targetPath, signal } = request
  try {
    signal?.throwIfAborted()
    const { size } = await stat(filePath)
    await mkdir(dirname(targetPath), { recursive: true })
    await discardPart(targetPath)
    const meter = new ProgressMeter(request.onProgress, { ...options, totalBytes: size })
    const linked = request.link && (await tryLink(filePath, partPathOf(targetPath)))
    const hash = createContentHasher()
    const handle = await open(partPathOf(targetPath), linked ? 'r' : 'wx+')
    try {
      if (linked) await readAll(handle, null, hash, meter, signal)
      else await copyInto(filePath, handle, hash, meter, signal)
      await assertAudio(filePath, handle)
    } finally {
      await handle.close()
    }
    await assertAcceptedAudio(partPathOf(targetPath), request.audioCheck)
    await commitPart(targetPath)
    meter.finish()
    return result(targetPath, meter.downloadedBytes, hash)
  } catch (error) {
    await discardPart(targetPath)
    throw copyFailure(request, error)
  }
}

async function tryLink(filePath: string, partPath: string): Promise<boolean> {
  try {
    await link(filePath, partPath)
    return true
  } catch (error) {
    if (NO_LINK.has((error as NodeJS.ErrnoException).code ?? '')) return false
    throw error
  }
}

async function copyInto(
  filePath: string,
  target: FileHandle,
  hash: ContentHasher,
  meter: ProgressMeter,
  signal: AbortSignal | undefined,
): Promise<void> {
  const source = await open(filePath, 'r')
  try {
    await readAll(source, target, hash, meter, signal)
    await target.sync()
  } finally {
    await source.close()
  }
}

/** Reads `source` to its end into `hash` and, when given, into `target`. */
async function readAll(
  source: FileHandle,
  target: FileHandle | null,
  hash: ContentHasher,
  meter: ProgressMeter,
  signal: AbortSignal | undefined,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK)
  for (let position = 0; ;) {
    signal?.throwIfAborted()
    const { bytesRead } = await source.read(buffer, 0, CHUNK, position)
    if (bytesRead === 0) return
    const chunk = buffer.subarray(0, bytesRead)
    hash.update(chunk)
    if (target) await target.write(chunk, 0, bytesRead, position)
    position += bytesRead
    meter.add(bytesRead)
  }
}

async function assertAudio(filePath: string, handle: FileHandle): Promise<void> {
  if ((await detectAudioFormat(handle)) !== null) return
  throw new NotAudioError(
    `not an audio file: ${filePath} starts with ${describeHead(await readHead(handle))} (expected ${EXPECTED_FORMATS})`,
  )
}

function result(path: string, sizeBytes: number, hash: ContentHasher): TransferResult {
  return {
    path,
    sizeBytes,
    contentHash: hash.digest(),
    resumedFromBytes: 0,
    contentType: null,
    etag: null,
    lastModified: null,
  }
}

function copyFailure(request: CopyRequest, error: unknown): Error {
  if (request.signal?.aborted) return new TransferAbortedError(`copy aborted: ${request.filePath}`)
  if (error instanceof TransferError) return error
  const detail = errorMessage(error)
  return new TransferError(`cannot copy ${request.filePath}: ${detail}`, false, { cause: error })
}
